/**
 * Scores exactly as Stryker's `mutation-testing-metrics` does (its `toMetrics`), so the gate's
 * numbers equal those of the HTML report and of StrykerJS's `break` check:
 * - detected = killed + timeout; undetected = survived + noCoverage; valid = detected + undetected;
 * - score = detected / valid; covered score = detected / (detected + survived), or 0 when every
 *   valid mutant is NoCoverage (metrics' `|| 0`);
 * - runtime errors, compile errors, ignored and pending mutants are left out of both.
 * The one difference: zero valid mutants gives `null`, not NaN (NaN passes `NaN < break`).
 */
import type { Mutant, MutantStatus } from './model.js';

export interface MutationCounts {
  killed: number;
  survived: number;
  timeout: number;
  noCoverage: number;
  runtimeErrors: number;
  compileErrors: number;
  ignored: number;
  pending: number;
}

export interface MutationScores extends MutationCounts {
  detected: number;
  undetected: number;
  /** Counted in the score: killed + timeout + survived + noCoverage. */
  valid: number;
  /** Every mutant, whatever its status. */
  total: number;
  /** Percent 0-100, unrounded; `null` when no mutant is valid. */
  score: number | null;
  coveredScore: number | null;
}

/** Zero counts, for accumulating. */
export function emptyCounts(): MutationCounts {
  return {
    killed: 0,
    survived: 0,
    timeout: 0,
    noCoverage: 0,
    runtimeErrors: 0,
    compileErrors: 0,
    ignored: 0,
    pending: 0,
  };
}

/** Adds one mutant of `status` to `counts` (mutating it, for speed on large reports). */
export function countStatus(counts: MutationCounts, status: MutantStatus): void {
  switch (status) {
    case 'Killed':
      counts.killed++;
      break;
    case 'Survived':
      counts.survived++;
      break;
    case 'Timeout':
      counts.timeout++;
      break;
    case 'NoCoverage':
      counts.noCoverage++;
      break;
    case 'RuntimeError':
      counts.runtimeErrors++;
      break;
    case 'CompileError':
      counts.compileErrors++;
      break;
    case 'Ignored':
      counts.ignored++;
      break;
    case 'Pending':
      counts.pending++;
      break;
  }
}

/** Counts of a list of mutants. */
export function countMutants(
  mutants: readonly Mutant[],
  into: MutationCounts = emptyCounts(),
): MutationCounts {
  for (const mutant of mutants) countStatus(into, mutant.status);
  return into;
}

/** Sums counts (e.g. files into a total). */
export function addCounts(into: MutationCounts, other: MutationCounts): MutationCounts {
  into.killed += other.killed;
  into.survived += other.survived;
  into.timeout += other.timeout;
  into.noCoverage += other.noCoverage;
  into.runtimeErrors += other.runtimeErrors;
  into.compileErrors += other.compileErrors;
  into.ignored += other.ignored;
  into.pending += other.pending;
  return into;
}

/** The scores of some counts, by mutation-testing-metrics' formulas (see the module comment). */
export function scoreCounts(counts: MutationCounts): MutationScores {
  const detected = counts.killed + counts.timeout;
  const undetected = counts.survived + counts.noCoverage;
  const valid = detected + undetected;
  const covered = detected + counts.survived;
  const invalid = counts.runtimeErrors + counts.compileErrors;
  return {
    ...counts,
    detected,
    undetected,
    valid,
    total: valid + invalid + counts.ignored + counts.pending,
    score: valid > 0 ? (detected / valid) * 100 : null,
    coveredScore: valid > 0 ? (covered > 0 ? (detected / covered) * 100 : 0) : null,
  };
}
