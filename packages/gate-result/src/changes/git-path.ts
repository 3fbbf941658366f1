/**
 * File names as git prints them in diff headers: C-quoted (`"a/sp\303\251cial.ts"`) when they hold
 * control characters, quotes, backslashes or (with the default core.quotePath) non-ASCII bytes.
 */

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
const UTF8 = new TextDecoder('utf-8');
const ENCODER = new TextEncoder();

export interface Unquoted {
  value: string;
  /** Index just past the closing quote. */
  end: number;
}

/**
 * Reads the C-quoted string that starts at `start` (a `"`), decoding octal escapes as UTF-8 bytes.
 * Returns `undefined` when it is not a well-formed quoted string.
 */
export function unquoteAt(text: string, start: number): Unquoted | undefined {
  if (text[start] !== '"') return undefined;
  const bytes: number[] = [];
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '"') return { value: UTF8.decode(new Uint8Array(bytes)), end: i + 1 };
    if (ch !== '\\') {
      for (const byte of ENCODER.encode(ch)) bytes.push(byte);
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) return undefined;
    const simple = ESCAPES[next];
    if (simple !== undefined) {
      bytes.push(simple);
      i += 1;
    } else if (/^[0-3][0-7]{2}$/.test(text.slice(i + 1, i + 4))) {
      bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
      i += 3;
    } else return undefined;
  }
  return undefined;
}

/** A name from a `rename from`/`copy to` line: quoted or verbatim. */
export function readName(text: string): string | undefined {
  if (!text.startsWith('"')) return text.length > 0 ? text : undefined;
  const quoted = unquoteAt(text, 0);
  return quoted && quoted.end === text.length ? quoted.value : undefined;
}

/**
 * A name from a `---`/`+++` line: `/dev/null` is `null`; the prefix is stripped; git appends a tab
 * to names containing a space, which is dropped.
 */
export function readPrefixedName(text: string, prefix: 'a/' | 'b/'): string | null | undefined {
  const name = readName(text.endsWith('\t') ? text.slice(0, -1) : text);
  if (name === '/dev/null') return null;
  return name?.startsWith(prefix) ? name.slice(prefix.length) : undefined;
}

/**
 * The two names of `diff --git a/X b/Y` (without prefixes). Unquoted names may contain spaces, so
 * when neither is quoted they are only trusted when equal (other cases get their names from the
 * `rename`/`copy`/`---`/`+++` lines, as `git apply` does).
 */
export function readHeaderNames(rest: string): [string, string] | undefined {
  let first: string | undefined;
  let secondText: string;
  if (rest.startsWith('"')) {
    const quoted = unquoteAt(rest, 0);
    if (!quoted || rest[quoted.end] !== ' ') return undefined;
    first = quoted.value;
    secondText = rest.slice(quoted.end + 1);
  } else if (rest.endsWith('"')) {
    const at = rest.indexOf(' "');
    if (at < 0) return undefined;
    first = rest.slice(0, at);
    secondText = rest.slice(at + 1);
  } else {
    if ((rest.length - 5) % 2 !== 0 || rest.length < 7) return undefined;
    const name = rest.slice(2, 2 + (rest.length - 5) / 2);
    return rest === `a/${name} b/${name}` ? [name, name] : undefined;
  }
  const second = readName(secondText);
  if (!first.startsWith('a/') || !second?.startsWith('b/')) return undefined;
  return [first.slice(2), second.slice(2)];
}

/** The names in `Binary files A and B differ`, used only when the header was ambiguous. */
export function readBinaryNames(text: string): [string | null, string | null] | undefined {
  const body = text.slice('Binary files '.length, -' differ'.length);
  let first: string | undefined;
  let rest: string;
  if (body.startsWith('"')) {
    const quoted = unquoteAt(body, 0);
    if (!quoted) return undefined;
    first = quoted.value;
    rest = body.slice(quoted.end);
  } else {
    const at = body.indexOf(' and ');
    if (at < 0 || body.indexOf(' and ', at + 1) >= 0) return undefined;
    first = body.slice(0, at);
    rest = body.slice(at);
  }
  if (!rest.startsWith(' and ')) return undefined;
  const a = readPrefixedName(first, 'a/');
  const b = readPrefixedName(rest.slice(' and '.length), 'b/');
  return a === undefined || b === undefined ? undefined : [a, b];
}
