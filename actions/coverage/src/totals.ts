/**
 * Totals per metric over the files that count. Empty denominators: a metric no file measured
 * (lcov has no statements, Dart lcov no functions) is `null`, "not measured", never 0% or 100%.
 */
import { ReportError } from '@aeef/gate-result';
import { addTally, tallyLines, tallyOf } from './counters.js';
import type { CoverageModel, FileCoverage, Tally, Totals } from './model.js';

/** The four tallies of one file. */
export function fileTotals(file: FileCoverage): Totals {
  return {
    lines: file.lines !== null ? tallyLines(file.lines) : (file.lineTally ?? null),
    statements: file.statements === null ? null : tallyOf(file.statements),
    functions: file.functions === null ? null : tallyOf(file.functions),
    branches: file.branches === null ? null : tallyOf(file.branches),
  };
}

/** Sums the tallies of the files `include` accepts (all when omitted). */
export function computeTotals(model: CoverageModel, include: (path: string) => boolean = () => true): Totals {
  const totals: Totals = { lines: null, statements: null, functions: null, branches: null };
  for (const file of model.files.values()) {
    if (!include(file.path)) continue;
    const t = fileTotals(file);
    totals.lines = addTally(totals.lines, t.lines);
    totals.statements = addTally(totals.statements, t.statements);
    totals.functions = addTally(totals.functions, t.functions);
    totals.branches = addTally(totals.branches, t.branches);
  }
  return totals;
}

/** A tally with a zero total measures nothing: treat it as not measured. */
export function measured(t: Tally | null): Tally | null {
  return t === null || t.total === 0 ? null : t;
}

/**
 * RELIABILITY B9: a report in which nothing is measurable (no executable line in any file) is
 * insufficient evidence, refused rather than read as 0% or 100%.
 */
export function assertMeasurable(totals: Totals, files: string): void {
  if (totals.lines === null || totals.lines.total === 0) {
    throw new ReportError(
      files,
      `${files}: no measurable lines (the reports list no executable line); check the coverage run.`,
    );
  }
}
