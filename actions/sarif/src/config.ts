/**
 * The inputs of the SARIF gate: the one place their defaults live (action.yml declares none, so a
 * config file is never overridden by an action default).
 */
import {
  getEnum,
  getGlobs,
  getInteger,
  getList,
  InputError,
  requireInput,
  withDefaults,
  type Inputs,
  type InputSpec,
} from '@aeef/gate-result';
import type { SarifLevel } from './levels.js';
import type { SeverityBand } from './severity.js';

export const LEVEL_BARS = ['error', 'warning', 'note', 'none'] as const;
export const SEVERITY_BARS = ['critical', 'high', 'medium', 'low', 'none'] as const;
export const NEW_ONLY_MODES = ['false', 'diff', 'baseline'] as const;

export type LevelBar = (typeof LEVEL_BARS)[number];
export type SeverityBar = (typeof SEVERITY_BARS)[number];
export type NewOnlyMode = (typeof NEW_ONLY_MODES)[number];

export const INPUT_SPECS: readonly InputSpec[] = [
  {
    name: 'files',
    kind: 'globs',
    description: 'SARIF files or globs (.sarif, .sarif.json, gzip too). Required.',
  },
  {
    name: 'fail-on-level',
    kind: 'enum',
    values: LEVEL_BARS,
    default: 'error',
    description:
      'Lowest SARIF level that counts against the gate; `none` switches the level bar off. Default: error.',
  },
  {
    name: 'fail-on-severity',
    kind: 'enum',
    values: SEVERITY_BARS,
    default: 'high',
    description:
      'Lowest security-severity band that counts; `none` switches the severity bar off. Default: high.',
  },
  {
    name: 'max-findings',
    kind: 'integer',
    default: '0',
    description: 'Most findings at or above the bars that still pass. Default: 0.',
  },
  {
    name: 'new-only',
    kind: 'enum',
    values: NEW_ONLY_MODES,
    default: 'false',
    description:
      'Judge only new findings: `diff` (on the changed lines of the PR) or `baseline` (absent from `baseline-files`). Default: false.',
  },
  {
    name: 'baseline-files',
    kind: 'globs',
    description: 'SARIF files of the base branch, for `new-only: baseline`.',
  },
  {
    name: 'include',
    kind: 'globs',
    description: 'Only findings in files matching these globs count. Default: all.',
  },
  { name: 'exclude', kind: 'globs', description: 'Findings in files matching these globs are ignored.' },
  {
    name: 'ignore-rules',
    kind: 'list',
    description: 'Rule ids whose findings are ignored (listed in the summary).',
  },
];

export interface SarifConfig {
  files: string[];
  failOnLevel: LevelBar;
  failOnSeverity: SeverityBar;
  maxFindings: number;
  newOnly: NewOnlyMode;
  baselineFiles: string[];
  include: string[];
  exclude: string[];
  ignoreRules: string[];
}

/** Typed, validated config; throws `InputError` naming the input. Defaults apply here too (idempotent). */
export function readSarifConfig(given: Inputs): SarifConfig {
  const inputs = withDefaults(given, INPUT_SPECS);
  const expected = 'at least one SARIF file or glob';
  const config: SarifConfig = {
    files: requireInput('files', getGlobs(inputs, 'files'), expected),
    failOnLevel: requireInput('fail-on-level', getEnum(inputs, 'fail-on-level', LEVEL_BARS)),
    failOnSeverity: requireInput('fail-on-severity', getEnum(inputs, 'fail-on-severity', SEVERITY_BARS)),
    maxFindings: requireInput('max-findings', getInteger(inputs, 'max-findings', { max: 1_000_000_000 })),
    newOnly: requireInput('new-only', getEnum(inputs, 'new-only', NEW_ONLY_MODES)),
    baselineFiles: getGlobs(inputs, 'baseline-files') ?? [],
    include: getGlobs(inputs, 'include') ?? [],
    exclude: getGlobs(inputs, 'exclude') ?? [],
    ignoreRules: getList(inputs, 'ignore-rules'),
  };
  if (config.newOnly === 'baseline' && config.baselineFiles.length === 0) {
    throw new InputError(
      'baseline-files',
      'Expected `baseline-files` to name the base SARIF files, because `new-only` is `baseline`.',
    );
  }
  if (config.failOnLevel === 'none' && config.failOnSeverity === 'none') {
    throw new InputError(
      'fail-on-level',
      'Expected `fail-on-level` or `fail-on-severity` to set a bar; both are `none`, so nothing could fail.',
    );
  }
  return config;
}

const LEVEL_RANK: Record<SarifLevel, number> = { none: 0, note: 1, warning: 2, error: 3 };
const BAND_RANK: Record<SeverityBand, number> = { low: 1, medium: 2, high: 3, critical: 4 };

/** True when a level is at or above the bar (`none` as a bar: never). */
export function meetsLevel(level: SarifLevel, bar: LevelBar): boolean {
  return bar !== 'none' && level !== 'none' && LEVEL_RANK[level] >= LEVEL_RANK[bar];
}

/** True when a band is at or above the bar (`none` as a bar, or no band: never). */
export function meetsSeverity(band: SeverityBand | undefined, bar: SeverityBar): boolean {
  return bar !== 'none' && band !== undefined && BAND_RANK[band] >= BAND_RANK[bar];
}
