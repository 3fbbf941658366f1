/**
 * One linear pass over JSON text, before `JSON.parse` builds anything, for what `JSON.parse` accepts
 * silently or cannot bound: duplicate object keys compared after unescaping (`"license"` and
 * `"\u006cicense"` are one key, and JSON.parse keeps the last), nesting depth, the number of values
 * (the parsed-size budget), the string volume, and numbers that overflow to Infinity (`1e400`).
 * Keys are compared as ranges of the text, so the pass allocates nothing per key in small objects.
 * Syntax is not judged here: JSON.parse does it next and names the position.
 */
import { ReportError } from '../errors.js';
import { DEFAULT_JSON_LIMITS, formatBytes, type JsonLimits } from './limits.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;
const SPACE = 0x20;
/** Objects with more keys than this switch from range comparison to a Set, to stay linear. */
const SMALL_OBJECT_KEYS = 16;

export interface ScanStats {
  /** Values and keys written in the text. */
  nodes: number;
  /** String code units written in the text, keys included. */
  stringChars: number;
}

/** 1-based line and column of an offset, for messages that point into the file. */
export function positionOf(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** Index of the quote that closes the string whose body runs from `from`, or -1. */
function endOfString(text: string, from: number): number {
  let close = text.indexOf('"', from);
  while (close !== -1) {
    let backslashes = 0;
    for (let i = close - 1; text.charCodeAt(i) === BACKSLASH; i--) backslashes++;
    if (backslashes % 2 === 0) return close;
    close = text.indexOf('"', close + 1);
  }
  return -1;
}

function hasBackslash(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === BACKSLASH) return true;
  return false;
}

/** The key as JSON.parse will store it; a malformed escape stays raw (JSON.parse refuses it next). */
function decodeKey(text: string, start: number, end: number): string {
  if (!hasBackslash(text, start, end)) return text.slice(start, end);
  try {
    return JSON.parse(text.slice(start - 1, end + 1)) as string;
  } catch {
    return text.slice(start, end);
  }
}

function sameRange(text: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

/**
 * Keys of every open object, as (start, end, escaped) triples of the raw key text, innermost last.
 * Two keys that differ only in escaping are compared decoded, on the rare slow path.
 */
class KeyStack {
  private ranges = new Int32Array(3 * 64);
  private top = 0;
  private readonly frames: Int32Array;
  private depth = 0;
  private readonly sets: (Set<string> | undefined)[] = [];

  constructor(maxDepth: number) {
    this.frames = new Int32Array(maxDepth + 2);
  }

  open(): void {
    this.frames[++this.depth] = this.top;
    this.sets[this.depth] = undefined;
  }

  close(): void {
    if (this.depth === 0) return;
    this.top = this.frames[this.depth] ?? 0;
    this.sets[this.depth--] = undefined;
  }

  /** Adds a key to the innermost object; false when that object already has it. */
  add(text: string, start: number, end: number, mayBeEscaped: boolean): boolean {
    const set = this.sets[this.depth];
    if (set !== undefined) {
      const key = decodeKey(text, start, end);
      if (set.has(key)) return false;
      set.add(key);
      return true;
    }
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

function isNumberChar(c: number): boolean {
  // digits, '+', '-', '.', 'e', 'E'
  return (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e || c === 0x65 || c === 0x45;
}

/**
 * Throws `ReportError` naming `file` (and a position where there is one) when the text repeats a key
 * in one object, nests deeper than `maxDepth`, holds more than `maxNodes` values or `maxStringChars`
 * string characters, or writes a number beyond the double range. Returns what it counted.
 */
export function scanJson(
  text: string,
  file: string,
  limits: Partial<JsonLimits> = {},
  noun = 'report',
): ScanStats {
  const maxDepth = limits.maxDepth ?? DEFAULT_JSON_LIMITS.maxDepth;
  const maxNodes = limits.maxNodes ?? DEFAULT_JSON_LIMITS.maxNodes;
  const maxStringChars = limits.maxStringChars ?? DEFAULT_JSON_LIMITS.maxStringChars;
  const keys = new KeyStack(maxDepth);
  // Per open container: 1 for an object (its next string in key position is a key), 0 for an array.
  const kinds = new Uint8Array(maxDepth + 2);
  let depth = 0;
  let expectKey = false;
  let nodes = 0;
  let stringChars = 0;
  const length = text.length;
  const tooMany = (): ReportError =>
    new ReportError(
      file,
      `The ${noun} ${file} holds more than ${maxNodes.toLocaleString('en')} JSON values and keys, over the parsed-size limit; a report this large is refused rather than risk exhausting memory.`,
    );
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c <= SPACE) continue;
    if (c === QUOTE) {
      if (++nodes > maxNodes) throw tooMany();
      // indexOf finds the closing quote natively; a quote preceded by backslashes is checked.
      const close = endOfString(text, i + 1);
      if (close === -1) break; // unterminated: JSON.parse reports it with its position
      stringChars += close - i - 1;
      if (stringChars > maxStringChars) {
        throw new ReportError(
          file,
          `The ${noun} ${file} holds more than ${formatBytes(maxStringChars)} of string text, over the parsed-size limit.`,
        );
      }
      if (expectKey) {
        if (!keys.add(text, i + 1, close, true)) {
          const key = decodeKey(text, i + 1, close);
          throw new ReportError(
            file,
            `The ${noun} ${file} repeats the key ${JSON.stringify(key.slice(0, 60))} in one object at ${positionOf(text, i)}; duplicate keys are ambiguous, so the report is rejected.`,
          );
        }
        expectKey = false;
      }
      i = close;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++nodes > maxNodes) throw tooMany();
      if (depth >= maxDepth) {
        throw new ReportError(
          file,
          `The ${noun} ${file} nests deeper than ${maxDepth} levels at ${positionOf(text, i)}; no real report is that deep.`,
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
    } else {
      // A number or a literal (true, false, null); anything else is JSON.parse's to refuse.
      if (++nodes > maxNodes) throw tooMany();
      let j = i + 1;
      let exponent = false;
      if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        for (; j < length; j++) {
          const d = text.charCodeAt(j);
          if (!isNumberChar(d)) break;
          if (d === 0x65 || d === 0x45) exponent = true;
        }
        // Without an exponent a double overflows only past 309 digits.
        if ((exponent || j - i > 309) && Math.abs(Number(text.slice(i, j))) === Infinity) {
          const written = text.slice(i, Math.min(j, i + 40));
          throw new ReportError(
            file,
            `The ${noun} ${file} holds the number ${written}${j - i > 40 ? '...' : ''} at ${positionOf(text, i)}, which is beyond the range of a double (it would read as Infinity).`,
          );
        }
      } else {
        while (j < length && text.charCodeAt(j) > 0x60 && text.charCodeAt(j) < 0x7b) j++;
      }
      i = j - 1;
    }
  }
  return { nodes, stringChars };
}
