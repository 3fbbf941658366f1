/**
 * The coverage gate's inputs: names exactly as issue 2 fixes them. Defaults live here only (the
 * InputSpec), never in action.yml, so the config file is not overridden by action.yml defaults.
 */
import { InputError, type Inputs, type InputSpec } from '@aeef/gate-result';
import { getGlobs, getPercent, getString } from '@aeef/gate-result';
import type { MetricId } from './model.js';

export type ThresholdId = MetricId | 'patch';

export interface CoverageConfig {
  /** Report paths or globs; empty: the usual locations are searched (the first found is read). */
  files: string[];
  /** Minimum percentage per metric; unset metrics are reported without a threshold. */
  min: Partial<Record<ThresholdId, number>>;
  /** Allowed drop in percentage points against the baseline (`baselineFiles`, else the history). */
  maxDrop: number | undefined;
  baselineFiles: string[];
  /** The KPI history branch whose latest record of the base branch is the baseline without `baselineFiles`. */
  historyBranch: string;
  /** The instance name (`web` of `coverage:web`): its figures are `coverage-web.*` in the history. */
  name: string | undefined;
  exclude: string[];
}

export const INPUT_SPECS: readonly InputSpec[] = [
  {
    name: 'files',
    kind: 'globs',
    description:
      'Coverage reports (paths or globs, comma or newline separated). Default: the usual locations are searched.',
  },
  {
    name: 'min-lines',
    kind: 'percent',
    default: '80',
    description: 'Minimum line coverage in percent. Default: 80.',
  },
  {
    name: 'min-statements',
    kind: 'percent',
    description: 'Minimum statement coverage in percent. Default: none.',
  },
  {
    name: 'min-functions',
    kind: 'percent',
    description: 'Minimum function coverage in percent. Default: none.',
  },
  {
    name: 'min-branches',
    kind: 'percent',
    description: 'Minimum branch coverage in percent. Default: none.',
  },
  {
    name: 'min-patch',
    kind: 'percent',
    description: "Minimum coverage of the PR's changed executable lines in percent. Default: none.",
  },
  {
    name: 'max-drop',
    kind: 'percent',
    description:
      'Largest allowed drop of any metric against the base branch, in percentage points: against `baseline-files` when set, else against the latest record of the base branch in the KPI history branch (`history-branch`). Default: none.',
  },
  {
    name: 'baseline-files',
    kind: 'globs',
    description:
      'Coverage reports of the base branch, for `max-drop`; they win over the KPI history. Default: none (the history branch).',
  },
  {
    name: 'history-branch',
    kind: 'string',
    default: 'kpi-data',
    description:
      "The KPI export's history branch (its `history-branch`), read for `max-drop` when `baseline-files` is empty: the latest record of the base branch is the baseline. Default: kpi-data.",
  },
  {
    name: 'exclude',
    kind: 'globs',
    description: 'Globs of workspace-relative paths left out of every metric. Default: none.',
  },
  // `github-token` is read by the runtime (RUNTIME_INPUTS), which declares it for every gate.
];

const MIN_INPUTS: readonly [ThresholdId, string][] = [
  ['lines', 'min-lines'],
  ['statements', 'min-statements'],
  ['functions', 'min-functions'],
  ['branches', 'min-branches'],
  ['patch', 'min-patch'],
];

/** Reads and validates the inputs (defaults already overlaid by the runtime). */
export function readConfig(inputs: Inputs): CoverageConfig {
  const min: Partial<Record<ThresholdId, number>> = {};
  for (const [id, name] of MIN_INPUTS) {
    const value = getPercent(inputs, name);
    if (value !== undefined) min[id] = value;
  }
  const maxDrop = getPercent(inputs, 'max-drop');
  const baselineFiles = getGlobs(inputs, 'baseline-files') ?? [];
  const historyBranch = getString(inputs, 'history-branch') ?? 'kpi-data';
  if (!/^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]{1,100}$/.test(historyBranch)) {
    throw new InputError(
      'history-branch',
      `Expected \`history-branch\` to be a branch name, got \`${historyBranch.slice(0, 100)}\`.`,
    );
  }
  return {
    files: getGlobs(inputs, 'files') ?? [],
    min,
    maxDrop,
    baselineFiles,
    historyBranch,
    name: getString(inputs, 'name'),
    exclude: getGlobs(inputs, 'exclude') ?? [],
  };
}
