/**
 * Pure: (evidence, config) -> GateResult. Percentages are exact (unrounded) and judged with
 * `judge()`, so 79.996% fails a minimum of 80; outputs are floored to 2 decimals by the library.
 * A metric the reports do not measure is `null`: with a minimum set it fails (fail closed), with
 * one exception: patch coverage without a diff is not applied and the summary says so.
 */
import {
  RESULT_SCHEMA,
  compileMatcher,
  floor2,
  judge,
  percent,
  type ChangeSet,
  type Finding,
  type GateResult,
  type Metric,
} from '@aeef/gate-result';
import type { CoverageConfig } from './config.js';

import { METRIC_IDS, type CoverageModel, type MetricId, type Totals } from './model.js';
import { measurePatch, type PatchCoverage } from './patch.js';
import { reportsSection, worstFilesSection, type ReportRead } from './sections.js';
import { assertMeasurable, computeTotals, measured } from './totals.js';

export interface CoverageEvidence {
  model: CoverageModel;
  reports: ReportRead[];
  notes: string[];
  /** `undefined`: this run has no diff (push without base, CLI without --base). */
  changes: ChangeSet | undefined;
  /** The baseline reports' model, when `baseline-files` is set. */
  baseline?: CoverageModel;
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

function dropMetrics(current: Totals, baseline: Totals, maxDrop: number | undefined): Metric[] {
  const out: Metric[] = [];
  for (const id of METRIC_IDS) {
    const before = valueOf(baseline, id);
    if (before === null) continue;
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

function explain(m: Metric): string {
  if (m.value === null)
    return `${m.label} is not measured by these reports but a minimum of ${m.threshold?.value}% is set`;
  if (m.id.endsWith('-drop'))
    return `${m.label} is ${m.value.toFixed(2)}, above the allowed ${m.threshold?.value}`;
  return `${m.label} ${pct(m.value)} is below ${m.threshold?.value}%`;
}

/** Judges the merged coverage against the config. Throws `ReportError` when nothing is measurable. */
export function evaluateCoverage(evidence: CoverageEvidence, config: CoverageConfig): GateResult {
  const include =
    config.exclude.length === 0 ? () => true : compileMatcher(config.exclude.map((p) => `!${p}`));
  const totals = computeTotals(evidence.model, include);
  assertMeasurable(totals, evidence.reports.map((r) => r.file).join(', '));
  const notes = [...evidence.notes];
  const metrics = METRIC_IDS.map((id) => metricFor(id, valueOf(totals, id), config.min[id]));

  let patch: PatchCoverage | undefined;
  let patchMetric: Metric;
  if (evidence.changes === undefined) {
    patchMetric = { ...metricFor('patch', null, config.min.patch), verdict: 'none' };
    notes.push(
      config.min.patch === undefined
        ? 'Patch coverage: no diff in this run.'
        : `min-patch (${config.min.patch}%) not applied: this run has no diff (no pull request or base commit).`,
    );
  } else {
    patch = measurePatch(evidence.model, evidence.changes, include);
    const value = patch.tally.total === 0 ? null : percent(patch.tally.covered, patch.tally.total);
    patchMetric = metricFor('patch', value, config.min.patch);
    if (value === null && patch.withoutLineDetail.length === 0) {
      patchMetric.verdict = 'none';
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
  }
  metrics.push(patchMetric);
  if (evidence.baseline !== undefined)
    metrics.push(...dropMetrics(totals, computeTotals(evidence.baseline, include), config.maxDrop));

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
