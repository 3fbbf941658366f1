import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePatch, parseUnifiedDiff } from '../../src/changes/diff-parse.js';
import { makePullRequestRepo } from '../../../../test/support/git-repo.js';

const DIFF_ARGS = [
  'diff',
  '--unified=0',
  '--no-color',
  '--no-ext-diff',
  '-M',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];

describe('diff text (text: true)', () => {
  it('keeps added and removed lines with their line numbers, as git itself numbers them', () => {
    const repo = makePullRequestRepo(
      { 'a.ts': 'one\ntwo\nthree\nfour\nfive\n', 'gone.test.ts': 'expect(1)\n' },
      { 'a.ts': 'one\nTWO\nthree\nfive\nsix\n', 'gone.test.ts': null },
    );
    try {
      const text = repo.git(...DIFF_ARGS, repo.baseSha, repo.headSha, '--');
      const files = parseUnifiedDiff(text, { text: true });
      const a = files.find((f) => f.path === 'a.ts');
      expect(a?.added).toEqual([
        { line: 2, anchor: 2, text: 'TWO' },
        { line: 5, anchor: 5, text: 'six' },
      ]);
      expect(a?.removed).toEqual([
        { line: 2, anchor: 2, text: 'two' },
        { line: 4, anchor: 3, text: 'four' },
      ]);
      const gone = files.find((f) => f.path === 'gone.test.ts');
      expect(gone?.status).toBe('deleted');
      expect(gone?.removed).toEqual([{ line: 1, anchor: 1, text: 'expect(1)' }]);
      // Without the option nothing changes for the other gates.
      expect(parseUnifiedDiff(text).find((f) => f.path === 'a.ts')?.added).toBeUndefined();
    } finally {
      rmSync(repo.dir, { recursive: true, force: true });
    }
  });

  it('reads the text of an API patch with context lines', () => {
    const tally = parsePatch('@@ -1,3 +1,3 @@\n ctx\n-old\n+new\n ctx2', true);
    expect(tally.added).toEqual([{ line: 2, anchor: 2, text: 'new' }]);
    expect(tally.removed).toEqual([{ line: 2, anchor: 2, text: 'old' }]);
  });
});
