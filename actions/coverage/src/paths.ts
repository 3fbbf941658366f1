/**
 * Report paths become workspace-relative POSIX paths before anything else, so that coverage lines
 * up with `git diff`. Pure string work: nothing here touches the file system.
 */
import path from 'node:path';

export interface NormalisedPath {
  path: string;
  outside: boolean;
}

const WINDOWS_ABSOLUTE = /^[A-Za-z]:\//;

function toPosix(raw: string): string {
  let p = raw.trim().replace(/\\/g, '/');
  if (p.startsWith('file://')) p = decodeFileUrl(p);
  return p;
}

function decodeFileUrl(url: string): string {
  try {
    const p = decodeURIComponent(url.slice('file://'.length));
    // file:///C:/x -> C:/x
    return /^\/[A-Za-z]:\//.test(p) ? p.slice(1) : p;
  } catch {
    return url;
  }
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || WINDOWS_ABSOLUTE.test(p);
}

/** Lexical normalisation that keeps Windows drive letters (path.posix would not know them). */
function normaliseAbsolute(p: string): string {
  if (WINDOWS_ABSOLUTE.test(p)) return p.slice(0, 2) + path.posix.normalize(p.slice(2));
  return path.posix.normalize(p);
}

/** `child` relative to `root` when inside it; Windows drive letters compare case-insensitively. */
function relativeInside(root: string, child: string): string | undefined {
  const r = root.endsWith('/') ? root : `${root}/`;
  const windows = WINDOWS_ABSOLUTE.test(r);
  const c = windows ? child.toLowerCase() : child;
  const prefix = windows ? r.toLowerCase() : r;
  if (c === prefix.slice(0, -1)) return '';
  return c.startsWith(prefix) ? child.slice(r.length) : undefined;
}

/**
 * Normalises one report path. `roots` are the report's own base directories (Cobertura
 * `<source>`): a relative path is joined to the first root inside the workspace; roots outside it
 * (a report written on another machine) are ignored, so the relative path stands as given.
 */
export function normaliseReportPath(
  raw: string,
  workspace: string,
  roots: readonly string[] = [],
): NormalisedPath {
  const ws = normaliseAbsolute(toPosix(workspace));
  let p = toPosix(raw);
  if (!isAbsolute(p)) {
    for (const root of roots) {
      const r = toPosix(root);
      if (r === '') continue;
      const joined = isAbsolute(r) ? `${normaliseAbsolute(r)}/${p}` : `${ws}/${r}/${p}`;
      if (relativeInside(ws, normaliseAbsolute(joined)) !== undefined) {
        p = joined;
        break;
      }
    }
  }
  if (isAbsolute(p)) {
    const abs = normaliseAbsolute(p);
    const rel = relativeInside(ws, abs);
    return rel === undefined || rel === '' ? { path: abs, outside: true } : { path: rel, outside: false };
  }
  const rel = path.posix.normalize(p);
  if (rel === '..' || rel.startsWith('../')) return { path: p, outside: true };
  return { path: rel === '.' ? p : rel, outside: false };
}
