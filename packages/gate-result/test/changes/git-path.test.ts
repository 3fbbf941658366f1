import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHeaderNames, readName, unquoteAt } from '../../src/changes/git-path.js';

describe(unquoteAt.name, () => {
  it.each([
    ['"plain"', 'plain'],
    ['"sp\\303\\251cial name.ts"', 'spécial name.ts'],
    ['"q\\"uote\\\\back"', 'q"uote\\back'],
    ['"tab\\there\\nnewline"', 'tab\there\nnewline'],
    ['"\\346\\227\\245\\346\\234\\254.ts"', '日本.ts'],
  ])('decodes %s', (text, expected) => {
    expect(unquoteAt(text, 0)).toEqual({ value: expected, end: text.length });
  });

  it.each(['"unterminated', '"bad \\x escape"', '"short \\30"', 'no quote', '"ends in \\'])(
    'rejects %s',
    (text) => {
      expect(unquoteAt(text, 0)).toBeUndefined();
    },
  );

  it('decodes every name git quotes back to the file name on disk (git itself as the oracle)', () => {
    const names = ['é.ts', 'tab\tname.ts', 'quote".ts', 'back\\slash.ts', 'emoji 😀.ts', 'new\nline.ts'];
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aeef-quote-'));
    try {
      execFileSync('git', ['init', '-q'], { cwd: dir });
      for (const name of names) writeFileSync(path.join(dir, name), 'x');
      execFileSync('git', ['add', '-A'], { cwd: dir });
      const listed = execFileSync('git', ['-c', 'core.quotePath=true', 'diff', '--cached', '--name-only'], {
        cwd: dir,
        encoding: 'utf8',
      });
      const decoded = listed.trimEnd().split('\n').map(readName);
      expect(decoded.sort()).toEqual([...names].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe(readHeaderNames.name, () => {
  it.each([
    ['a/x.ts b/x.ts', ['x.ts', 'x.ts']],
    ['a/with space.ts b/with space.ts', ['with space.ts', 'with space.ts']],
    ['"a/\\303\\251.ts" "b/\\303\\251.ts"', ['é.ts', 'é.ts']],
    ['a/plain.ts "b/\\303\\251.ts"', ['plain.ts', 'é.ts']],
    ['"a/\\303\\251.ts" b/plain.ts', ['é.ts', 'plain.ts']],
  ])('reads %s', (rest, expected) => {
    expect(readHeaderNames(rest)).toEqual(expected);
  });

  it('leaves unquoted names that differ to the rename lines (they may contain " b/")', () => {
    expect(readHeaderNames('a/x b/y b/z')).toBeUndefined();
  });
});
