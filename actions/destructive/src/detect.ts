/**
 * Pure detection over the PR's diff: which statements the PR adds to its SQL files are destructive.
 * A changed SQL file is parsed whole (at the head), so comments and string literals are never
 * statements, and a statement counts when one of its lines is an added line.
 */
import type { ChangedFile, PathMatcher } from '@aeef/gate-result';
import type { AllowEntry } from './allow.js';
import { shorten, type DestructiveFinding } from './findings.js';
import { analyseSql, SQL_OPERATIONS, type SqlDialect } from './sql/index.js';
import { lineIndex } from './sql/split.js';

export interface SqlScope {
  isSqlPath: PathMatcher;
  dialect: SqlDialect;
}

/** The changed files whose head text is judged as SQL. */
export function isSqlFile(file: ChangedFile, scope: Pick<SqlScope, 'isSqlPath'>): boolean {
  return file.status !== 'deleted' && !file.binary && /\.sql$/i.test(file.path) && scope.isSqlPath(file.path);
}

/** Head lines the PR added, as a set. */
function addedLines(file: ChangedFile): Set<number> {
  if (file.added) return new Set(file.added.map((l) => l.line));
  const lines = new Set<number>();
  for (const r of file.ranges) for (let l = r.start; l <= r.end; l++) lines.add(l);
  return lines;
}

/** The destructive statements a SQL file's head text holds on the PR's added lines. */
export function sqlFindings(file: ChangedFile, headText: string, dialect: SqlDialect): DestructiveFinding[] {
  const added = addedLines(file);
  if (added.size === 0) return [];
  const lineOf = lineIndex(headText);
  const findings: DestructiveFinding[] = [];
  for (const found of analyseSql(headText, dialect)) {
    const first = lineOf(found.start);
    const last = lineOf(Math.max(found.start, found.end - 1));
    let touched = false;
    for (let l = first; l <= last && !touched; l++) touched = added.has(l);
    if (!touched) continue;
    const statement = shorten(headText.slice(found.start, found.end));
    findings.push({
      category: 'sql',
      operation: found.operation,
      object: found.object,
      file: file.path,
      line: first,
      why:
        found.operation === 'unparsed'
          ? `${SQL_OPERATIONS.unparsed} as ${dialect} (${found.detail ?? 'syntax error'})`
          : SQL_OPERATIONS[found.operation],
      text: statement,
    });
  }
  return findings;
}

/** Marks the findings an `allow` entry covers (the first matching entry wins). */
export function applyAllow(
  findings: DestructiveFinding[],
  allow: readonly AllowEntry[],
): DestructiveFinding[] {
  return findings.map((f) => {
    const entry = allow.find((a) => a.matches(f));
    return entry ? { ...f, allowed: { selector: entry.selector, reason: entry.reason } } : f;
  });
}

/** Stable order: file, line, category, operation, object. */
export function sortFindings(findings: DestructiveFinding[]): DestructiveFinding[] {
  return [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.category.localeCompare(b.category) ||
      a.operation.localeCompare(b.operation) ||
      a.object.localeCompare(b.object),
  );
}
