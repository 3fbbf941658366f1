/** The pure parsers: git's -z numstat and check-attr output, sizes, .gitattributes text. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { makePullRequestRepo } from '../../../test/support/git-repo.js';
import { parseCheckAttr } from '../src/check-attr.js';
import { linguistAttributesOf, parseGitattributes } from '../src/gitattributes.js';
import { parseNumstat } from '../src/numstat.js';
import { classifySize, parseSizes } from '../src/sizes.js';

describe(parseNumstat.name, () => {
  it('reads plain, binary and rename records, and names with tabs and newlines', () => {
    const sut = parseNumstat(
      '3\t1\ta.ts\0-\t-\timg.png\0' + '0\t0\t\0old.ts\0new.ts\0' + '2\t0\tweird\tna\nme.ts\0',
    );
    expect(sut).toEqual([
      { path: 'a.ts', additions: 3, deletions: 1, binary: false },
      { path: 'img.png', additions: 0, deletions: 0, binary: true },
      { path: 'new.ts', previousPath: 'old.ts', additions: 0, deletions: 0, binary: false },
      { path: 'weird\tna\nme.ts', additions: 2, deletions: 0, binary: false },
    ]);
  });

  it('reads what git itself writes for a rename with a tab in the new name', () => {
    const repo = makePullRequestRepo(
      { 'a b.txt': 'one\ntwo\nthree\nfour\n' },
      { 'a b.txt': null, 'c\td.txt': 'one\ntwo\nthree\nfour\nfive\n' },
    );
    const out = execFileSync('git', ['diff', '--numstat', '-z', '-M', repo.baseSha, repo.headSha], {
      cwd: repo.dir,
      encoding: 'utf8',
    });
    expect(parseNumstat(out)).toEqual([
      { path: 'c\td.txt', previousPath: 'a b.txt', additions: 1, deletions: 0, binary: false },
    ]);
  });

  it.each([['x\t1\ta\0'], ['1\t-1\ta\0'], ['12\n'], ['1\t2\t\0only-old\0']])(
    'throws on %j instead of guessing',
    (text) => {
      expect(() => parseNumstat(text)).toThrow(/numstat/);
    },
  );

  it('reads empty output as no files', () => {
    expect(parseNumstat('')).toEqual([]);
  });
});

describe(parseCheckAttr.name, () => {
  it('keeps set and true, drops unset, false and unspecified', () => {
    const sut = parseCheckAttr(
      'g.ts\0linguist-generated\0set\0g.ts\0linguist-vendored\0unspecified\0' +
        'v.js\0linguist-generated\0false\0v.js\0linguist-vendored\0true\0' +
        'n.ts\0linguist-generated\0unset\0n.ts\0linguist-vendored\0unspecified\0',
    );
    expect([...sut]).toEqual([
      ['g.ts', { generated: true, vendored: false }],
      ['v.js', { generated: false, vendored: true }],
    ]);
  });
});

describe(parseSizes.name, () => {
  it('reads the default and classifies inclusively, XXL above the last bound', () => {
    const sut = parseSizes('XS:10,S:50,M:200,L:500,XL:1000');
    expect([0, 10, 11, 50, 200, 201, 1000, 1001].map((n) => classifySize(n, sut))).toEqual([
      'XS',
      'XS',
      'S',
      'S',
      'M',
      'L',
      'XL',
      'XXL',
    ]);
  });

  it('accepts a subset in order, with spaces and newlines', () => {
    expect(parseSizes('S: 20\nL:300')).toEqual([
      { name: 'S', max: 20 },
      { name: 'L', max: 300 },
    ]);
  });

  it.each([
    '',
    'XS:10,S:5',
    'S:10,XS:20',
    'XS:10,XS:20',
    'XXL:10',
    'HUGE:10',
    'XS:-1',
    'XS:1e3',
    'XS:10%',
    'XS',
  ])('rejects %j naming the input', (text) => {
    expect(() => parseSizes(text)).toThrow(/Expected `sizes` to be like/);
  });
});

describe(parseGitattributes.name, () => {
  const rules = parseGitattributes(
    [
      '# comment',
      '*.pb.go linguist-generated',
      'keep.pb.go -linguist-generated',
      '/dist/** linguist-generated=true',
      'vendor/** linguist-vendored',
      'vendor/ours/** !linguist-vendored',
      'build/ linguist-generated',
      '!neg linguist-generated',
      '*.md text',
    ].join('\n'),
  );
  it.each([
    ['api/x.pb.go', { generated: true, vendored: false }],
    ['api/keep.pb.go', { generated: false, vendored: false }],
    ['dist/a/b.js', { generated: true, vendored: false }],
    ['src/dist/b.js', { generated: false, vendored: false }],
    ['vendor/lib/a.js', { generated: false, vendored: true }],
    ['vendor/ours/a.js', { generated: false, vendored: false }],
    ['build/out.js', { generated: false, vendored: false }],
    ['README.md', { generated: false, vendored: false }],
  ])('%s -> %j', (path, expected) => {
    expect(linguistAttributesOf(path, rules)).toEqual(expected);
  });
});

describe(`${linguistAttributesOf.name} against git check-attr`, () => {
  it('agrees with git on every path for the same .gitattributes', () => {
    const text = [
      '*.pb.go linguist-generated',
      'keep.pb.go -linguist-generated',
      '/dist/** linguist-generated=true',
      'vendor/** linguist-vendored',
      'vendor/ours/** !linguist-vendored',
      'docs/*.html linguist-generated linguist-vendored',
      'build/ linguist-generated',
      '**/gen/*.ts linguist-generated',
      '*.min.js linguist-vendored=false',
    ].join('\n');
    const paths = [
      'api/x.pb.go',
      'api/keep.pb.go',
      'dist/a/b.js',
      'src/dist/b.js',
      'vendor/lib/a.js',
      'vendor/ours/a.js',
      'docs/a.html',
      'docs/sub/a.html',
      'build/out.js',
      'a/b/gen/c.ts',
      'gen/c.ts',
      'x.min.js',
      'README.md',
    ];
    const repo = makePullRequestRepo({ '.gitattributes': text }, {});
    const git = parseCheckAttr(
      execFileSync('git', ['check-attr', '-z', 'linguist-generated', 'linguist-vendored', '--', ...paths], {
        cwd: repo.dir,
        encoding: 'utf8',
      }),
    );
    const rules = parseGitattributes(text);
    for (const path of paths) {
      expect([path, linguistAttributesOf(path, rules)]).toEqual([
        path,
        git.get(path) ?? { generated: false, vendored: false },
      ]);
    }
  });
});
