/**
 * Questions gates ask of a change set, answered in O(log n) per line: coverage asks once per
 * executable line, SARIF once per result. The index is built once per change set and cached.
 */
import type { ChangeSet, ChangedFile, LineRange } from '../gate.js';

const INDEXES = new WeakMap<ChangeSet, Map<string, ChangedFile>>();
const NO_RANGES: readonly LineRange[] = Object.freeze([]);

function indexOf(changeSet: ChangeSet): Map<string, ChangedFile> {
  let index = INDEXES.get(changeSet);
  if (!index) {
    index = new Map();
    for (const file of changeSet.files) if (file.status !== 'deleted') index.set(file.path, file);
    INDEXES.set(changeSet, index);
  }
  return index;
}

/** The changed file at `path` in the head (deleted files have no head lines), if any. */
export function changedFileOf(changeSet: ChangeSet, path: string): ChangedFile | undefined {
  return indexOf(changeSet).get(path);
}

/** Added or modified line ranges of `path` in the head, sorted and merged; empty when unchanged. */
export function changedRangesOf(changeSet: ChangeSet, path: string): readonly LineRange[] {
  return indexOf(changeSet).get(path)?.ranges ?? NO_RANGES;
}

/** Whether line `line` (1-based) of `path` was added or modified. */
export function isLineChanged(changeSet: ChangeSet, path: string, line: number): boolean {
  return touchesChangedLines(changeSet, path, line, line);
}

/** Whether any line in `start..end` (inclusive, 1-based) of `path` was added or modified. */
export function touchesChangedLines(changeSet: ChangeSet, path: string, start: number, end: number): boolean {
  const ranges = changedRangesOf(changeSet, path);
  let low = 0;
  let high = ranges.length - 1;
  // The first range whose end is >= start; it touches when it also begins at or before `end`.
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if ((ranges[mid]?.end ?? 0) < start) low = mid + 1;
    else high = mid - 1;
  }
  const candidate = ranges[low];
  return candidate !== undefined && candidate.start <= end;
}

/**
 * Whether the change set knows the changed lines of `path`: false for a file whose patch the API
 * withheld, and for a file it does not list when the list itself is partial (it may have changed).
 * Where this is false, nothing may be read as unchanged.
 */
export function changedLinesKnown(changeSet: ChangeSet, path: string): boolean {
  const file = indexOf(changeSet).get(path);
  if (file === undefined) return !mayLackFiles(changeSet);
  return file.linesUnknown !== true;
}

/**
 * Whether a changed file may be missing from the list: the API cut it short, or the set is marked
 * incomplete without naming a withheld patch (a reason this code does not know: taken as partial).
 */
export function mayLackFiles(changeSet: ChangeSet): boolean {
  if (changeSet.partialList === true) return true;
  return changeSet.incomplete !== undefined && !changeSet.files.some((f) => f.linesUnknown === true);
}

/** The changed files whose lines are unknown (their patch was withheld), in list order. */
export function filesWithoutLineData(changeSet: ChangeSet): string[] {
  return changeSet.files.filter((f) => f.linesUnknown === true && f.status !== 'deleted').map((f) => f.path);
}
