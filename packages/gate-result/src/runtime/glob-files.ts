/**
 * Lists workspace files matching globs. Directory links are never followed (no loops, no escape);
 * file links, FIFOs, sockets and devices are listed, and so is a directory matched by a pattern
 * whose last part names a file (`*.json`, `lcov.info`), so that reading them fails loudly with the
 * one "must be a regular file" sentence instead of looking "missing" (which `if-missing: skip`
 * would turn into a pass). `.git` and `node_modules` are skipped unless a pattern names them.
 * Walks are capped so a huge tree cannot stall the gate.
 */
import { opendir } from 'node:fs/promises';
import path from 'node:path';
import { ReportError } from '../errors.js';
import { compileMatcher } from '../globs.js';

const SKIPPED_DIRS = ['.git', 'node_modules'];
const MAX_ENTRIES = 2_000_000;
const MAX_DEPTH = 64;

/** Literal leading directories of a pattern (`src/a/**` → `src/a`), used to prune the walk. */
function literalBase(pattern: string): string | undefined {
  if (pattern.startsWith('!')) return undefined;
  const parts = pattern.replace(/^(\.\/)+/, '').split('/');
  const base: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (/[*?[\]{}\\]/.test(part)) break;
    base.push(part);
  }
  return base.join('/');
}

/** Workspace-relative POSIX paths of the files matching any pattern (and no ignore), sorted. */
export async function globFiles(
  workspace: string,
  given: readonly string[],
  ignore: readonly string[] = [],
): Promise<string[]> {
  const patterns = given.map((p) => relativeToWorkspace(workspace, p));
  const matcher = compileMatcher(patterns, 'files');
  // Patterns ending in `*` or `**` match directories by design; the others name files.
  const fileNaming = patterns.filter((p) => p.startsWith('!') || !/^\*{1,2}$/.test(p.split('/').pop() ?? ''));
  const namesFile = fileNaming.some((p) => !p.startsWith('!'))
    ? compileMatcher(fileNaming, 'files')
    : () => false;
  const ignored = ignore.length > 0 ? compileMatcher(ignore, 'ignore') : () => false;
  const named = (dir: string): boolean => patterns.some((p) => p.replace(/^!/, '').split('/').includes(dir));
  const skipped = SKIPPED_DIRS.filter((dir) => !named(dir));
  const bases = patterns.filter((p) => !p.startsWith('!')).map(literalBase);
  const worthEntering = (dir: string): boolean =>
    bases.some(
      (b) => b === undefined || b === '' || b === dir || b.startsWith(`${dir}/`) || dir.startsWith(`${b}/`),
    );
  const found: string[] = [];
  let entries = 0;
  const walk = async (relative: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) return;
    // Entries fetched 512 at a time: one thread-pool round trip per batch, not per 32 entries.
    const dir = await opendir(path.join(workspace, relative), { bufferSize: 512 }).catch(() => undefined);
    if (dir === undefined) return;
    for await (const entry of dir) {
      if (++entries > MAX_ENTRIES) {
        throw new ReportError('.', `The workspace holds more than ${MAX_ENTRIES} entries; narrow the globs.`);
      }
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (skipped.includes(entry.name)) continue;
        if (namesFile(child) && !ignored(child)) found.push(child);
        if (worthEntering(child)) await walk(child, depth + 1);
      } else if (matcher(child) && !ignored(child)) {
        found.push(child);
      }
    }
  };
  await walk('', 0);
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * An absolute pattern inside the workspace (as `${{ github.workspace }}/...` gives) becomes
 * workspace-relative; one outside it is refused, never read.
 */
function relativeToWorkspace(workspace: string, pattern: string): string {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  if (!body.startsWith('/')) return pattern;
  const root = workspace.endsWith('/') ? workspace : `${workspace}/`;
  if (!body.startsWith(root)) {
    throw new ReportError(
      body,
      `The report path \`${body.slice(0, 120)}\` is outside the workspace (${workspace}); give a path inside it.`,
    );
  }
  return `${negated ? '!' : ''}${body.slice(root.length)}`;
}
