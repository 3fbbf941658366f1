/**
 * The decision, pure: merged mutants + settings + the PR's changes → GateResult. Fails closed on
 * missing evidence (no valid mutant, an unfinished run, a report about files that are not here)
 * unless the user opted out, and then the verdict is at least `warn` and the summary says why.
 */
import {
  RESULT_SCHEMA,
  judge,
  worstVerdict,
  type ChangeSet,
  type GateResult,
  type Metric,
  type MetricUnit,
  type Section,
  type Threshold,
  type Verdict,
} from '@aeef/gate-result';
import { findChangedMutants } from './changed-mutants.js';
import { evidenceProblems, type EvidenceProblem } from './evidence.js';
import type { MutationConfig } from './config.js';
import {
  changedSection,
  formatPercent,
  formulaSection,
  reportsSection,
  statusSection,
  worstFilesSection,
} from './details.js';
import type { MutatedFile, MutationReport } from './model.js';
import { countMutants, emptyCounts, scoreCounts } from './score.js';
import { survivorFindings } from './survivors.js';

export interface MutationModel {
  reports: MutationReport[];
  /** All files of all reports, merged. */
  files: MutatedFile[];
  /** Files the reports name that are not in the workspace. */
  missingSources: string[];
  /** `undefined` when the event has no diff, or it was not free and no setting needed it. */
  changes: ChangeSet | undefined;
  /** Why `changes` is undefined, when known. */
  changesNote?: string;
  /** The event's name, for messages. */
  event?: string;
}

function metric(
  id: string,
  label: string,
  value: number | null,
  unit: MetricUnit,
  threshold?: Threshold,
  notJudgedWhenNull = false,
): Metric {
  const verdict = value === null && notJudgedWhenNull ? 'none' : judge(value, threshold);
  return threshold === undefined
    ? { id, label, value, unit, verdict }
    : { id, label, value, unit, threshold, verdict };
}

const atLeast = (value: number | undefined): Threshold | undefined =>
  value === undefined ? undefined : { op: '>=', value };

function summarize(verdict: Verdict, metrics: Metric[], problems: EvidenceProblem[]): string {
  const blocking = problems.find((p) => !p.allowed);
  if (blocking) return blocking.message;
  const failing = metrics.filter((m) => m.verdict === 'fail' && m.threshold);
  const show = (m: Metric) => (m.unit === 'percent' ? formatPercent(m.value) : String(m.value ?? 'n/a'));
  if (failing.length > 0) {
    return failing
      .map(
        (m) =>
          `${m.label} ${show(m)} is ${m.threshold?.op === '>=' ? 'below' : 'above'} ${m.threshold?.value}${m.unit === 'percent' ? '%' : ''}.`,
      )
      .join(' ');
  }
  const score = metrics.find((m) => m.id === 'score');
  const allowed = problems.map((p) => ` ${p.message}`).join('');
  return `${verdict === 'warn' ? 'Passed with warnings' : 'Passed'}: mutation score ${formatPercent(score?.value ?? null)}.${allowed}`;
}

/** The gate's decision on merged mutants; see docs/mutation.md for the policy. */
export function evaluateMutation(model: MutationModel, config: MutationConfig): GateResult {
  const scores = scoreCounts(model.files.reduce((c, f) => countMutants(f.mutants, c), emptyCounts()));
  const changed = model.changes ? findChangedMutants(model.files, model.changes) : [];
  const patch = scoreCounts(countMutants(changed.map((c) => c.mutant)));
  const problems = evidenceProblems(scores, model, config);
  const metrics: Metric[] = [
    metric('score', 'Mutation score', scores.score, 'percent', atLeast(config.minScore), config.allowEmpty),
    metric(
      'covered-score',
      'Score on covered code',
      scores.coveredScore,
      'percent',
      atLeast(config.minCoveredScore),
      config.allowEmpty,
    ),
    metric(
      'patch-score',
      'Mutation score of changed lines',
      patch.score,
      'percent',
      atLeast(config.minPatchScore),
      true,
    ),
    metric('killed', 'Killed', scores.killed, 'count'),
    metric(
      'survived',
      'Survived',
      scores.survived,
      'count',
      config.maxSurvived === undefined ? undefined : { op: '<=', value: config.maxSurvived },
    ),
    metric('timeout', 'Timeout', scores.timeout, 'count'),
    metric('no-coverage', 'No coverage', scores.noCoverage, 'count'),
    metric('ignored', 'Ignored', scores.ignored, 'count'),
    metric('runtime-errors', 'Runtime errors', scores.runtimeErrors, 'count'),
    metric('compile-errors', 'Compile errors', scores.compileErrors, 'count'),
    metric('pending', 'Pending', scores.pending, 'count'),
    metric('valid', 'Valid mutants', scores.valid, 'count'),
    metric('total', 'Mutants', scores.total, 'count'),
  ];
  const judged = metrics.map((m): Verdict => (m.verdict === 'fail' ? 'fail' : 'pass'));
  const evidence = problems.map((p): Verdict => (p.allowed ? 'warn' : 'error'));
  const verdict = worstVerdict([...judged, ...evidence]);
  const patchMetric = metrics[2];
  const findings = survivorFindings(changed, patchMetric?.verdict === 'fail' ? 'error' : 'warning');
  const details: Section[] = [
    formulaSection(scores),
    changedSection(model.changes, patch, changed.length, model.changesNote),
    statusSection(scores),
    worstFilesSection(model.files),
    reportsSection(model.reports),
  ];
  if (problems.length > 0) details.unshift({ title: 'Evidence', notes: problems.map((p) => p.message) });
  return {
    schema: RESULT_SCHEMA,
    gate: 'mutation',
    verdict,
    summary: summarize(verdict, metrics, problems),
    metrics,
    findings,
    details,
    outputs: {},
    config: { ...config },
    inputs: model.reports.map((r) => r.file),
    durationMs: 0,
  };
}
