/** Test helpers: a file the PR adds whole, or changes at given lines, as the change set gives it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChangedFile } from '@aeef/gate-result';

export const FIXTURES = path.join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'destructive');

export function fixture(rel: string): string {
  return readFileSync(path.join(FIXTURES, rel), 'utf8');
}

/** A new file: every line added. */
export function addedFile(filePath: string, text: string): ChangedFile {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return {
    path: filePath,
    status: 'added',
    additions: lines.length,
    deletions: 0,
    binary: false,
    ranges: lines.length > 0 ? [{ start: 1, end: lines.length }] : [],
    added: lines.map((t, i) => ({ line: i + 1, anchor: i + 1, text: t })),
    removed: [],
  };
}

/** A changed file whose added lines are `lines` (1-based head lines). */
export function changedFile(filePath: string, text: string, lines: number[]): ChangedFile {
  const all = text.split('\n');
  return {
    path: filePath,
    status: 'modified',
    additions: lines.length,
    deletions: 0,
    binary: false,
    ranges: lines.map((l) => ({ start: l, end: l })),
    added: lines.map((l) => ({ line: l, anchor: l, text: all[l - 1] ?? '' })),
    removed: [],
  };
}
