/**
 * The library's glob matcher beside picomatch (the peer it replaces) on ordinary patterns over
 * 100k generated paths, asserting equal match counts; then the pathological pattern of
 * RELIABILITY A7, where picomatch backtracks for seconds (one 200-character name only, to keep it
 * short) and ours stays linear.
 * Run: npm run bench -- globs
 */
import picomatch from 'picomatch';
import { compileMatcher } from '../packages/gate-result/src/globs.js';
import { printTable, time } from './_timing.js';

const PATHS = Array.from(
  { length: 100_000 },
  (_, i) => `packages/pkg-${i % 50}/src/dir-${i % 97}/file-${i}.${i % 3 ? 'ts' : 'test.ts'}`,
);

function count(match: (p: string) => boolean, paths: readonly string[]): number {
  let n = 0;
  for (const p of paths) if (match(p)) n++;
  return n;
}

export async function bench(): Promise<void> {
  const ours = compileMatcher(['packages/*/src/**/*.ts', '!**/*.test.ts']);
  const theirs = picomatch('packages/*/src/**/*.ts', {
    dot: true,
    noextglob: true,
    ignore: ['**/*.test.ts'],
  });
  const expected = count(theirs, PATHS);
  if (count(ours, PATHS) !== expected) throw new Error('The matchers disagree on the ordinary patterns.');
  printTable(`ordinary patterns, 100k paths (${expected} matches)`, [
    await time('picomatch', () => count(theirs, PATHS)),
    await time('compileMatcher', () => count(ours, PATHS)),
  ]);

  const evil = `${'*a'.repeat(4)}b`; // one more `*a` takes picomatch seconds, not milliseconds
  const name = ['a'.repeat(200)];
  const evilOurs = compileMatcher([evil]);
  const evilTheirs = picomatch(evil, { dot: true, noextglob: true });
  printTable(`pathological \`${evil}\` on one 200-character name`, [
    await time('picomatch', () => count(evilTheirs, name), 1),
    await time('compileMatcher', () => count(evilOurs, name), 1),
  ]);
}
