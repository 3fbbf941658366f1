/**
 * Totals per metric over the files that count. Empty denominators: a metric no file measured
 * (lcov has no statements, Dart lcov no functions) is `null`, "not measured", never 0% or 100%.
 */
import { ReportError } from '@aeef/gate-result';
import { addTally, tallyLines, tallyOf } from './counters.js';
import {
  METRIC_IDS,
  type CoverageModel,
  type DeclaredTotals,
  type FileCoverage,
  type Tally,
  type Totals,
} from './model.js';

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

/**
 * The totals of a report taken whole (one report, no `exclude`): the producer's own where it wrote
 * them, so the gate says what the tool says (istanbul's Cobertura header counts branches its
 * `<line>`s cannot place). Where they and the elements disagree, a note says so and which was
 * used. Two exceptions keep it fail-closed: a declared total of 0 while the elements list items
 * is a writer that left it unset (some Clover writers zero the project metrics), and a declared
 * total with a higher percentage than the elements is not taken (RELIABILITY B10: `LF:100 LH:100`
 * over one uncovered `DA` cannot buy coverage); the elements' count is used, and said.
 */
export function reconcileTotals(
  computed: Totals,
  declared: DeclaredTotals | undefined,
  file: string,
): { totals: Totals; notes: string[] } {
  if (declared === undefined) return { totals: computed, notes: [] };
  const totals: Totals = { ...computed };
  const notes: string[] = [];
  const show = (t: Tally | null): string => (t === null ? 'none' : `${t.covered} of ${t.total}`);
  for (const id of METRIC_IDS) {
    const own = declared.totals[id];
    if (own === undefined) continue;
    const mine = measured(computed[id]);
    if (mine !== null && mine.covered === own.covered && mine.total === own.total) continue;
    if (own.total === 0) {
      if (mine !== null)
        notes.push(
          `${file}: ${declared.where} give 0 ${id} while its elements list ${mine.total}; used the elements (${show(mine)}).`,
        );
      continue;
    }
    // Higher than the elements: exact comparison of covered/total ratios.
    if (mine !== null && own.covered * mine.total > mine.covered * own.total) {
      notes.push(
        `${file}: ${declared.where} give ${id} ${show(own)}, more than its elements (${show(mine)}); used the elements, since a report's own totals never raise a figure.`,
      );
      continue;
    }
    totals[id] = { ...own };
    notes.push(
      `${file}: ${id} ${show(own)} from ${declared.where}, the producer's own totals; its elements give ${show(mine)}.`,
    );
  }
  return { totals, notes };
}
