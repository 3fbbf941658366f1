/**
 * Parses `git diff --numstat -z -M`. The `-z` form never quotes paths, so names with tabs,
 * newlines or non-ASCII bytes survive; a rename is `A\tD\t\0old\0new\0`, a binary file `-\t-\t`.
 */
import { InternalError } from '@aeef/gate-result';
import type { DiffFile } from './model.js';

const COUNT = /^(?:0|[1-9]\d{0,15})$/;

function parseCount(text: string, record: string): number {
  if (!COUNT.test(text))
    throw new InternalError(`Unexpected git numstat count \`${text}\` in \`${record}\`.`);
  return Number(text);
}

/** Throws on any record it does not understand: a count must never be guessed. */
export function parseNumstat(output: string): DiffFile[] {
  const fields = output.split('\0');
  const files: DiffFile[] = [];
  let i = 0;
  while (i < fields.length) {
    const record = fields[i++] ?? '';
    if (record === '' || record === '\n') continue;
    const first = record.indexOf('\t');
    const second = record.indexOf('\t', first + 1);
    if (first < 0 || second < 0)
      throw new InternalError(`Unexpected git numstat record \`${record.slice(0, 200)}\`.`);
    const added = record.slice(0, first);
    const deleted = record.slice(first + 1, second);
    const binary = added === '-' && deleted === '-';
    let path = record.slice(second + 1);
    let previousPath: string | undefined;
    if (path === '') {
      previousPath = fields[i++];
      path = fields[i++] ?? '';
      if (!previousPath || !path) throw new InternalError('Truncated git numstat rename record.');
    }
    files.push({
      path,
      ...(previousPath !== undefined ? { previousPath } : {}),
      additions: binary ? 0 : parseCount(added, record),
      deletions: binary ? 0 : parseCount(deleted, record),
      binary,
    });
  }
  return files;
}
