/**
 * The mutants of a PR's changed code: those whose location touches a changed line. Their score is
 * the patch score, and the undetected ones among them become annotations.
 */
import type { ChangeSet, LineRange } from '@aeef/gate-result';
import type { Mutant, MutatedFile } from './model.js';

export interface ChangedMutant {
  file: MutatedFile;
  mutant: Mutant;
}

/** Changed ranges by head path; deleted files have none. */
function rangesByPath(changes: ChangeSet): Map<string, LineRange[]> {
  const byPath = new Map<string, LineRange[]>();
  for (const file of changes.files) {
    if (file.status === 'deleted' || file.ranges.length === 0) continue;
    byPath.set(
      file.path,
      [...file.ranges].sort((a, b) => a.start - b.start),
    );
  }
  return byPath;
}

/** True when [start, end] overlaps one of the sorted, merged `ranges` (binary search). */
export function overlapsRanges(ranges: readonly LineRange[], start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = ranges[mid];
    if (range === undefined) return false;
    if (range.end < start) lo = mid + 1;
    else if (range.start > end) hi = mid - 1;
    else return true;
  }
  return false;
}

/** Every mutant (any status) whose lines touch the PR's changed lines, in file then line order. */
export function findChangedMutants(files: readonly MutatedFile[], changes: ChangeSet): ChangedMutant[] {
  const byPath = rangesByPath(changes);
  const out: ChangedMutant[] = [];
  for (const file of files) {
    const ranges = byPath.get(file.path);
    if (ranges === undefined) continue;
    for (const mutant of file.mutants) {
      if (overlapsRanges(ranges, mutant.startLine, mutant.endLine)) out.push({ file, mutant });
    }
  }
  return out;
}
