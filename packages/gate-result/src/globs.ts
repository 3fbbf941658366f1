/**
 * Safe glob matching. Patterns come from workflow inputs and paths from the PR's own files, so the
 * matcher must stay linear: picomatch compiles `*a*a*a*a*b` to a backtracking regex that takes
 * seconds on a 200-character name (measured), so this module matches with the two-pointer
 * wildcard algorithm (O(path x pattern)) instead. Supported: `*`, `?`, `**` (any number of whole
 * segments), `[abc]`, `[a-z]`, `[!a]`, `{a,b}` (expanded, capped), `\` escapes, a leading `!` to
 * exclude. No extglobs, no raw regexes (RELIABILITY A7/A8). Dot files are matched like any other.
 */
import { InputError } from './errors.js';

/** Caps that keep compile and match time bounded whatever the input. */
export const GLOB_LIMITS = {
  maxPatternLength: 512,
  maxPatterns: 256,
  /** Alternatives after brace expansion, per pattern. */
  maxExpansions: 256,
} as const;

type Token = { kind: 'star' } | { kind: 'char'; test: (c: string) => boolean };
type Segment = { kind: 'globstar' } | { kind: 'part'; tokens: Token[] };

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
    for (const alternative of expandBraces(body, inputName)) {
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
export function validatePattern(pattern: string, inputName: string): void {
  const shown = pattern.length > 60 ? `${pattern.slice(0, 60)}...` : pattern;
  const fail = (why: string): never => {
    throw new InputError(inputName, `Expected \`${inputName}\` to hold ${why}, got \`${shown}\`.`);
  };
  if (pattern.length > GLOB_LIMITS.maxPatternLength) {
    fail(`patterns of at most ${GLOB_LIMITS.maxPatternLength} characters (pattern too long)`);
  }
  const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
  if (body === '') fail('non-empty patterns');
  if (body.startsWith('/') || body.startsWith('~') || /^[A-Za-z]:/.test(body)) {
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

/** Expands `{a,b}` groups (nested too). Numeric ranges (`{1..9}`) are not expanded: they stay literal. */
function expandBraces(pattern: string, inputName: string): string[] {
  let results = [pattern];
  for (let guard = 0; guard < 64; guard++) {
    const next: string[] = [];
    let changed = false;
    for (const p of results) {
      const group = findBraceGroup(p);
      if (!group) {
        next.push(p);
        continue;
      }
      changed = true;
      const [start, end, options] = group;
      for (const option of options) next.push(p.slice(0, start) + option + p.slice(end + 1));
      if (next.length > GLOB_LIMITS.maxExpansions) {
        throw new InputError(
          inputName,
          `Expected \`${inputName}\` to expand to at most ${GLOB_LIMITS.maxExpansions} alternatives (pattern too complex).`,
        );
      }
    }
    results = next;
    if (!changed) return results;
  }
  throw new InputError(
    inputName,
    `Expected \`${inputName}\` to nest braces less deeply (pattern too complex).`,
  );
}

/** The first top-level `{...}` group holding a comma: [start, end, options]. */
function findBraceGroup(p: string): [number, number, string[]] | undefined {
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '\\') {
      i++;
      continue;
    }
    if (p[i] !== '{') continue;
    let depth = 0;
    let last = i + 1;
    const options: string[] = [];
    for (let j = i; j < p.length; j++) {
      const c = p[j];
      if (c === '\\') j++;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        options.push(p.slice(last, j));
        if (options.length > 1) return [i, j, options];
        break;
      } else if (c === ',' && depth === 1) {
        options.push(p.slice(last, j));
        last = j + 1;
      }
    }
  }
  return undefined;
}

function compileSegments(pattern: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of pattern.split('/')) {
    if (part === '**') {
      if (segments.at(-1)?.kind !== 'globstar') segments.push({ kind: 'globstar' });
    } else segments.push({ kind: 'part', tokens: compileTokens(part) });
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

/**
 * The classic wildcard algorithm: on a mismatch, retry from the last star with one more item
 * consumed. Linear in practice, O(n x m) at worst; used for characters and for segments.
 */
function matchWildcard<P, S>(
  pattern: readonly P[],
  subject: readonly S[],
  isStar: (p: P) => boolean,
  matchOne: (p: P, s: S) => boolean,
): boolean {
  let pi = 0;
  let si = 0;
  let starP = -1;
  let starS = 0;
  while (si < subject.length) {
    const p = pattern[pi];
    if (p !== undefined && isStar(p)) {
      starP = pi++;
      starS = si;
    } else if (p !== undefined && matchOne(p, subject[si] as S)) {
      pi++;
      si++;
    } else if (starP >= 0) {
      pi = starP + 1;
      si = ++starS;
    } else return false;
  }
  while (pi < pattern.length && isStar(pattern[pi] as P)) pi++;
  return pi === pattern.length;
}

function matchSegments(pattern: readonly Segment[], segments: readonly string[]): boolean {
  return matchWildcard(
    pattern,
    segments,
    (p) => p.kind === 'globstar',
    (p, s) => p.kind === 'part' && matchPart(p.tokens, s),
  );
}

function matchPart(tokens: readonly Token[], name: string): boolean {
  return matchWildcard(
    tokens,
    Array.from(name),
    (t) => t.kind === 'star',
    (t, c) => t.kind === 'char' && t.test(c),
  );
}
