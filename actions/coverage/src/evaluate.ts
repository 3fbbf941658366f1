/**
 * Pure: (evidence, config) -> GateResult. Percentages are exact (unrounded) and judged with
 * `judge()`, so 79.996% fails a minimum of 80; outputs are floored to 2 decimals by the library.
 * A metric the reports do not measure is `null`: with a minimum set it fails (fail closed). A
 * `min-patch` that cannot be measured (no diff in this run, changed lines the API withheld, report
 * paths that map to no repository file) is an error; without `min-patch`, patch figures are shown
 * when they were free and the summary says why when they are not.
 */
import {
  ConfigError,
  RESULT_SCHEMA,
  compileMatcher,
  describeChangeSet,
  floor2,
  judge,
  mayLackFiles,
  percent,
  type ChangeSet,
  type Finding,
  type GateResult,
  type Metric,
} from '@aeef/gate-result';
import type { CoverageConfig } from './config.js';

import { METRIC_IDS, type CoverageModel, type DeclaredTotals, type MetricId, type Totals } from './model.js';
import { measurePatch, type PatchCoverage } from './patch.js';
import { reportsSection, worstFilesSection, type ReportRead } from './sections.js';
import { assertMeasurable, computeTotals, measured, reconcileTotals } from './totals.js';

export interface CoverageEvidence {
  model: CoverageModel;
  reports: ReportRead[];
  notes: string[];
  /** `undefined`: this run has no diff (push without base, CLI without --base), or it was not free. */
  changes: ChangeSet | undefined;
  /** Why `changes` is undefined, when the gate knows (e.g. not free and no setting needs it). */
  changesNote?: string;
  /** The repository's files (`git ls-files`), for mapping report paths; `undefined` without git. */
  tracked?: readonly string[];
  /** The event's name, for messages. */
  event?: string;
  /** The producer's own totals, when one report is read whole (see reconcileTotals). */
  declared?: { file: string; totals: DeclaredTotals };
  /** The same for the baseline. */
  baselineDeclared?: { file: string; totals: DeclaredTotals };
  /** The baseline reports' model, when `baseline-files` is set. */
  baseline?: CoverageModel;
  /**
   * Without `baseline-files`: the base branch's figures from the KPI history (percent per metric),
   * and where they come from, for the notes.
   */
  baselineFigures?: { source: string; values: Partial<Record<MetricId, number | null>> };
}

const LABELS: Record<MetricId | 'patch', string> = {
  lines: 'Line coverage',
  statements: 'Statement coverage',
  functions: 'Function coverage',
  branches: 'Branch coverage',
  patch: 'Patch coverage',
};

function pct(value: number | null): string {
  return value === null ? 'not measured' : `${floor2(value).toFixed(2)}%`;
}

function metricFor(id: MetricId | 'patch', value: number | null, min: number | undefined): Metric {
  const threshold = min === undefined ? undefined : { op: '>=' as const, value: min };
  return {
    id,
    label: LABELS[id],
    value,
    unit: 'percent',
    ...(threshold && { threshold }),
    verdict: judge(value, threshold),
  };
}

function valueOf(totals: Totals, id: MetricId): number | null {
  const t = measured(totals[id]);
  return t === null ? null : percent(t.covered, t.total);
}

/** `ofBase`: the baseline is the base branch's own figure (the KPI history), which the metric then carries. */
function dropMetrics(
  current: Totals,
  baseline: (id: MetricId) => number | null | undefined,
  maxDrop: number | undefined,
  ofBase = false,
): Metric[] {
  const out: Metric[] = [];
  for (const id of METRIC_IDS) {
    const before = baseline(id);
    if (before === null || before === undefined) continue;
    const now = valueOf(current, id);
    const threshold = maxDrop === undefined ? undefined : { op: '<=' as const, value: maxDrop };
    const value = now === null ? null : before - now;
    out.push({
      id: `${id}-drop`,
      label: `${LABELS[id]} drop vs baseline (points)`,
      value,
      unit: 'percent',
      ...(threshold && { threshold }),
      verdict: judge(value, threshold),
      ...(ofBase && { base: { metric: id, value: before, setting: 'max-drop' } }),
    });
  }
  return out;
}

function patchFindings(patch: PatchCoverage, failing: boolean): Finding[] {
  return patch.uncovered.map((r) => ({
    level: failing ? 'error' : 'warning',
    title: 'Uncovered changed lines',
    message:
      r.start === r.end
        ? `Changed line ${r.start} is not covered by tests.`
        : `Changed lines ${r.start}-${r.end} are not covered by tests (${r.lines} executable lines).`,
    file: r.file,
    startLine: r.start,
    endLine: r.end,
    ruleId: 'coverage/uncovered-change',
    rank: r.lines,
  }));
}

function explain(m: Metric, index: number): string {
  const label = index === 0 ? m.label : m.label.charAt(0).toLowerCase() + m.label.slice(1);
  if (m.value === null)
    return `${label} is not measured by these reports but a minimum of ${m.threshold?.value}% is set`;
  if (m.id.endsWith('-drop'))
    return `${label} is ${m.value.toFixed(2)}, above the allowed ${m.threshold?.value}`;
  return `${label} ${pct(m.value)} is below ${m.threshold?.value}%`;
}

/** The first few names of a list, and how many more. */
function listSome(names: readonly string[], shown = 5): string {
  const head = names
    .slice(0, shown)
    .map((n) => n.slice(0, 200))
    .join(', ');
  return names.length > shown ? `${head} and ${names.length - shown} more` : head;
}

/**
 * Patch coverage and its notes. Without `min-patch` it is information only: no diff, or one that
 * was not free, leaves it empty with a note. With `min-patch`, whatever keeps it from being
 * measured throws a `ConfigError` naming the cause, never "not measured" and a pass.
 */
function judgePatch(
  evidence: CoverageEvidence,
  config: CoverageConfig,
  include: (path: string) => boolean,
  notes: string[],
): { metric: Metric; patch?: PatchCoverage } {
  const min = config.min.patch;
  const bar = `min-patch (${min}%)`;
  const { changes } = evidence;
  if (changes === undefined) {
    if (min !== undefined)
      throw new ConfigError(
        `${bar} is set, but this ${evidence.event === undefined ? '' : `${evidence.event} `}run has no changed lines to measure it on (only pull requests, merge groups and pushes with a base commit have them); unset min-patch for this event.`,
      );
    notes.push(`Patch coverage not measured: ${evidence.changesNote ?? 'no diff in this run.'}`);
    return { metric: { ...metricFor('patch', null, min), verdict: 'none' } };
  }
  notes.push(`Patch coverage: ${describeChangeSet(changes)}`);
  const patch = measurePatch(evidence.model, changes, include, evidence.tracked);
  if (patch.mapping !== '') notes.push(`Patch coverage: ${patch.mapping}`);
  const value = patch.tally.total === 0 ? null : percent(patch.tally.covered, patch.tally.total);
  const metric = metricFor('patch', value, min);
  const unknown: string[] = [];
  if (patch.linesUnknown.length > 0)
    unknown.push(
      `the GitHub API withheld the patch of ${patch.linesUnknown.length} changed files the reports list (${listSome(patch.linesUnknown)})`,
    );
  const partialList = mayLackFiles(changes);
  if (partialList)
    unknown.push(`the changed files are not all listed (${changes.incomplete ?? 'partial list'})`);
  const unmapped = patch.unreported.length > 0 && patch.unmapped.length > 0;
  if (min !== undefined) {
    if (unknown.length > 0)
      throw new ConfigError(
        `${bar} cannot be decided: ${unknown.join('; ')}; check out with \`fetch-depth: 0\` so that git gives every changed line.`,
      );
    if (unmapped)
      throw new ConfigError(
        `${bar} cannot be measured: ${patch.unreported.length} changed files are not in the reports (${listSome(patch.unreported)}) and ${patch.unmapped.length} report paths match no file of the repository (${listSome(patch.unmapped)}); write the reports with paths inside the repository.`,
      );
  } else if (unknown.length > 0) {
    notes.push(`Patch coverage is partial: ${unknown.join('; ')}.`);
  }
  if (unmapped && min === undefined)
    notes.push(
      `Patch coverage: ${patch.unmapped.length} report paths match no file of the repository (${listSome(patch.unmapped)}).`,
    );
  if (value === null && patch.withoutLineDetail.length === 0) {
    metric.verdict = 'none';
    notes.push('Patch coverage: the change touches no executable line the reports list.');
  }
  if (patch.withoutLineDetail.length > 0)
    notes.push(
      `Patch coverage: ${patch.withoutLineDetail.length} changed files are reported without line detail (coverage-summary.json).`,
    );
  if (patch.unreported.length > 0)
    notes.push(
      `Patch coverage: ${patch.unreported.length} changed files are not in the reports and were not counted.`,
    );
  return { metric, patch };
}

/** The report names for an error message: a few, and how many more (100,000 shards stay short). */
function reportNames(reports: readonly ReportRead[]): string {
  return listSome(reports.map((r) => r.file));
}

function baselineTotals(
  evidence: CoverageEvidence,
  baseline: CoverageModel,
  config: CoverageConfig,
  include: (path: string) => boolean,
): Totals {
  const computed = computeTotals(baseline, include);
  if (config.exclude.length > 0 || evidence.baselineDeclared === undefined) return computed;
  return reconcileTotals(computed, evidence.baselineDeclared.totals, evidence.baselineDeclared.file).totals;
}

/** Judges the merged coverage against the config. Throws `ReportError` when nothing is measurable. */
export function evaluateCoverage(evidence: CoverageEvidence, config: CoverageConfig): GateResult {
  const include =
    config.exclude.length === 0 ? () => true : compileMatcher(config.exclude.map((p) => `!${p}`));
  const computed = computeTotals(evidence.model, include);
  assertMeasurable(computed, reportNames(evidence.reports));
  const notes = [...evidence.notes];
  // Taken whole: no exclude (a shard merge never passes `declared`).
  const { totals, notes: totalNotes } =
    config.exclude.length === 0 && evidence.declared !== undefined
      ? reconcileTotals(computed, evidence.declared.totals, evidence.declared.file)
      : { totals: computed, notes: [] };
  notes.push(...totalNotes);
  const metrics = METRIC_IDS.map((id) => metricFor(id, valueOf(totals, id), config.min[id]));

  const { metric: patchMetric, patch } = judgePatch(evidence, config, include, notes);
  metrics.push(patchMetric);
  if (evidence.baseline !== undefined) {
    const base = baselineTotals(evidence, evidence.baseline, config, include);
    metrics.push(...dropMetrics(totals, (id) => valueOf(base, id), config.maxDrop));
  } else if (evidence.baselineFigures !== undefined) {
    const { values, source } = evidence.baselineFigures;
    metrics.push(...dropMetrics(totals, (id) => values[id], config.maxDrop, true));
    notes.push(`Drops are measured against ${source}.`);
  }

  const failing = metrics.filter((m) => m.verdict === 'fail');
  const findings = patch === undefined ? [] : patchFindings(patch, patchMetric.verdict === 'fail');
  const [lines] = metrics;
  const summary =
    failing.length > 0 || lines === undefined
      ? `${failing.map(explain).join('; ')}.`
      : `Coverage meets every threshold: line coverage ${pct(lines.value)}${lines.threshold ? ` (minimum ${lines.threshold.value}%)` : ''}, patch coverage ${pct(patchMetric.value)}.`;
  return {
    schema: RESULT_SCHEMA,
    gate: 'coverage',
    verdict: failing.length > 0 ? 'fail' : 'pass',
    summary,
    metrics,
    findings,
    details: [worstFilesSection(evidence.model, include), reportsSection(evidence.reports, notes)],
    outputs: {},
    config: { ...config },
    inputs: evidence.reports.map((r) => r.file),
    durationMs: 0,
  };
}
