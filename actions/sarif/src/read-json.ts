/**
 * Turns report bytes into a JSON value without trusting them: gzip with a decompressed-size cap,
 * strict UTF-8, a nesting cap checked before `JSON.parse`, and duplicate keys rejected (a report that
 * says `"level":"error","level":"none"` must not be read as whichever key the parser keeps).
 */
import { isUtf8 } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import { ReportError } from '@aeef/gate-result';

/** Deeper than any real SARIF log (about 20 levels); stops stack-hungry inputs before they are walked. */
export const MAX_DEPTH = 512;

/** Decompressed-size cap for gzip reports (B21): a 200 MiB zero bomb is about 200 KB compressed. */
export const MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024;

const MIB = 1024 * 1024;

/** Gunzips when the bytes carry the gzip magic, refusing to inflate past `maxBytes`. */
export function decompressReport(bytes: Buffer, file: string, maxBytes = MAX_DECOMPRESSED_BYTES): Buffer {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new ReportError(
        file,
        `${file} decompresses to more than ${maxBytes / MIB} MiB; refusing to read it.`,
      );
    }
    throw new ReportError(file, `${file} starts like gzip but is not a valid gzip stream.`);
  }
}

/** Strict UTF-8 (a UTF-8 BOM is dropped); UTF-16, invalid bytes and empty reports are errors. */
export function decodeReport(bytes: Buffer, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ReportError(file, `${file} is UTF-16; expected UTF-8 JSON.`);
  }
  if (!isUtf8(bytes))
    throw new ReportError(file, `${file} is not valid UTF-8; expected a UTF-8 JSON SARIF log.`);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = bytes.toString('utf8', bom);
  if (text.trim() === '') throw new ReportError(file, `${file} is empty; expected a SARIF log.`);
  return text;
}

interface ScanStats {
  /** Number of object keys written in the text, duplicates included. */
  keys: number;
}

/** One cheap pass over the text: nesting depth (capped) and the number of keys written. */
export function scanJson(text: string, file: string, maxDepth = MAX_DEPTH): ScanStats {
  const n = text.length;
  let i = 0;
  let depth = 0;
  let keys = 0;
  for (;;) {
    const quote = text.indexOf('"', i);
    const stop = quote === -1 ? n : quote;
    for (let j = i; j < stop; j++) {
      const c = text.charCodeAt(j);
      if (c === 123 || c === 91) {
        if (++depth > maxDepth) {
          throw new ReportError(
            file,
            `${file} is nested more than ${maxDepth} levels deep (at offset ${j}).`,
          );
        }
      } else if (c === 125 || c === 93) depth--;
    }
    if (quote === -1) return { keys };
    const end = closingQuote(text, quote);
    if (end === -1) return { keys }; // unterminated string: JSON.parse reports it
    let m = end + 1;
    while (m < n) {
      const c = text.charCodeAt(m);
      if (c === 32 || c === 10 || c === 13 || c === 9) m++;
      else break;
    }
    if (text.charCodeAt(m) === 58) keys++;
    i = end + 1;
  }
}

/** Index of the quote closing the string that opens at `open`, or -1. */
function closingQuote(text: string, open: number): number {
  let from = open + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q === -1) return -1;
    let backslashes = 0;
    for (let b = q - 1; text.charCodeAt(b) === 92; b--) backslashes++;
    if (backslashes % 2 === 0) return q;
    from = q + 1;
  }
}

/** Own keys of every object in a parsed value, walked without recursion. */
export function countKeys(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const item of v) if (item !== null && typeof item === 'object') stack.push(item);
    } else {
      const obj = v as Record<string, unknown>;
      for (const key in obj) {
        count++;
        const item = obj[key];
        if (item !== null && typeof item === 'object') stack.push(item);
      }
    }
  }
  return count;
}

/** Slow path, run only when keys went missing: names the first duplicate key and its line. */
export function findDuplicateKey(text: string): { key: string; line: number } | undefined {
  const sets: (Set<string> | null)[] = [];
  let i = 0;
  for (;;) {
    const quote = text.indexOf('"', i);
    const stop = quote === -1 ? text.length : quote;
    for (let j = i; j < stop; j++) {
      const c = text.charCodeAt(j);
      if (c === 123) sets.push(new Set());
      else if (c === 91) sets.push(null);
      else if (c === 125 || c === 93) sets.pop();
    }
    if (quote === -1) return undefined;
    const end = closingQuote(text, quote);
    if (end === -1) return undefined;
    let m = end + 1;
    while (/\s/.test(text[m] ?? '')) m++;
    const current = sets[sets.length - 1];
    if (text[m] === ':' && current) {
      const key = JSON.parse(text.slice(quote, end + 1)) as string;
      if (current.has(key)) return { key, line: text.slice(0, quote).split('\n').length };
      current.add(key);
    }
    i = end + 1;
  }
}

/** Parses report text as JSON: depth-capped, duplicate keys rejected, errors without file content. */
export function parseReportJson(text: string, file: string): unknown {
  const { keys } = scanJson(text, file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ReportError(file, `${file} is not valid JSON${jsonErrorPosition(text, error)}.`);
  }
  if (countKeys(value) !== keys) {
    const dup = findDuplicateKey(text);
    const where = dup ? `: key "${dup.key.slice(0, 60)}" appears twice in one object (line ${dup.line})` : '';
    throw new ReportError(file, `${file} has a duplicate JSON key${where}; refusing an ambiguous report.`);
  }
  return value;
}

/** " at line L, column C" from V8's message, which may quote report text that we never echo. */
function jsonErrorPosition(text: string, error: unknown): string {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!match) return ' (truncated or malformed)';
  const offset = Number(match[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}
