/**
 * The output of `git diff --unified=0 --no-color --no-ext-diff -M --src-prefix=a/ --dst-prefix=b/`
 * as changed files with the added or modified line ranges of the head. Pure and linear; malformed
 * text throws one `ConfigError`, never a partial list.
 */
import { ConfigError } from '../errors.js';
import type { ChangedFile, ChangeStatus } from '../gate.js';
import { readBinaryNames, readHeaderNames, readName, readPrefixedName } from './git-path.js';
import { emptyTally, normalizeRanges, readHunks } from './hunks.js';

export { parsePatch } from './hunks.js';

const WHAT = 'the git diff output';
const DIFF_HEADER = 'diff --git ';

interface Entry {
  oldPath?: string | null;
  newPath?: string | null;
  status?: ChangeStatus;
  binary: boolean;
}

/** Extended header lines that carry nothing we need (modes, blob ids, similarity). */
const IGNORED = ['index ', 'old mode ', 'new mode ', 'similarity index ', 'dissimilarity index '];

/**
 * Parses a whole `git diff` (the `-M` rename-aware form, `a/`/`b/` prefixes). Renames, copies,
 * deletions, new, empty and binary files, C-quoted names and names with spaces are supported.
 */
export function parseUnifiedDiff(text: string, options: { text?: boolean } = {}): ChangedFile[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const files: ChangedFile[] = [];
  let i = 0;
  while (i < lines.length) {
    const header = lines[i] ?? '';
    if (!header.startsWith(DIFF_HEADER)) {
      throw new ConfigError(`Cannot parse ${WHAT}: expected a "diff --git" line at line ${i + 1}.`);
    }
    const names = readHeaderNames(header.slice(DIFF_HEADER.length));
    const entry: Entry = { binary: false };
    i = readExtendedHeaders(lines, i + 1, entry);
    const tally = emptyTally(options.text === true);
    i = readHunks(lines, i, tally, WHAT);
    if (i < lines.length && !(lines[i] ?? '').startsWith(DIFF_HEADER)) {
      throw new ConfigError(`Cannot parse ${WHAT}: unexpected line ${i + 1} after the hunks of a file.`);
    }
    files.push(toChangedFile(entry, names, tally, files.length));
  }
  return files;
}

/** Reads the lines between `diff --git` and the first hunk into `entry`; returns the next index. */
function readExtendedHeaders(lines: readonly string[], start: number, entry: Entry): number {
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith(DIFF_HEADER) || line.startsWith('@@')) break;
    if (IGNORED.some((prefix) => line.startsWith(prefix))) continue;
    if (line.startsWith('new file mode ')) entry.status = 'added';
    else if (line.startsWith('deleted file mode ')) entry.status = 'deleted';
    else if (line.startsWith('rename from ')) setOld(entry, readName(line.slice(12)), 'renamed', i);
    else if (line.startsWith('rename to ')) setNew(entry, readName(line.slice(10)), 'renamed', i);
    else if (line.startsWith('copy from ')) setOld(entry, readName(line.slice(10)), 'copied', i);
    else if (line.startsWith('copy to ')) setNew(entry, readName(line.slice(8)), 'copied', i);
    else if (line.startsWith('--- ')) entry.oldPath ??= readPrefixedName(line.slice(4), 'a/');
    else if (line.startsWith('+++ ')) entry.newPath ??= readPrefixedName(line.slice(4), 'b/');
    else if (line.startsWith('Binary files ') && line.endsWith(' differ')) readBinary(entry, line);
    else if (line === 'GIT binary patch') i = skipBinaryPatch(lines, i + 1, entry) - 1;
    else throw new ConfigError(`Cannot parse ${WHAT}: unexpected line ${i + 1} in a file header.`);
  }
  return i;
}

function setOld(entry: Entry, name: string | undefined, status: ChangeStatus, i: number): void {
  if (name === undefined) throw new ConfigError(`Cannot parse ${WHAT}: bad file name at line ${i + 1}.`);
  entry.oldPath = name;
  entry.status = status;
}

function setNew(entry: Entry, name: string | undefined, status: ChangeStatus, i: number): void {
  if (name === undefined) throw new ConfigError(`Cannot parse ${WHAT}: bad file name at line ${i + 1}.`);
  entry.newPath = name;
  entry.status = status;
}

function readBinary(entry: Entry, line: string): void {
  entry.binary = true;
  const names = readBinaryNames(line);
  if (!names) return;
  entry.oldPath ??= names[0];
  entry.newPath ??= names[1];
}

/** `--binary` output (literal/delta blocks) is not requested, but is skipped rather than misread. */
function skipBinaryPatch(lines: readonly string[], start: number, entry: Entry): number {
  entry.binary = true;
  let i = start;
  while (i < lines.length && !(lines[i] ?? '').startsWith(DIFF_HEADER)) i++;
  return i;
}

function toChangedFile(
  entry: Entry,
  names: [string, string] | undefined,
  tally: ReturnType<typeof emptyTally>,
  index: number,
): ChangedFile {
  const oldPath = entry.oldPath === undefined ? names?.[0] : entry.oldPath;
  const newPath = entry.newPath === undefined ? names?.[1] : entry.newPath;
  let status = entry.status ?? 'modified';
  if (newPath === null) status = 'deleted';
  else if (oldPath === null) status = 'added';
  const path = status === 'deleted' ? oldPath : newPath;
  if (typeof path !== 'string' || path === '') {
    throw new ConfigError(`Cannot parse ${WHAT}: cannot tell the file name of entry ${index + 1}.`);
  }
  const file: ChangedFile = {
    path,
    status,
    additions: tally.additions,
    deletions: tally.deletions,
    binary: entry.binary,
    ranges: normalizeRanges(tally.ranges),
  };
  if (tally.added) file.added = tally.added;
  if (tally.removed) file.removed = tally.removed;
  if ((status === 'renamed' || status === 'copied') && typeof oldPath === 'string')
    file.previousPath = oldPath;
  return file;
}
