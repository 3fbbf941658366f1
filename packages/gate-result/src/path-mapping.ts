/**
 * Report paths written on another machine (`/home/runner/work/x/x/src/a.ts`, `D:\a\x\x\src\a.ts`,
 * a path relative to a source root) mapped to the repository's files, the way codecov's path
 * fixing does: strip the directory prefix every report path shares, then match what is left by
 * whole-segment suffix against the tracked files (`git ls-files`, which the caller runs). Pure; a
 * path matched equally well by two files is ambiguous and left unmapped, never guessed.
 */

export interface PathMapping {
  /** Report path (as given) -> repository path, for every path that maps. */
  mapped: Map<string, string>;
  /** Report paths no tracked file matches, in input order. */
  unmapped: string[];
  /** Report paths that two or more tracked files match equally well (also in `unmapped`). */
  ambiguous: string[];
  /** One sentence for the summary: which mapping was used. */
  description: string;
}

const DRIVE = /^[A-Za-z]:(?=\/|$)/;

/**
 * A report path as POSIX segments: backslashes are separators, a `file://` scheme, a Windows drive
 * letter, `.` segments and empty segments go. `..` is kept (it never matches a tracked file).
 */
export function mappingSegments(raw: string): string[] {
  let p = raw.trim().replace(/\\/g, '/');
  if (/^file:\/\//i.test(p)) {
    p = p.slice('file://'.length);
    try {
      p = decodeURIComponent(p);
    } catch {
      // kept as written
    }
    if (/^\/[A-Za-z]:\//.test(p)) p = p.slice(1);
  }
  p = p.replace(DRIVE, '');
  return p.split('/').filter((s) => s !== '' && s !== '.');
}

/** How many trailing segments `a` and `b` share (compared case-insensitively when `fold`). */
function commonSuffix(a: readonly string[], b: readonly string[], fold: boolean): number {
  let n = 0;
  while (n < a.length && n < b.length) {
    const x = a[a.length - 1 - n] ?? '';
    const y = b[b.length - 1 - n] ?? '';
    if (fold ? x.toLowerCase() !== y.toLowerCase() : x !== y) break;
    n++;
  }
  return n;
}

/** The leading segments every list shares. */
function commonPrefix(lists: readonly (readonly string[])[]): string[] {
  const [first, ...rest] = lists;
  if (first === undefined) return [];
  let n = first.length - 1; // never the whole path: the file name stays
  for (const list of rest) {
    n = Math.min(n, list.length - 1);
    let i = 0;
    while (i < n && list[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, Math.max(n, 0));
}

interface Match {
  repo: string;
  /** Leading report segments left out (`home/runner/work/x/x`). */
  removed: string;
  /** Leading repository segments added (`src/main/java` for a source-root-relative path). */
  added: string;
}

/**
 * Maps `reportPaths` onto `repoFiles` (workspace-relative POSIX paths, as `git ls-files` prints
 * them). A path that is a tracked file maps to itself; otherwise, after the shared prefix is
 * stripped, the tracked file with the longest whole-segment common suffix wins (at least the file
 * name, and all of the shorter path). Windows paths (a drive letter or backslashes) also match
 * case-insensitively when no case-exact match exists.
 */
export function mapPathsToRepository(
  reportPaths: readonly string[],
  repoFiles: readonly string[],
): PathMapping {
  const tracked = new Set(repoFiles);
  const byName = new Map<string, string[][]>();
  for (const file of repoFiles) {
    const segments = file.split('/');
    const name = (segments[segments.length - 1] ?? '').toLowerCase();
    const list = byName.get(name);
    if (list === undefined) byName.set(name, [segments]);
    else list.push(segments);
  }
  const mapped = new Map<string, string>();
  const unmapped: string[] = [];
  const ambiguous: string[] = [];
  const matches: Match[] = [];
  const pending: { raw: string; segments: string[] }[] = [];
  for (const raw of reportPaths) {
    if (mapped.has(raw)) continue;
    if (tracked.has(raw)) {
      mapped.set(raw, raw);
      continue;
    }
    pending.push({ raw, segments: mappingSegments(raw) });
  }
  const prefix = commonPrefix(pending.map((p) => p.segments));
  for (const { raw, segments } of pending) {
    const rest = segments.slice(prefix.length);
    const stripped = rest.join('/');
    if (tracked.has(stripped)) {
      mapped.set(raw, stripped);
      matches.push({ repo: stripped, removed: prefix.join('/'), added: '' });
      continue;
    }
    const found = bestSuffixMatch(segments, byName, /[\\]|^[A-Za-z]:/.test(raw));
    if (found === 'ambiguous') {
      ambiguous.push(raw);
      unmapped.push(raw);
    } else if (found === undefined) {
      unmapped.push(raw);
    } else {
      const repo = found.repo.join('/');
      mapped.set(raw, repo);
      matches.push({
        repo,
        removed: segments.slice(0, segments.length - found.length).join('/'),
        added: found.repo.slice(0, found.repo.length - found.length).join('/'),
      });
    }
  }
  return { mapped, unmapped, ambiguous, description: describe(mapped.size, matches, unmapped.length) };
}

function bestSuffixMatch(
  segments: readonly string[],
  byName: ReadonlyMap<string, string[][]>,
  windows: boolean,
): { repo: string[]; length: number } | 'ambiguous' | undefined {
  const name = (segments[segments.length - 1] ?? '').toLowerCase();
  const candidates = byName.get(name) ?? [];
  for (const fold of windows ? [false, true] : [false]) {
    let best: { repo: string[]; length: number } | undefined;
    let tie = false;
    for (const repo of candidates) {
      const length = commonSuffix(segments, repo, fold);
      // The shorter of the two must match whole: `src/a.ts` for `/x/src/a.ts`, `com/A.java` for
      // `src/main/java/com/A.java`; `lib/a.ts` and `src/a.ts` share only a file name.
      if (length === 0 || length < Math.min(segments.length, repo.length)) continue;
      if (best === undefined || length > best.length) {
        best = { repo, length };
        tie = false;
      } else if (length === best.length) tie = true;
    }
    if (tie) return 'ambiguous';
    if (best !== undefined) return best;
  }
  return undefined;
}

function describe(mappedCount: number, matches: readonly Match[], unmappedCount: number): string {
  const left = unmappedCount > 0 ? `; ${unmappedCount} match no tracked file` : '';
  if (matches.length === 0) return `Report paths are repository paths (${mappedCount} files)${left}.`;
  const rules = new Map<string, number>();
  for (const m of matches) {
    const key = `${m.removed}\u0000${m.added}`;
    rules.set(key, (rules.get(key) ?? 0) + 1);
  }
  const same = mappedCount - matches.length;
  const kept = same > 0 ? `, ${same} were repository paths already` : '';
  if (rules.size === 1) {
    const [removed = '', added = ''] = [...rules.keys()][0]?.split('\u0000') ?? [];
    const from = removed === '' ? 'the report root' : `\`${removed}/\``;
    const to = added === '' ? 'the repository root' : `\`${added}/\``;
    return `Report paths mapped by suffix: ${matches.length} files under ${from} to ${to} (git ls-files)${kept}${left}.`;
  }
  return `Report paths mapped by suffix against git ls-files: ${matches.length} files, ${rules.size} different prefixes${kept}${left}.`;
}

/** `git ls-files -z` output as paths. */
export function parseLsFiles(output: string): string[] {
  return output.split('\u0000').filter((p) => p !== '');
}
