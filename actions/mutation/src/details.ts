/**
 * The summary's tables: the formula, counts by status, the worst files, the reports read (with
 * their own thresholds, shown but never used). Every cell is escaped by the renderer.
 */
import { floor2, type ChangeSet, type Section } from '@aeef/gate-result';
import type { MutatedFile, MutationReport } from './model.js';
import { countMutants, scoreCounts, type MutationScores } from './score.js';

/** Rows of the worst-files table; the rest are counted, not listed. */
export const WORST_FILES = 10;

/** `72.50%`, floored (79.999 is shown as 79.99, never 80.00); `n/a` when not measurable. */
export function formatPercent(value: number | null): string {
  return value === null ? 'n/a' : `${floor2(value).toFixed(2)}%`;
}

export function formulaSection(scores: MutationScores): Section {
  return {
    title: 'How the score is computed',
    notes: [
      `Mutation score = (killed + timeout) / (killed + timeout + survived + no coverage) = ${scores.detected} / ${scores.valid} = ${formatPercent(scores.score)}.`,
      `Score on covered code = (killed + timeout) / (killed + timeout + survived) = ${scores.detected} / ${scores.detected + scores.survived} = ${formatPercent(scores.coveredScore)}.`,
      'Runtime errors, compile errors, ignored and pending mutants are left out, as in Stryker (mutation-testing-metrics). Percentages are floored to 2 decimals; thresholds compare the exact value.',
    ],
  };
}

export function statusSection(scores: MutationScores): Section {
  const row = (status: string, count: number, counted: string): [string, number, string] => [
    status,
    count,
    counted,
  ];
  return {
    title: 'Mutants by status',
    columns: ['Status', 'Mutants', 'In the score'],
    rows: [
      row('Killed', scores.killed, 'detected'),
      row('Timeout', scores.timeout, 'detected'),
      row('Survived', scores.survived, 'undetected'),
      row('NoCoverage', scores.noCoverage, 'undetected'),
      row('RuntimeError', scores.runtimeErrors, 'left out'),
      row('CompileError', scores.compileErrors, 'left out'),
      row('Ignored', scores.ignored, 'left out'),
      row('Pending', scores.pending, 'left out'),
    ],
  };
}

interface FileScore {
  path: string;
  scores: MutationScores;
}

/** Lowest score first; files without valid mutants last; more survivors first on ties. */
function byWorst(a: FileScore, b: FileScore): number {
  const sa = a.scores.score ?? Infinity;
  const sb = b.scores.score ?? Infinity;
  if (sa !== sb) return sa - sb;
  if (a.scores.undetected !== b.scores.undetected) return b.scores.undetected - a.scores.undetected;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export function worstFilesSection(files: readonly MutatedFile[]): Section {
  const scored = files
    .map((f) => ({ path: f.path, scores: scoreCounts(countMutants(f.mutants)) }))
    .sort(byWorst);
  const shown = scored.slice(0, WORST_FILES);
  return {
    title: 'Worst files',
    columns: ['File', 'Score', 'Covered score', 'Killed', 'Timeout', 'Survived', 'No coverage', 'Valid'],
    rows: shown.map(({ path, scores: s }) => [
      path,
      formatPercent(s.score),
      formatPercent(s.coveredScore),
      s.killed,
      s.timeout,
      s.survived,
      s.noCoverage,
      s.valid,
    ]),
    omittedRows: scored.length - shown.length,
  };
}

function thresholdsOf(report: MutationReport): string {
  const { high, low } = report.thresholds;
  const brk = report.thresholds.break;
  return `high ${high}, low ${low}${brk === undefined ? '' : `, break ${brk === null ? 'none' : brk}`}`;
}

export function reportsSection(reports: readonly MutationReport[]): Section {
  return {
    title: 'Reports read',
    columns: ['Report', 'Producer', 'Schema', 'Files', 'Mutants', 'Thresholds in the report (not used)'],
    rows: reports.map((r) => [
      r.file,
      r.framework ?? 'unknown',
      r.schemaVersion,
      r.files.size,
      [...r.files.values()].reduce((n, f) => n + f.mutants.length, 0),
      thresholdsOf(r),
    ]),
    notes: [
      'Thresholds written inside a report are shown for information; the gate decides with its own inputs.',
    ],
  };
}

/** What the changed lines held: the source of the diff, the mutants on it, the patch score. */
export function changedSection(
  changes: ChangeSet | undefined,
  patch: MutationScores,
  touched: number,
  whyNoChanges?: string,
): Section {
  if (changes === undefined) {
    return {
      title: 'Changed code',
      notes: [`No patch score: ${whyNoChanges ?? 'no diff for this event.'}`],
    };
  }
  const incomplete = changes.incomplete === undefined ? '' : ` Incomplete: ${changes.incomplete}`;
  const base = `${touched} mutant(s) touch the ${changes.files.length} changed file(s) (diff from ${changes.source}, ${changes.base.slice(0, 12)}...${changes.head.slice(0, 12)}).${incomplete}`;
  if (patch.valid === 0) {
    return {
      title: 'Changed code',
      notes: [
        base,
        'No valid mutant is on a changed line, so the patch score is empty and min-patch-score is not checked.',
      ],
    };
  }
  return {
    title: 'Changed code',
    notes: [
      base,
      `Patch score = ${patch.detected} / ${patch.valid} = ${formatPercent(patch.score)}; ${patch.survived} survived and ${patch.noCoverage} had no coverage on changed lines.`,
    ],
  };
}
