/**
 * Maps a report's file keys to workspace-relative POSIX paths, so mutants line up with the PR's
 * diff, and finds the files a report names that are not in the workspace (a stale report, or one
 * from another project). Keys are absolute (StrykerJS, Stryker.NET, Infection), relative to the
 * `projectRoot`, or relative to the directory Stryker ran in; Windows separators are accepted.
 */
import path from 'node:path';

/** Backslashes to slashes, no trailing slash. */
export function toPosix(p: string): string {
  const slashed = p.replaceAll('\\', '/');
  return slashed.length > 1 && slashed.endsWith('/') ? slashed.replace(/\/+$/, '') : slashed;
}

/** POSIX root (`/x`) or a drive (`C:/x`). */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:\//.test(p);
}

/** `inner` relative to `outer` when inside it (drive letters compared without case), else undefined. */
function relativeInside(outer: string, inner: string): string | undefined {
  const drive = /^[A-Za-z]:\//.test(outer);
  const a = drive ? outer.toLowerCase() : outer;
  const b = drive ? inner.slice(0, outer.length).toLowerCase() + inner.slice(outer.length) : inner;
  if (b === a) return '';
  if (b.startsWith(`${a}/`)) return inner.slice(outer.length + 1);
  return undefined;
}

/**
 * The key relative to where Stryker ran: the projectRoot prefix of an absolute key is removed. An
 * absolute key outside the projectRoot stays absolute (unresolvable unless inside the workspace).
 */
export function keyRelativeToProject(key: string, projectRoot: string | undefined): string {
  const posix = toPosix(key);
  if (!isAbsolutePath(posix) || projectRoot === undefined) return posix;
  const root = toPosix(projectRoot);
  return (isAbsolutePath(root) ? relativeInside(root, posix) : undefined) ?? posix;
}

/**
 * Directories (workspace-relative, '' for the root) that the report's relative keys may be
 * relative to, most likely first: the projectRoot when it lies in the workspace, then each
 * directory above the report (StrykerJS writes `<project>/reports/mutation/mutation.json`).
 */
export function candidateBases(
  reportFile: string,
  projectRoot: string | undefined,
  workspace: string,
): string[] {
  const bases: string[] = [];
  if (projectRoot !== undefined) {
    const root = toPosix(projectRoot);
    const inside = isAbsolutePath(root) ? relativeInside(toPosix(workspace), root) : undefined;
    if (inside !== undefined) bases.push(inside);
  }
  let dir = path.posix.dirname(reportFile);
  while (dir !== '.' && dir !== '/' && dir !== '') {
    bases.push(dir);
    dir = path.posix.dirname(dir);
  }
  bases.push('');
  return [...new Set(bases)];
}

/**
 * The workspace-relative path of a key under `base`, or undefined when it cannot be in the
 * workspace (absolute elsewhere, or `..` climbing out).
 */
export function workspacePathOf(relativeKey: string, base: string, workspace: string): string | undefined {
  if (isAbsolutePath(relativeKey)) return relativeInside(toPosix(workspace), relativeKey) || undefined;
  const joined = path.posix.normalize(path.posix.join(base, relativeKey));
  if (joined === '.' || joined === '..' || joined.startsWith('../') || joined.startsWith('/'))
    return undefined;
  return joined;
}
