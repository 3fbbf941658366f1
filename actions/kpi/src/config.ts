/** The KPI export's inputs (defaults live here, in the specs) and its typed config. */
import {
  getBoolean,
  getEnum,
  getGlobs,
  getInteger,
  getList,
  getString,
  InputError,
  type InputSpec,
  type Inputs,
} from '@aeef/gate-result';
import { EXPORT_TARGET_INPUTS, readExportTargets, type ExportTargets } from './export/targets-config.js';
import { identityMatcher } from './pull-provenance.js';

export const FORMATS = ['json', 'openmetrics', 'csv', 'benchmark'] as const;
export type Format = (typeof FORMATS)[number];

export const KPI_INPUTS: readonly InputSpec[] = [
  {
    name: 'results',
    kind: 'globs',
    description:
      'Globs of extra result files to include, e.g. artifacts downloaded from matrix jobs. The result files the gates of this job wrote (`$RUNNER_TEMP/aeef-gates/*.json`) are always read; other files found there are reported, not exported. Default: none.',
  },
  {
    name: 'output-dir',
    kind: 'string',
    description:
      'Directory for the exported files, inside the workspace (followed through symlinks) and never under `.git/`. Default: `$RUNNER_TEMP/aeef-gates/kpi`.',
  },
  {
    name: 'formats',
    kind: 'list',
    default: 'json,openmetrics,csv,benchmark',
    description: 'Which exports to write: `json`, `openmetrics`, `csv`, `benchmark`. Default: all four.',
  },
  {
    name: 'history-branch',
    kind: 'string',
    description:
      'A data branch to append one NDJSON record per run to (sharded by month), with a static HTML dashboard for GitHub Pages. Needs `contents: write`. Default: empty (history off).',
  },
  {
    name: 'github-kpis',
    kind: 'boolean',
    default: 'false',
    description:
      'Also compute delivery KPIs from recently merged PRs through the REST API (cycle time, time to first review, review pass rate, throughput, merged PR size). Needs `pull-requests: read`. Default: false.',
  },
  {
    name: 'window-days',
    kind: 'integer',
    default: '30',
    description: 'How many days of merged PRs the GitHub KPIs cover (1-365). Default: 30.',
  },
  {
    name: 'max-prs',
    kind: 'integer',
    default: '100',
    description:
      'At most this many merged PRs (the most recent) are sampled for the GitHub KPIs; each costs two API requests. Default: 100.',
  },
  {
    name: 'max-commit-prs',
    kind: 'integer',
    default: '100',
    description:
      'For the split by provenance of the GitHub KPIs: at most this many sampled PRs (the most recent) that neither their author nor their body shows as AI-involved get their first 100 commits read for AI trailers, one API request each; 0 reads none. Default: 100.',
  },
  {
    name: 'ai-identities',
    kind: 'list',
    description:
      "For the split by provenance of the GitHub KPIs: identities that mean AI besides the provenance gate's built-in table, as the provenance gate's `ai-identities` (`kind:value` or `kind:value=Tool`, e.g. `login:corp-agent[bot]`). Default: none.",
  },
  {
    name: 'on-api-error',
    kind: 'enum',
    values: ['fail', 'warn'],
    default: 'fail',
    description:
      'When the GitHub API fails after retries: `fail` (an error verdict) or `warn` (the KPIs are left out and the step warns). Default: fail.',
  },
  {
    name: 'max-regression',
    kind: 'list',
    description:
      'Regression bars against the last history record, as `kpi-id:points`, e.g. `coverage.lines:1` (line coverage may not drop more than 1 point). Needs `history-branch`. Default: none.',
  },
  {
    name: 'github-token',
    kind: 'secret',
    description: 'Token for the GitHub KPIs. Default: the workflow token.',
  },
  ...EXPORT_TARGET_INPUTS,
];

export interface RegressionBar {
  kpi: string;
  points: number;
}

export interface KpiConfig {
  results: string[];
  outputDir: string | undefined;
  formats: Format[];
  historyBranch: string | undefined;
  githubKpis: boolean;
  windowDays: number;
  maxPrs: number;
  maxCommitPrs: number;
  /** The user's `ai-identities` entries, validated; the matcher is built where it is used. */
  aiIdentities: string[];
  onApiError: 'fail' | 'warn';
  maxRegression: RegressionBar[];
  /** Pushgateway and OTLP endpoint (docs/org-scale.md). */
  targets: ExportTargets;
}

export function readKpiConfig(inputs: Inputs): KpiConfig {
  const formats = getList(inputs, 'formats');
  for (const f of formats) {
    if (!(FORMATS as readonly string[]).includes(f)) {
      throw new InputError('formats', `Expected \`formats\` to list ${FORMATS.join(', ')}, got \`${f}\`.`);
    }
  }
  const historyBranch = getString(inputs, 'history-branch');
  if (historyBranch !== undefined && !/^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]{1,100}$/.test(historyBranch)) {
    throw new InputError(
      'history-branch',
      `Expected \`history-branch\` to be a branch name, got \`${historyBranch}\`.`,
    );
  }
  const maxRegression = getList(inputs, 'max-regression').map(parseBar);
  if (maxRegression.length > 0 && historyBranch === undefined) {
    throw new InputError(
      'max-regression',
      'Expected `history-branch` to be set: `max-regression` compares with the last history record.',
    );
  }
  const aiIdentities = { entries: getList(inputs, 'ai-identities') };
  // Validated now, so a malformed entry is an input error before anything is fetched.
  identityMatcher(aiIdentities.entries);
  const outputDir = getString(inputs, 'output-dir');
  // The runtime confines the write by real path as well; this names the input for the plain case.
  if (outputDir?.split(/[\\/]/).some((part) => part.toLowerCase() === '.git')) {
    throw new InputError(
      'output-dir',
      `Expected \`output-dir\` to be a directory outside \`.git/\`, got \`${outputDir.slice(0, 100)}\`.`,
    );
  }
  return {
    results: getGlobs(inputs, 'results') ?? [],
    outputDir,
    formats: [...new Set(formats)] as Format[],
    historyBranch,
    githubKpis: getBoolean(inputs, 'github-kpis') ?? false,
    windowDays: getInteger(inputs, 'window-days', { min: 1, max: 365 }) ?? 30,
    maxPrs: getInteger(inputs, 'max-prs', { min: 1, max: 1000 }) ?? 100,
    maxCommitPrs: getInteger(inputs, 'max-commit-prs', { min: 0, max: 1000 }) ?? 100,
    aiIdentities: aiIdentities.entries,
    onApiError: getEnum(inputs, 'on-api-error', ['fail', 'warn'] as const) ?? 'fail',
    maxRegression,
    targets: readExportTargets(inputs),
  };
}

function parseBar(item: string): RegressionBar {
  const match = /^([a-z0-9][a-z0-9.-]*):(\d{1,3}(?:\.\d+)?)$/.exec(item);
  if (!match?.[1] || match[2] === undefined) {
    throw new InputError(
      'max-regression',
      `Expected \`max-regression\` items like \`coverage.lines:1\`, got \`${item}\`.`,
    );
  }
  return { kpi: match[1], points: Number(match[2]) };
}
