/**
 * Compiles the user's `ignore` globs safely: picomatch without extglobs (nested extglobs are
 * exponential), with caps on pattern length and count. (The library's compileMatcher replaces
 * this when it lands.)
 */
import picomatch from 'picomatch';
import { InputError } from '@aeef/gate-result';

const MAX_PATTERNS = 200;
const MAX_PATTERN_LENGTH = 500;

export function compileIgnore(patterns: readonly string[]): (path: string) => boolean {
  if (patterns.length > MAX_PATTERNS) {
    throw new InputError(
      'ignore',
      `Expected \`ignore\` to hold at most ${MAX_PATTERNS} globs, got ${patterns.length}.`,
    );
  }
  for (const p of patterns) {
    if (p.length > MAX_PATTERN_LENGTH) {
      throw new InputError(
        'ignore',
        `Expected each \`ignore\` glob to be at most ${MAX_PATTERN_LENGTH} characters long.`,
      );
    }
  }
  if (patterns.length === 0) return () => false;
  return picomatch([...patterns], { dot: true, noextglob: true });
}
