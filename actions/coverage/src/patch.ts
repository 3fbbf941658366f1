/**
 * Patch coverage: the covered share of the PR's changed executable lines. A changed line counts
 * when the report lists it as executable (a line hit map entry); changed lines of files the report
 * does not list, and non-executable lines (blank, comments), are not in the denominator.
 * Uncovered changed lines are grouped into ranges: consecutive uncovered changed lines in the
 * order of the file's executable lines, so blank lines between them do not split a range.
 */
import { changedRangesOf, isLineChanged, type ChangeSet } from '@aeef/gate-result';
import type { CoverageModel, Tally } from './model.js';

export interface UncoveredRange {
  file: string;
  start: number;
  end: number;
  /** Uncovered changed executable lines in the range. */
  lines: number;
}

export interface PatchCoverage {
  tally: Tally;
  uncovered: UncoveredRange[];
  /** Changed files the report does not list (new untested files, or files it never loads). */
  unreported: string[];
  /** Changed files the report lists without line detail (json-summary). */
  withoutLineDetail: string[];
}

/** Measures patch coverage of `model` (already filtered by `include`) against `changes`. */
export function measurePatch(
  model: CoverageModel,
  changes: ChangeSet,
  include: (path: string) => boolean,
): PatchCoverage {
  const result: PatchCoverage = {
    tally: { covered: 0, total: 0 },
    uncovered: [],
    unreported: [],
    withoutLineDetail: [],
  };
  for (const changed of changes.files) {
    // Deleted files have no head lines: changedRangesOf gives none.
    if (changed.binary || changedRangesOf(changes, changed.path).length === 0 || !include(changed.path))
      continue;
    const file = model.files.get(changed.path);
    if (file === undefined || file.outside) {
      result.unreported.push(changed.path);
      continue;
    }
    if (file.lines === null) {
      result.withoutLineDetail.push(changed.path);
      continue;
    }
    const executable = [...file.lines.keys()].sort((a, b) => a - b);
    let open: UncoveredRange | undefined;
    for (const line of executable) {
      const changedLine = isLineChanged(changes, changed.path, line);
      const covered = (file.lines.get(line) ?? 0) > 0;
      if (changedLine) {
        result.tally.total++;
        if (covered) result.tally.covered++;
      }
      if (changedLine && !covered) {
        if (open === undefined) open = { file: changed.path, start: line, end: line, lines: 0 };
        open.end = line;
        open.lines++;
      } else if (open !== undefined) {
        result.uncovered.push(open);
        open = undefined;
      }
    }
    if (open !== undefined) result.uncovered.push(open);
  }
  return result;
}
