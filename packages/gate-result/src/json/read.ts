/**
 * The suite's one JSON reader for untrusted reports: gzip inflated under a cap, strict UTF-8, then
 * the budget and duplicate-key scan, then `JSON.parse`. Every refusal is a `ReportError` of one
 * sentence that names the file, never quoting its content beyond a key or a number.
 */
import { isUtf8 } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import { ReportError } from '../errors.js';
import { DEFAULT_MAX_INFLATED_BYTES, formatBytes, type JsonLimits } from './limits.js';
import { positionOf, scanJson } from './scan.js';

export interface ParseJsonOptions {
  limits?: Partial<JsonLimits>;
  /** How the file is named in messages: `report` (default) or e.g. `result file`. */
  noun?: string;
}

export interface ReadJsonOptions extends ParseJsonOptions {
  /** Inflate gzip input (by its magic bytes) up to this many bytes; default: gzip is not accepted. */
  gzip?: boolean;
  maxInflatedBytes?: number;
  /** What the file should be, for the empty-file sentence (`a SARIF log`). */
  expected?: string;
}

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Gunzips gzip bytes (other bytes pass through). zlib inflates chunk by chunk and stops as soon as
 * the output passes `maxBytes`, so a 0.2 MiB bomb costs the cap, never its full inflated size.
 */
export function inflateGzip(bytes: Buffer, file: string, maxBytes = DEFAULT_MAX_INFLATED_BYTES): Buffer {
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new ReportError(
        file,
        `The report ${file} inflates to more than ${formatBytes(maxBytes)}, over the inflated-size limit.`,
      );
    }
    throw new ReportError(file, `The report ${file} starts like gzip but is not a valid gzip stream.`);
  }
}

/**
 * Strict UTF-8 text: a UTF-8 BOM is removed; UTF-16, invalid UTF-8 and NUL characters are refused;
 * empty, whitespace-only and BOM-only files are "empty" (RELIABILITY B3, B5).
 */
export function decodeUtf8(bytes: Uint8Array, file: string, expected?: string, display = file): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ReportError(file, `The report ${display} is UTF-16 encoded; expected UTF-8.`);
  }
  if (!isUtf8(bytes)) throw new ReportError(file, `The report ${display} is not valid UTF-8 text.`);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', start);
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    throw new ReportError(
      file,
      `The report ${display} contains a NUL character (at character ${nul}); expected text.`,
    );
  }
  if (text.trim() === '') {
    throw new ReportError(file, `The report ${display} is empty${expected ? `; expected ${expected}` : ''}.`);
  }
  return text;
}

/** The offset V8 names (Node 20: "position N"; Node 22+: "line L column C"), if any. */
function syntaxOffset(text: string, message: string): number | undefined {
  const offset = /at position (\d+)/.exec(message);
  if (offset) return Number(offset[1]);
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  if (!lineColumn) return undefined;
  let start = 0;
  for (let line = 1; line < Number(lineColumn[1]); line++) start = text.indexOf('\n', start) + 1;
  return start + Number(lineColumn[2]) - 1;
}

/**
 * Parses JSON text after the scan: duplicate keys, depth, parsed size and overflowing numbers are
 * refused first, then syntax. A leading BOM is ignored.
 */
export function parseJsonText(text: string, file: string, options: ParseJsonOptions = {}): unknown {
  const noun = options.noun ?? 'report';
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  scanJson(body, file, options.limits, noun);
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    // V8's messages may quote the text, so only the position is kept.
    const message = error instanceof Error ? error.message : '';
    const offset = syntaxOffset(body, message);
    if (/end of JSON input/.test(message) || (offset !== undefined && offset >= body.trimEnd().length)) {
      throw new ReportError(
        file,
        `The ${noun} ${file} is not valid JSON because it ends before its JSON is complete (truncated?).`,
      );
    }
    const where = offset === undefined ? '' : ` at ${positionOf(body, offset)}`;
    throw new ReportError(file, `The ${noun} ${file} is not valid JSON${where}.`);
  }
}

/** Bytes to a JSON value: inflate (when allowed), decode strictly, scan, parse. */
export function parseJsonBytes(bytes: Buffer, file: string, options: ReadJsonOptions = {}): unknown {
  const raw = options.gzip ? inflateGzip(bytes, file, options.maxInflatedBytes) : bytes;
  return parseJsonText(decodeUtf8(raw, file, options.expected ?? 'JSON'), file, options);
}
