import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { compileMatcher } from '../src/globs.js';
import { inputsFromRecord } from '../src/input-specs.js';
import { getGlobs } from '../src/inputs.js';

const PATTERNS = [
  '**/*.ts',
  'src/**/*.test.ts',
  '*.json',
  'coverage/lcov.info',
  '**/coverage-final.json',
  'src/*/index.?s',
  'src/[a-c]*.ts',
  'src/[^a]*.ts',
  '**/.github/**',
  'packages/*/coverage/**/*.xml',
  'src/**',
  'a/**/b/**/c',
  '**/*.{ts,tsx}',
  'src/{a,b/{c,d}}/*.js',
  'app/\\(group\\)/*.tsx',
];
const PATHS = [
  'a.ts',
  'src/a.ts',
  'src/b.ts',
  'src/d.ts',
  'src/x/y.test.ts',
  'src/x/index.js',
  'src/x/index.ts',
  'package.json',
  'sub/package.json',
  'coverage/lcov.info',
  'pkg/coverage/coverage-final.json',
  '.github/workflows/ci.yml',
  'x/.github/a',
  'packages/p/coverage/deep/cobertura.xml',
  'a/b/c',
  'a/x/b/y/z/c',
  'a/b/c/d',
  'src/ui/button.tsx',
  'src/a/x.js',
  'src/b/c/x.js',
  'src/b/x.js',
  'app/(group)/page.tsx',
  '.env.ts',
];

describe(compileMatcher.name, () => {
  // Oracle: picomatch with the same semantics (dot files, no extglobs) on ordinary patterns.
  it.each(PATTERNS)('agrees with picomatch on %j', (pattern) => {
    const ours = compileMatcher([pattern]);
    const theirs = picomatch(pattern, { dot: true, noextglob: true });
    for (const path of PATHS) expect([path, ours(path)]).toEqual([path, theirs(path)]);
  });

  // picomatch with noextglob reads `[!a]` as "`!` or `a`"; POSIX says "not `a`", as here.
  it('negates a class with `!` as POSIX globs do', () => {
    const sut = compileMatcher(['src/[!a]*.ts']);
    expect(sut('src/a.ts')).toBe(false);
    expect(sut('src/b.ts')).toBe(true);
  });

  it('subtracts negated patterns; negations alone match everything else', () => {
    const sut = compileMatcher(['**/*.ts', '!**/*.test.ts']);
    expect(sut('src/a.ts')).toBe(true);
    expect(sut('src/a.test.ts')).toBe(false);
    const onlyNegated = compileMatcher(['!dist/**']);
    expect(onlyNegated('src/a.ts')).toBe(true);
    expect(onlyNegated('dist/a.js')).toBe(false);
  });

  // RELIABILITY A7: what takes picomatch seconds or rejects with a clear error, all within budget.
  it('stays linear on pathological patterns and paths', () => {
    const started = performance.now();
    const paths = Array.from({ length: 10_000 }, (_, i) => `${'a/'.repeat(i % 20)}${'a'.repeat(200)}${i}`);
    const patterns = [
      `${'*a'.repeat(40)}b`,
      `**/${'*'.repeat(40)}`,
      `${'**/'.repeat(30)}*a*a*a*a*b`,
      '{*a,*a}{*a,*a}{*a,*a}{*a,*a}b',
      '+(a|a?)'.replace('+', '').repeat(5),
    ];
    const sut = compileMatcher(patterns);
    let matched = 0;
    for (const p of paths) if (sut(p)) matched++;
    expect(matched).toBe(10_000); // `**/` + `*` x 40 matches every path
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.each([
    [['+(a|a?)+(a|a?)!'], 'extglobs'],
    [['a'.repeat(600)], 'too long'],
    [Array.from({ length: 10_000 }, (_, i) => `f${i}`), 'at most 256 patterns'],
    [[`{${Array.from({ length: 10_000 }, (_, i) => i).join(',')}}`], 'too long'],
    [['{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}'], 'too complex'],
    [['/etc/passwd'], 'relative'],
    [['../x'], '`..`'],
  ])('rejects %#', (patterns, why) => {
    expect(() => compileMatcher(patterns, 'files')).toThrow(InputError);
    expect(() => compileMatcher(patterns, 'files')).toThrow(why);
  });

  it('leaves numeric ranges literal instead of expanding them', () => {
    const sut = compileMatcher(['src/{1..100000}/*.ts']);
    expect(sut('src/{1..100000}/a.ts')).toBe(true);
    expect(sut('src/5/a.ts')).toBe(false);
  });
});

describe('absolute patterns', () => {
  it('are accepted by getGlobs (the IO checks them against the workspace) but never by a matcher', () => {
    const inputs = inputsFromRecord({ files: '/home/runner/work/app/app/coverage/lcov.info' });
    expect(getGlobs(inputs, 'files')).toEqual(['/home/runner/work/app/app/coverage/lcov.info']);
    // An absolute `exclude` could never match a workspace-relative path: refused, not silently inert.
    expect(() => compileMatcher(['/abs/**'], 'exclude')).toThrow(/relative to the working directory/);
    expect(() => getGlobs(inputsFromRecord({ files: '~/lcov.info' }), 'files')).toThrow(/relative/);
    expect(() => getGlobs(inputsFromRecord({ files: '/ws/../etc/passwd' }), 'files')).toThrow(/`\.\.`/);
  });
});
