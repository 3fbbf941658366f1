import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePatch, parseUnifiedDiff } from '../../src/changes/diff-parse.js';
import { ConfigError } from '../../src/errors.js';
import { makePullRequestRepo, type PullRequestRepo } from '../../../../test/support/git-repo.js';

const DIFF_ARGS = [
  'diff',
  '--unified=0',
  '--no-color',
  '--no-ext-diff',
  '-M',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0xff]);
const lines = (n: number, tag = 'line'): string =>
  Array.from({ length: n }, (_, i) => `${tag} ${i + 1}\n`).join('');

/**
 * A repo touching every kind of change. Oracles: `git diff --numstat -z` (counts, names, `-` for
 * binary), `git diff --name-status -z` (status letters) and `git blame --porcelain` (lines the
 * head commit wrote), all from git itself, independent of the parser.
 */
const repo: PullRequestRepo = makePullRequestRepo(
  {
    'src/modify.ts': lines(20),
    'src/delete-me.ts': lines(5),
    'src/rename-same.ts': lines(12, 'same'),
    'src/rename-edit.ts': lines(30, 'edit'),
    'assets/logo.png': PNG,
    'docs/with space.md': lines(4),
    'src/spécial name.ts': lines(3),
    'src/copy-source.ts': lines(40, 'copy'),
  },
  {
    'src/modify.ts':
      lines(20).replace('line 3\n', 'line three\nline 3b\n').replace('line 17\n', '') + 'tail\n',
    'src/delete-me.ts': null,
    'src/added.ts': 'export const a = 1;\nexport const b = 2;\n',
    'src/empty.ts': '',
    'lib/rename-edit.ts': lines(30, 'edit').replace('edit 10\n', 'edited 10\n'),
    'assets/logo.png': Buffer.concat([PNG, Buffer.from([7])]),
    'docs/with space.md': lines(4) + 'five\n',
    'src/spécial name.ts': 'first\n' + lines(3),
    'src/-- tricky.ts': '-- a/leading dashes\n++ b/plus\n',
  },
  {
    renames: [
      ['src/rename-same.ts', 'lib/rename-same.ts'],
      ['src/rename-edit.ts', 'lib/rename-edit.ts'],
    ],
  },
);
afterAll(() => rmSync(repo.dir, { recursive: true, force: true }));

const range = [repo.baseSha, repo.headSha];
const parsed = parseUnifiedDiff(repo.git(...DIFF_ARGS, ...range) + '\n');
const byPath = new Map(parsed.map((file) => [file.path, file]));

function numstat(): Map<string, [number, number] | 'binary'> {
  const fields = repo.git('diff', '--numstat', '-z', '-M', ...range).split('\0');
  const result = new Map<string, [number, number] | 'binary'>();
  for (let i = 0; i < fields.length - 1; i++) {
    const [added, deleted, name] = fields[i]!.split('\t');
    const path = name === '' ? fields[(i += 2)]! : name!; // renames: "a\td\t\0old\0new"
    result.set(path.replace(/\n$/, ''), added === '-' ? 'binary' : [Number(added), Number(deleted)]);
  }
  return result;
}

function blamedLines(path: string): number[] {
  const porcelain = repo.git('blame', '--porcelain', repo.headSha, '--', path).split('\n');
  const result: number[] = [];
  for (const line of porcelain) {
    const match = /^([0-9a-f]{40}) \d+ (\d+)/.exec(line);
    if (match && match[1] === repo.headSha) result.push(Number(match[2]));
  }
  return result;
}

function expand(file: { ranges: { start: number; end: number }[] } | undefined): number[] {
  return (file?.ranges ?? []).flatMap(({ start, end }) =>
    Array.from({ length: end - start + 1 }, (_, i) => start + i),
  );
}

describe(parseUnifiedDiff.name, () => {
  it('lists the same files with the same counts as git diff --numstat', () => {
    const oracle = numstat();
    expect(new Set(parsed.map((file) => file.path))).toEqual(new Set([...oracle.keys()]));
    for (const file of parsed) {
      const expected = oracle.get(file.path);
      if (expected === 'binary') expect(file).toMatchObject({ binary: true, additions: 0, deletions: 0 });
      else expect([file.additions, file.deletions]).toEqual(expected);
    }
  });

  it('gives the status letters of git diff --name-status', () => {
    const fields = repo.git('diff', '--name-status', '-z', '-M', ...range).split('\0');
    const letters: Record<string, string> = {
      A: 'added',
      M: 'modified',
      D: 'deleted',
      R: 'renamed',
      C: 'copied',
    };
    for (let i = 0; i < fields.length - 1; i++) {
      const letter = fields[i]![0]!;
      const path = 'RC'.includes(letter) ? fields[(i += 2)]! : fields[++i]!;
      expect(byPath.get(path)?.status, path).toBe(letters[letter]);
    }
  });

  it.each([
    'src/modify.ts',
    'src/added.ts',
    'lib/rename-edit.ts',
    'docs/with space.md',
    'src/spécial name.ts',
    'src/-- tricky.ts',
  ])('ranges of %s equal the lines git blame attributes to the head commit', (path) => {
    expect(expand(byPath.get(path))).toEqual(blamedLines(path));
  });

  it('keeps the details blame cannot show', () => {
    expect(byPath.get('src/modify.ts')?.ranges).toEqual([
      { start: 3, end: 4 },
      { start: 21, end: 21 }, // "line 17" removed, one inserted at 3: "tail" is line 21
    ]);
    expect(byPath.get('lib/rename-same.ts')).toEqual({
      path: 'lib/rename-same.ts',
      previousPath: 'src/rename-same.ts',
      status: 'renamed',
      additions: 0,
      deletions: 0,
      binary: false,
      ranges: [],
    });
    expect(byPath.get('lib/rename-edit.ts')).toMatchObject({
      previousPath: 'src/rename-edit.ts',
      ranges: [{ start: 10, end: 10 }],
    });
    expect(byPath.get('src/delete-me.ts')).toMatchObject({ status: 'deleted', deletions: 5, ranges: [] });
    expect(byPath.get('src/empty.ts')).toMatchObject({ status: 'added', additions: 0, ranges: [] });
    expect(byPath.get('assets/logo.png')).toMatchObject({ status: 'modified', binary: true, ranges: [] });
  });

  it('reads copies with git diff -C --find-copies-harder', () => {
    const copyRepo = makePullRequestRepo({ 'a.ts': lines(40) }, { 'b.ts': lines(40) + 'extra\n' });
    try {
      const files = parseUnifiedDiff(
        copyRepo.git(...DIFF_ARGS, '-C', '--find-copies-harder', copyRepo.baseSha, copyRepo.headSha),
      );
      expect(files).toEqual([
        {
          path: 'b.ts',
          previousPath: 'a.ts',
          status: 'copied',
          additions: 1,
          deletions: 0,
          binary: false,
          ranges: [{ start: 41, end: 41 }],
        },
      ]);
    } finally {
      rmSync(copyRepo.dir, { recursive: true, force: true });
    }
  });

  it.each([
    [
      'quoted names with octal escapes',
      'diff --git "a/sp\\303\\251cial name.ts" "b/sp\\303\\251cial name.ts"\nindex 1..2 100644\n--- "a/sp\\303\\251cial name.ts"\n+++ "b/sp\\303\\251cial name.ts"\n@@ -0,0 +1 @@\n+x',
      'spécial name.ts',
    ],
    [
      'a tab in a name',
      'diff --git "a/tab\\tx.ts" "b/tab\\tx.ts"\nnew file mode 100644\nindex 0..1\n--- /dev/null\n+++ "b/tab\\tx.ts"\n@@ -0,0 +1 @@\n+y',
      'tab\tx.ts',
    ],
    [
      'a space with the trailing tab git adds',
      'diff --git a/x y.ts b/x y.ts\n--- a/x y.ts\t\n+++ b/x y.ts\t\n@@ -2 +2 @@\n-b\n+B',
      'x y.ts',
    ],
    [
      'a quoted binary file',
      'diff --git "a/bin \\303\\251.png" "b/bin \\303\\251.png"\nindex f584f40..6bf43ff 100644\nBinary files "a/bin \\303\\251.png" and "b/bin \\303\\251.png" differ',
      'bin é.png',
    ],
    [
      'a renamed name with " b/" inside',
      'diff --git a/x b/y b/z b/w\nsimilarity index 100%\nrename from x b/y\nrename to z b/w',
      'z b/w',
    ],
    [
      'a new binary file',
      'diff --git a/i.png b/i.png\nnew file mode 100644\nindex 0000000..1\nBinary files /dev/null and b/i.png differ',
      'i.png',
    ],
  ])('parses %s', (_label, text, path) => {
    const [file] = parseUnifiedDiff(text);
    expect(file?.path).toBe(path);
  });

  it('ends a hunk by its counts, not by the look of its lines', () => {
    const files = parseUnifiedDiff(
      'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1 @@\n--- a/y\n-diff --git a/z b/z\n+\\ kept\n\\ No newline at end of file\n',
    );
    expect(files).toEqual([
      {
        path: 'x',
        status: 'modified',
        additions: 1,
        deletions: 2,
        binary: false,
        ranges: [{ start: 1, end: 1 }],
      },
    ]);
  });

  it('returns no files for an empty diff', () => {
    expect(parseUnifiedDiff('')).toEqual([]);
  });

  it.each([
    ['text that is not a diff', 'hello world\n'],
    ['a truncated hunk', 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-a\n'],
    ['a bad hunk header', 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -a +b @@\n'],
    ['more added lines than counted', 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+a\n+b\n'],
    ['an unknown header line', 'diff --git a/x b/x\nwhat is this\n'],
    ['an ambiguous name with no other source', 'diff --git a/x b/y b/z\nold mode 100644\nnew mode 100755\n'],
  ])('throws a ConfigError on %s', (_label, text) => {
    expect(() => parseUnifiedDiff(text)).toThrow(ConfigError);
  });

  it('returns a result or a ConfigError for any text', () => {
    const pieces = fc.constantFrom(
      'diff --git a/x b/x',
      '--- a/x',
      '+++ b/x',
      '@@ -1,2 +1,3 @@',
      '@@ -0,0 +1 @@',
      '+a',
      '-b',
      ' c',
      '\\ No newline',
      'rename from "q\\303"',
      'Binary files a/x and b/x differ',
      'new file mode 100644',
      '',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }), (parts) => {
        try {
          const files = parseUnifiedDiff(parts.join('\n'));
          for (const file of files) {
            for (let i = 1; i < file.ranges.length; i++)
              expect(file.ranges[i]!.start).toBeGreaterThan(file.ranges[i - 1]!.end + 1);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe(parsePatch.name, () => {
  /** Patch 1 of test/fixtures/github/rest-pulls-files-recorded-2016-octokit-rb.json is tested in resolve tests. */
  it('reads hunks with context lines', () => {
    const patch = '@@ -1,4 +1,5 @@\n a\n-b\n+B\n+B2\n c\n d\n@@ -10,3 +11,3 @@\n x\n-y\n+Y\n z';
    expect(parsePatch(patch)).toEqual({
      ranges: [
        { start: 2, end: 3 },
        { start: 12, end: 12 },
      ],
      additions: 3,
      deletions: 2,
    });
  });

  it('has no lines for an absent or empty patch', () => {
    expect(parsePatch(undefined)).toEqual({ ranges: [], additions: 0, deletions: 0 });
    expect(parsePatch('')).toEqual({ ranges: [], additions: 0, deletions: 0 });
  });

  it('throws a ConfigError on text outside hunks', () => {
    expect(() => parsePatch('+a\n')).toThrow(ConfigError);
    expect(() => parsePatch('@@ -1 +1 @@\n-a\n+b\nextra')).toThrow(ConfigError);
  });

  it('returns a result or a ConfigError for any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          parsePatch(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
        }
      }),
    );
  });
});
