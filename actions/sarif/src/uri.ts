/**
 * Artifact URIs to workspace-relative POSIX paths. A report comes from the PR's code, so its URIs
 * are hostile until proven otherwise: only a path that normalises to a place inside the workspace
 * becomes a `file` (and so an annotation); anything else is kept as display text and never opened.
 */
import path from 'node:path';
import { mapPathsToRepository } from '@aeef/gate-result';
import type { ArtifactLocation, Run } from 'sarif';

/** Longer URIs are not paths anyone wrote by hand; they are shown cut, never resolved. */
export const MAX_URI_LENGTH = 2048;

export type ResolvedUri = { path: string } | { text: string };

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Follows `uriBaseId` through `originalUriBaseIds` (cycle-safe); a base without a URI is the workspace. */
function baseOf(run: Run, id: string | undefined, seen?: Set<string>): string {
  if (id === undefined || seen?.has(id)) return '';
  const entry = run.originalUriBaseIds?.[id];
  if (!entry?.uri) return ''; // no URI given (e.g. `%SRCROOT%`): relative to the workspace
  if (SCHEME.test(entry.uri)) return entry.uri;
  return baseOf(run, entry.uriBaseId, (seen ?? new Set<string>()).add(id)) + entry.uri;
}

/** The location's URI after `index` into `run.artifacts` and its base chain; undefined when none. */
export function fullUri(run: Run, location: ArtifactLocation | undefined): string | undefined {
  if (!location) return undefined;
  let loc: ArtifactLocation = location;
  if (loc.uri === undefined && loc.index !== undefined && loc.index >= 0) {
    loc = run.artifacts?.[loc.index]?.location ?? loc;
  }
  if (loc.uri === undefined) return undefined;
  if (SCHEME.test(loc.uri)) return loc.uri;
  return baseOf(run, loc.uriBaseId ?? location.uriBaseId) + loc.uri;
}

/**
 * Relative references and `file:` URIs that land inside `workspace` become `{ path }`; everything
 * else (another scheme, outside the workspace, control characters, over-long) is `{ text }`.
 */
export function resolveUri(uri: string, workspace: string): ResolvedUri {
  const shown = uri.length > 200 ? `${uri.slice(0, 200)}… (${uri.length} characters)` : uri;
  if (uri.length > MAX_URI_LENGTH || CONTROL.test(uri)) return { text: shown };
  const scheme = SCHEME.exec(uri)?.[1]?.toLowerCase();
  let decoded: string;
  try {
    if (scheme === 'file') decoded = decodeURIComponent(new URL(uri).pathname);
    else if (scheme === undefined) decoded = decodeURIComponent(uri.split(/[?#]/, 1)[0] ?? '');
    else return { text: shown };
  } catch {
    return { text: shown };
  }
  if (decoded === '' || CONTROL.test(decoded) || decoded.includes('\\')) return { text: shown };
  const root = path.posix.normalize(workspace.split(path.sep).join('/'));
  const absolute = decoded.startsWith('/') ? path.posix.normalize(decoded) : path.posix.join(root, decoded);
  const relative = path.posix.relative(root, absolute);
  if (relative === '' || relative === '..' || relative.startsWith('../') || path.posix.isAbsolute(relative))
    return { text: shown };
  return { path: relative };
}

/** What path mapping did to a run's findings, for the summary and for `new-only: diff`. */
export interface FindingPathMapping {
  /** One sentence for the summary: which mapping was used (undefined when nothing needed it). */
  description?: string;
  /** Locations that name a file but match no tracked file (raw text or workspace path). */
  unmapped: string[];
  /** The tracked files (git ls-files), when git was available. */
  tracked?: ReadonlySet<string>;
}

/**
 * A location text that names a file on some machine: a `file:` URI, an absolute POSIX path, a
 * Windows drive path or a backslash path. Other schemes (`https:`), cut or control-character text
 * name no file and are never mapped.
 */
function namesForeignFile(text: string): boolean {
  if (text.includes('…') || CONTROL.test(text)) return false;
  return (
    /^file:/i.test(text) ||
    text.startsWith('/') ||
    /^[A-Za-z]:[\\/]/.test(text) ||
    (!SCHEME.test(text) && text.includes('\\'))
  );
}

/**
 * Maps finding locations written on another machine or relative to another root to the
 * repository's tracked files, with the library's `mapPathsToRepository` (the coverage gate's
 * mapping): a workspace path that is not a tracked file, and a location that names a file outside
 * the workspace (`file:///home/runner/work/x/x/src/a.ts`, `D:\a\x\src\a.ts`). Mutates `path` and
 * `locationText` of the findings it maps. Pure but for that; `tracked` undefined means no git.
 */
export function mapFindingPaths(
  findings: readonly { path?: string | undefined; locationText?: string | undefined }[],
  tracked: readonly string[] | undefined,
): FindingPathMapping {
  if (tracked === undefined) return { unmapped: [] };
  const trackedSet = new Set(tracked);
  const keys = new Set<string>();
  for (const f of findings) {
    if (f.path !== undefined) {
      if (!trackedSet.has(f.path)) keys.add(f.path);
    } else if (f.locationText !== undefined && namesForeignFile(f.locationText)) keys.add(f.locationText);
  }
  if (keys.size === 0) return { unmapped: [], tracked: trackedSet };
  const mapping = mapPathsToRepository([...keys], tracked);
  const unmapped = new Set(mapping.unmapped);
  for (const f of findings) {
    const key = f.path ?? f.locationText;
    if (key === undefined || !keys.has(key)) continue;
    const repo = mapping.mapped.get(key);
    if (repo === undefined) continue;
    // A workspace path names a file that may exist (an untracked build output, `dist/src/a.ts`):
    // it maps only by adding leading directories (a scanner run in a subdirectory), never by
    // dropping its own onto another file (`src/a.ts`).
    if (f.path !== undefined && repo !== f.path && !repo.endsWith(`/${f.path}`)) {
      unmapped.add(key);
      continue;
    }
    f.path = repo;
    f.locationText = undefined;
  }
  return {
    description: `Finding locations: ${mapping.description}`,
    unmapped: [...unmapped],
    tracked: trackedSet,
  };
}
