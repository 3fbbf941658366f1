/**
 * Hunks of a unified diff, with or without context lines. Lines are consumed by the counts in the
 * `@@` header, never by their look, because a removed line `-- x` prints as `--- x`.
 */
import { ConfigError } from '../errors.js';
import type { DiffLine, LineRange } from '../gate.js';

const HUNK = /^@@ -(\d{1,10})(?:,(\d{1,10}))? \+(\d{1,10})(?:,(\d{1,10}))? @@/;

/** Added lines of the head, and the counts, accumulated over the hunks of one file. */
export interface HunkTally {
  ranges: LineRange[];
  additions: number;
  deletions: number;
  /** Present when the caller wants the lines' text (see `emptyTally(true)`). */
  added?: DiffLine[];
  removed?: DiffLine[];
}

export function emptyTally(withText = false): HunkTally {
  return withText
    ? { ranges: [], additions: 0, deletions: 0, added: [], removed: [] }
    : { ranges: [], additions: 0, deletions: 0 };
}

/**
 * Reads the hunks starting at `lines[index]` until a line that does not start a hunk; returns the
 * index of that line. Throws `ConfigError` (`what` names the input) on a malformed or truncated hunk.
 */
export function readHunks(lines: readonly string[], index: number, tally: HunkTally, what: string): number {
  let i = index;
  while (i < lines.length && (lines[i] ?? '').startsWith('@@')) {
    const header = HUNK.exec(lines[i] ?? '');
    if (!header) throw new ConfigError(`Cannot parse ${what}: line ${i + 1} is not a valid hunk header.`);
    let oldLeft = header[2] === undefined ? 1 : Number(header[2]);
    let newLeft = header[4] === undefined ? 1 : Number(header[4]);
    let line = Number(header[3]);
    let oldLine = Number(header[1]);
    i++;
    while (oldLeft > 0 || newLeft > 0) {
      if (i >= lines.length) {
        throw new ConfigError(`Cannot parse ${what}: the hunk ending at line ${i} is truncated.`);
      }
      const kind = (lines[i] ?? '')[0];
      if (kind === '+' && newLeft > 0) {
        addLine(tally.ranges, line);
        tally.added?.push({ line, anchor: line, text: (lines[i] ?? '').slice(1) });
        tally.additions++;
        line++;
        newLeft--;
      } else if (kind === '-' && oldLeft > 0) {
        tally.removed?.push({ line: oldLine, anchor: Math.max(1, line), text: (lines[i] ?? '').slice(1) });
        tally.deletions++;
        oldLine++;
        oldLeft--;
      } else if ((kind === ' ' || kind === undefined) && oldLeft > 0 && newLeft > 0) {
        line++;
        oldLine++;
        oldLeft--;
        newLeft--;
      } else if (kind !== '\\') {
        throw new ConfigError(
          `Cannot parse ${what}: line ${i + 1} does not match the counts of its hunk header.`,
        );
      }
      i++;
    }
    while (i < lines.length && (lines[i] ?? '').startsWith('\\')) i++;
  }
  return i;
}

/** Appends a line, extending the last range when adjacent; hunks arrive in order. */
function addLine(ranges: LineRange[], line: number): void {
  const last = ranges[ranges.length - 1];
  if (last && line >= last.start && line <= last.end + 1) last.end = Math.max(last.end, line);
  else ranges.push({ start: line, end: line });
}

/** Sorted, merged copies of ranges (a no-op for well-formed diffs, a guarantee for odd ones). */
export function normalizeRanges(ranges: readonly LineRange[]): LineRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: LineRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end + 1) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/**
 * The REST API's per-file `patch` (hunks only, 3 lines of context): the added and modified lines of
 * the head. An empty or absent patch has none.
 */
export function parsePatch(patch: string | undefined, withText = false): HunkTally {
  const tally = emptyTally(withText);
  if (patch === undefined || patch === '') return tally;
  const lines = patch.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const end = readHunks(lines, 0, tally, 'the patch from the GitHub API');
  if (end < lines.length) {
    throw new ConfigError(`Cannot parse the patch from the GitHub API: line ${end + 1} is outside any hunk.`);
  }
  tally.ranges = normalizeRanges(tally.ranges);
  return tally;
}
