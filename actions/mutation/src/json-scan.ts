/**
 * A linear pre-scan of JSON text for what `JSON.parse` silently accepts: duplicate object keys (the
 * last one wins, so `"status":"Survived","status":"Killed"` would hide a survivor) and absurd
 * nesting (which turns later recursion into a stack overflow). It allocates nothing per key: keys
 * are compared as ranges of the text. Syntax errors are left to `JSON.parse`, which names them.
 */
import { ReportError } from '@aeef/gate-result';

/** Real reports nest about 10 deep (`config` is free-form); 64 leaves room without risking the stack. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;
/** Strings up to this length are walked inline; longer ones are searched with indexOf. */
const INLINE_STRING = 48;

/** 1-based line and column of an offset, for error messages that point into the file. */
export function positionOf(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** Index of the quote that closes the string opened at `open`, or -1 when it never closes. */
function endOfString(text: string, open: number): number {
  let close = text.indexOf('"', open + 1);
  while (close !== -1) {
    let backslashes = 0;
    for (let i = close - 1; text.charCodeAt(i) === BACKSLASH; i--) backslashes++;
    if (backslashes % 2 === 0) return close;
    close = text.indexOf('"', close + 1);
  }
  return -1;
}

function sameRange(text: string, aStart: number, bStart: number, length: number): boolean {
  for (let i = 0; i < length; i++)
    if (text.charCodeAt(aStart + i) !== text.charCodeAt(bStart + i)) return false;
  return true;
}

/**
 * Keys seen per open object, as [start, end) ranges of the raw (still escaped) key text. Two keys
 * that differ only in escaping (`"a"` and `"\u0061"`) are compared decoded, on the rare slow path.
 */
class KeyStack {
  /** Triples (start, end, escaped) of the keys of all open objects, innermost last. */
  private ranges = new Int32Array(3 * 64);
  private top = 0;
  private readonly frames: Int32Array;
  private depth = 0;
  /** Objects with many keys (`files`, `dependencies`) switch to a Set, to stay linear. */
  private readonly sets: (Set<string> | undefined)[] = [];

  constructor(maxDepth: number) {
    this.frames = new Int32Array(maxDepth + 1);
  }

  open(): void {
    this.frames[++this.depth] = this.top;
    this.sets[this.depth] = undefined;
  }

  close(): void {
    this.top = this.frames[this.depth] ?? 0;
    this.sets[this.depth--] = undefined;
  }

  /** Adds a key; returns false when the innermost object already has it. */
  add(text: string, start: number, end: number, mayBeEscaped: boolean): boolean {
    const set = this.sets[this.depth];
    if (set !== undefined) return addToSet(set, decodeKey(text, start, end));
    const from = this.frames[this.depth] ?? 0;
    const length = end - start;
    const escaped = mayBeEscaped && hasBackslash(text, start, end) ? 1 : 0;
    const ranges = this.ranges;
    for (let i = from; i < this.top; i += 3) {
      const s = ranges[i] ?? 0;
      const e = ranges[i + 1] ?? 0;
      if (e - s === length && sameRange(text, s, start, length)) return false;
      if ((escaped === 1 || ranges[i + 2] === 1) && decodeKey(text, s, e) === decodeKey(text, start, end))
        return false;
    }
    if (this.top + 3 > ranges.length) {
      const grown = new Int32Array(ranges.length * 2);
      grown.set(ranges);
      this.ranges = grown;
    }
    this.ranges[this.top++] = start;
    this.ranges[this.top++] = end;
    this.ranges[this.top++] = escaped;
    if (this.top - from > 3 * SMALL_OBJECT_KEYS) {
      const big = new Set<string>();
      for (let i = from; i < this.top; i += 3)
        big.add(decodeKey(text, this.ranges[i] ?? 0, this.ranges[i + 1] ?? 0));
      this.top = from;
      this.sets[this.depth] = big;
    }
    return true;
  }
}

const SMALL_OBJECT_KEYS = 16;

function addToSet(set: Set<string>, key: string): boolean {
  if (set.has(key)) return false;
  set.add(key);
  return true;
}

function hasBackslash(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === BACKSLASH) return true;
  return false;
}

function decodeKey(text: string, start: number, end: number): string {
  if (!hasBackslash(text, start, end)) return text.slice(start, end);
  try {
    return JSON.parse(text.slice(start - 1, end + 1)) as string;
  } catch {
    return text.slice(start, end);
  }
}

/**
 * Throws `ReportError` naming `file` and the position when the JSON text holds a duplicate key or
 * nests deeper than `maxDepth`. Malformed text is not judged here (JSON.parse does it next).
 */
export function scanJson(text: string, file: string, maxDepth = MAX_JSON_DEPTH): void {
  const keys = new KeyStack(maxDepth);
  // Per open container, 1 for an object (its next string in key position is a key), 0 for an array.
  const kinds = new Uint8Array(maxDepth + 1);
  let depth = 0;
  let expectKey = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Short strings (ids, statuses, keys) are walked inline; long ones (sources) use indexOf.
      let j = i + 1;
      let escaped = false;
      const inlineEnd = Math.min(length, j + INLINE_STRING);
      let close = -1;
      while (j < inlineEnd) {
        const d = text.charCodeAt(j);
        if (d === QUOTE) {
          close = j;
          break;
        }
        if (d === BACKSLASH) {
          escaped = true;
          j += 2;
        } else j++;
      }
      if (close === -1) {
        if (j >= length) return; // unterminated: JSON.parse reports it with its position
        close = endOfString(text, j - 1);
        if (close === -1) return;
        escaped = true; // unknown without a walk; the slow comparison handles it
      }
      if (expectKey) {
        if (!keys.add(text, i + 1, close, escaped)) {
          const key = decodeKey(text, i + 1, close);
          throw new ReportError(
            file,
            `The report ${file} repeats the key ${JSON.stringify(key.slice(0, 60))} in one object at ${positionOf(text, i)}; duplicate keys are ambiguous, so the report is rejected.`,
          );
        }
        expectKey = false;
      }
      i = close;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth >= maxDepth) {
        throw new ReportError(
          file,
          `The report ${file} nests deeper than ${maxDepth} levels at ${positionOf(text, i)}; a mutation report is never that deep.`,
        );
      }
      expectKey = c === OPEN_OBJECT;
      kinds[++depth] = expectKey ? 1 : 0;
      if (expectKey) keys.open();
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth > 0 && kinds[depth--] === 1) keys.close();
      expectKey = false;
    } else if (c === COMMA) {
      expectKey = kinds[depth] === 1;
    } else if (c === COLON) {
      expectKey = false;
    }
  }
}
