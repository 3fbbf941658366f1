/**
 * Safe glob matching. Patterns come from workflow inputs and paths from the PR's own files, so the
 * matcher must stay linear: picomatch compiles `*a*a*a*a*b` to a backtracking regex that takes
 * seconds on a 200-character name (measured), so this module matches with the two-pointer
 * wildcard algorithm (O(path x pattern)) instead. Supported: `*`, `?`, `**` (any number of whole
 * segments), `[abc]`, `[a-z]`, `[!a]`, `{a,b}` (expanded, capped), `\` escapes, a leading `!` to
 * exclude. No extglobs, no raw regexes (RELIABILITY A7/A8). Dot files are matched like any other.
 */
import { expandBraces } from './brace-expansion.js';
import { InputError } from './errors.js';

/** Caps that keep compile and match time bounded whatever the input. */
export const GLOB_LIMITS = {
  maxPatternLength: 512,
  maxPatterns: 256,
  /** Alternatives after brace expansion, per pattern. */
  maxExpansions: 256,
} as const;

type Token = { kind: 'star' } | { kind: 'char'; test: (c: string) => boolean };
/** Fast paths: `literal` (no wildcard: equality) and `suffix` (`*` then literal text: endsWith). */
interface Part {
  kind: 'part';
  tokens: Token[];
  literal?: string;
  suffix?: string;
}
type Segment = { kind: 'globstar' } | Part;

/** A validated, compiled set of patterns: any positive pattern matches, no negative one does. */
export type PathMatcher = (path: string) => boolean;

/**
 * Compiles patterns into one matcher. Throws `InputError` (named after `inputName`) for patterns
 * that are too long, too many, expand to too many alternatives, or are absolute/escape upwards.
 */
export function compileMatcher(patterns: readonly string[], inputName = 'globs'): PathMatcher {
  if (patterns.length > GLOB_LIMITS.maxPatterns) {
    throw new InputError(
      inputName,
      `Expected \`${inputName}\` to hold at most ${GLOB_LIMITS.maxPatterns} patterns, got ${patterns.length}.`,
    );
  }
  const include: Segment[][] = [];
  const exclude: Segment[][] = [];
  for (const raw of patterns) {
    validatePattern(raw, inputName);
    const negated = raw.startsWith('!');
    const body = negated ? raw.slice(1) : raw;
    for (const alternative of expandBraces(body, inputName, GLOB_LIMITS.maxExpansions)) {
      (negated ? exclude : include).push(compileSegments(stripDotSlash(alternative)));
    }
  }
  return (path: string) => {
    const segments = path.split('/');
    if (exclude.some((p) => matchSegments(p, segments))) return false;
    return include.length === 0 ? exclude.length > 0 : include.some((p) => matchSegments(p, segments));
  };
}

/** Throws `InputError` unless the pattern is usable; exported for `getGlobs`. */
export interface PatternOptions {
  /**
   * Accept POSIX-absolute patterns (`${{ github.workspace }}/coverage/lcov.info`): for inputs that
   * name files, whose IO makes them workspace-relative or refuses them. Matchers (compileMatcher)
   * never accept them, since an absolute pattern could never match a relative path.
   */
  allowAbsolute?: boolean;
}

export function validatePattern(pattern: string, inputName: string, options: PatternOptions = {}): void {
  const shown = pattern.length > 60 ? `${pattern.slice(0, 60)}...` : pattern;
  const fail = (why: string): never => {
    throw new InputError(inputName, `Expected \`${inputName}\` to hold ${why}, got \`${shown}\`.`);
  };
  if (pattern.length > GLOB_LIMITS.maxPatternLength) {
    fail(`patterns of at most ${GLOB_LIMITS.maxPatternLength} characters (pattern too long)`);
  }
  const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
  if (body === '') fail('non-empty patterns');
  if ((body.startsWith('/') && !options.allowAbsolute) || body.startsWith('~') || /^[A-Za-z]:/.test(body)) {
    fail('patterns relative to the working directory');
  }
  if (body.split('/').includes('..')) fail('patterns without `..` segments');
  if (/[@!+]\(/.test(body)) fail('plain globs (extglobs such as `+(a|b)` are not supported)');
}

function stripDotSlash(pattern: string): string {
  let p = pattern;
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

function compileSegments(pattern: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of pattern.split('/')) {
    if (part === '**') {
      if (segments.at(-1)?.kind !== 'globstar') segments.push({ kind: 'globstar' });
    } else {
      const tokens = compileTokens(part);
      const segment: Part = { kind: 'part', tokens };
      if (!/[*?[\\]/.test(part)) segment.literal = part;
      else if (/^\*[^*?[\\]+$/.test(part)) segment.suffix = part.slice(1);
      segments.push(segment);
    }
  }
  return segments;
}

function compileTokens(part: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < part.length; i++) {
    const c = part[i] ?? '';
    if (c === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'char', test: () => true });
    else if (c === '\\' && i + 1 < part.length) {
      const literal = part[++i];
      tokens.push({ kind: 'char', test: (x) => x === literal });
    } else if (c === '[') {
      const close = part.indexOf(']', i + 2);
      if (close === -1) tokens.push({ kind: 'char', test: (x) => x === '[' });
      else {
        tokens.push({ kind: 'char', test: compileClass(part.slice(i + 1, close)) });
        i = close;
      }
    } else tokens.push({ kind: 'char', test: (x) => x === c });
  }
  return tokens;
}

function compileClass(body: string): (c: string) => boolean {
  const negated = body.startsWith('!') || body.startsWith('^');
  const chars = negated ? body.slice(1) : body;
  const ranges: [string, string][] = [];
  for (let i = 0; i < chars.length; i++) {
    const from = chars[i] ?? '';
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      ranges.push([from, chars[i + 2] ?? '']);
      i += 2;
    } else ranges.push([from, from]);
  }
  return (c) => ranges.some(([lo, hi]) => c >= lo && c <= hi) !== negated;
}

/*
 * The classic wildcard algorithm, twice (segments, then characters), written out for speed: on a
 * mismatch, retry from the last star with one more item consumed. O(n x m) at worst, linear in
 * practice; no backtracking beyond the last star.
 */
function matchSegments(pattern: readonly Segment[], segments: readonly string[]): boolean {
  let pi = 0;
  let si = 0;
  let starP = -1;
  let starS = 0;
  while (si < segments.length) {
    const p = pattern[pi];
    if (p?.kind === 'globstar') {
      starP = pi++;
      starS = si;
    } else if (p !== undefined && matchPart(p, segments[si] ?? '')) {
      pi++;
      si++;
    } else if (starP >= 0) {
      pi = starP + 1;
      si = ++starS;
    } else return false;
  }
  while (pattern[pi]?.kind === 'globstar') pi++;
  return pi === pattern.length;
}

const SURROGATE = /[\ud800-\udfff]/;

function matchPart(segment: Part, name: string): boolean {
  if (segment.literal !== undefined) return segment.literal === name;
  if (segment.suffix !== undefined) return name.endsWith(segment.suffix);
  // Index the string directly unless it holds astral characters (then `?` must take a whole one).
  const chars: ArrayLike<string> = SURROGATE.test(name) ? Array.from(name) : name;
  const tokens = segment.tokens;
  let ti = 0;
  let ci = 0;
  let starT = -1;
  let starC = 0;
  while (ci < chars.length) {
    const t = tokens[ti];
    if (t?.kind === 'star') {
      starT = ti++;
      starC = ci;
    } else if (t !== undefined && t.test(chars[ci] ?? '')) {
      ti++;
      ci++;
    } else if (starT >= 0) {
      ti = starT + 1;
      ci = ++starC;
    } else return false;
  }
  while (tokens[ti]?.kind === 'star') ti++;
  return ti === tokens.length;
}
