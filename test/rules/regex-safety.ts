/**
 * Offline checks for the PCRE regexes in the Semgrep pack. Semgrep itself is not installable here, so
 * the closest faithful stand-in is the JavaScript engine: a regex that does not compile in JS after the
 * PCRE-only leading flags are translated is almost certainly a typo, and a nested unbounded quantifier
 * is the shape behind catastrophic backtracking in both engines.
 */

/** Leading inline flags such as `(?i)` that PCRE2 accepts and JS does not (as a prefix). */
const LEADING_FLAGS = /^\(\?([a-z]+)\)/;
const TRANSLATABLE_FLAGS = new Set(['i', 'm', 's']);

/** Result of compiling a PCRE pattern with the JS engine. */
export type CompiledRegex = { ok: true; regex: RegExp } | { ok: false; error: string };

/**
 * Compiles a Semgrep (PCRE2) regex with JS semantics, after moving leading `(?ims)` flags into JS
 * flags. Semgrep applies `pattern-regex` in multiline mode, so `m` is always on.
 */
export function compilePcre(source: string): CompiledRegex {
  let body = source;
  const flags = new Set(['m']);
  const leading = LEADING_FLAGS.exec(body);
  if (leading) {
    for (const flag of leading[1] ?? '') {
      if (!TRANSLATABLE_FLAGS.has(flag)) {
        return { ok: false, error: `inline flag (?${flag}) has no JavaScript equivalent` };
      }
      flags.add(flag);
    }
    body = body.slice(leading[0].length);
  }
  try {
    return { ok: true, regex: new RegExp(body, [...flags].join('')) };
  } catch (error: unknown) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

interface GroupState {
  hasQuantifier: boolean;
}

/** Length of an unbounded quantifier (`*`, `+`, `{n,}`) at `index`, or 0 when there is none. */
function unboundedQuantifierAt(source: string, index: number): number {
  const char = source[index];
  if (char === '*' || char === '+') return 1;
  const braces = /^\{\d+,\}/.exec(source.slice(index));
  return braces ? braces[0].length : 0;
}

/** True when `index` starts any quantifier, bounded or not. */
function isQuantifierAt(source: string, index: number): boolean {
  const char = source[index];
  return char === '*' || char === '+' || char === '?' || /^\{\d+(,\d*)?\}/.test(source.slice(index));
}

/** Skips a character class starting at `index` (the `[`); returns the index after its `]`. */
function skipCharacterClass(source: string, index: number): number {
  let i = index + 1;
  if (source[i] === '^') i += 1;
  if (source[i] === ']') i += 1;
  while (i < source.length && source[i] !== ']') {
    i += source[i] === '\\' ? 2 : 1;
  }
  return i + 1;
}

/**
 * Finds a group that is repeated without bound while itself containing a quantifier, e.g. `(a+)+` or
 * `(?:\w*\.)*`: the classic exponential-backtracking shape. Returns the offending group's offset, or
 * -1. Conservative on purpose: some such groups are safe, but the pack never needs one.
 */
export function findNestedQuantifier(source: string): number {
  const stack: { start: number; state: GroupState }[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (char === '\\') {
      i += 2;
      markQuantifier(stack, source, i);
      continue;
    }
    if (char === '[') {
      i = skipCharacterClass(source, i);
      markQuantifier(stack, source, i);
      continue;
    }
    if (char === '(') {
      stack.push({ start: i, state: { hasQuantifier: false } });
      i += 1;
      continue;
    }
    if (char === ')') {
      const group = stack.pop();
      i += 1;
      if (group && group.state.hasQuantifier && unboundedQuantifierAt(source, i) > 0) return group.start;
      markQuantifier(stack, source, i);
      if (group?.state.hasQuantifier) markInner(stack);
      continue;
    }
    i += 1;
    markQuantifier(stack, source, i);
  }
  return -1;
}

/** Records that the innermost open group contains a quantifier if one follows the atom ending at `i`. */
function markQuantifier(stack: { state: GroupState }[], source: string, i: number): void {
  if (isQuantifierAt(source, i)) markInner(stack);
}

function markInner(stack: { state: GroupState }[]): void {
  const top = stack[stack.length - 1];
  if (top) top.state.hasQuantifier = true;
}
