/**
 * The mutation gate's inputs: defaults live here only (action.yml declares none, so a config
 * file value is never overridden by an action.yml default).
 */
import {
  InputError,
  getBoolean,
  getGlobs,
  getInteger,
  getPercent,
  requireInput,
  type InputSpec,
  type Inputs,
} from '@aeef/gate-result';

export const DEFAULT_FILES = 'reports/mutation/mutation.json';
export const DEFAULT_MIN_SCORE = '60';

export const INPUT_SPECS: readonly InputSpec[] = [
  {
    name: 'files',
    kind: 'globs',
    description: `mutation-testing-report-schema JSON reports (paths or globs, commas or newlines); several are merged. Default: ${DEFAULT_FILES}`,
    default: DEFAULT_FILES,
  },
  {
    name: 'min-score',
    kind: 'percent',
    description: `Minimum mutation score, 0-100: (killed + timeout) / (killed + timeout + survived + no coverage). Default: ${DEFAULT_MIN_SCORE}`,
    default: DEFAULT_MIN_SCORE,
  },
  {
    name: 'min-covered-score',
    kind: 'percent',
    description:
      'Minimum score on covered code, 0-100: (killed + timeout) / (killed + timeout + survived). Default: not checked',
  },
  {
    name: 'min-patch-score',
    kind: 'percent',
    description:
      "Minimum mutation score of the mutants on the PR's changed lines, 0-100. Default: not checked",
  },
  {
    name: 'max-survived',
    kind: 'integer',
    description: 'Maximum number of surviving mutants in the whole report. Default: not checked',
  },
  {
    name: 'allow-empty',
    kind: 'boolean',
    description:
      'Warn instead of error when no mutant is valid (all ignored, compile or runtime errors). Default: false',
    default: 'false',
  },
  {
    name: 'allow-pending',
    kind: 'boolean',
    description:
      'Warn instead of error when mutants are Pending (an unfinished run); they are left out of the score. Default: false',
    default: 'false',
  },
  {
    name: 'allow-missing-sources',
    kind: 'boolean',
    description:
      'Warn instead of error when the report names source files that are not in the workspace. Default: false',
    default: 'false',
  },
];

/** The effective settings; percentages are 0-100. */
export interface MutationConfig {
  files: string[];
  minScore: number | undefined;
  minCoveredScore: number | undefined;
  minPatchScore: number | undefined;
  maxSurvived: number | undefined;
  allowEmpty: boolean;
  allowPending: boolean;
  allowMissingSources: boolean;
}

/**
 * Typed settings from the inputs, defaults already overlaid by the runtime. `min-score` is required
 * (its default is 60): a blank or invalid value is an input error, never 0 (RELIABILITY A1, A2).
 */
export function readMutationConfig(inputs: Inputs): MutationConfig {
  const files = getGlobs(inputs, 'files') ?? [];
  if (files.length === 0)
    throw new InputError('files', 'Expected `files` to name at least one report, but it is empty.');
  return {
    files,
    minScore: requireInput('min-score', getPercent(inputs, 'min-score'), 'a number from 0 to 100'),
    minCoveredScore: getPercent(inputs, 'min-covered-score'),
    minPatchScore: getPercent(inputs, 'min-patch-score'),
    maxSurvived: getInteger(inputs, 'max-survived'),
    allowEmpty: getBoolean(inputs, 'allow-empty') ?? false,
    allowPending: getBoolean(inputs, 'allow-pending') ?? false,
    allowMissingSources: getBoolean(inputs, 'allow-missing-sources') ?? false,
  };
}
