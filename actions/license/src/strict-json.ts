/**
 * JSON.parse with the checks a report from an untrusted PR needs first: a duplicate key (where
 * JSON.parse silently keeps the last, RELIABILITY B12) and nesting deeper than a lockfile or SBOM
 * ever is (B20) are errors with a position, found by one linear pre-scan before parsing.
 */
import { ReportError } from '@aeef/gate-result';

/** Deeper than any real lockfile or SBOM; far below what exhausts the stack. */
export const MAX_JSON_DEPTH = 512;

/** Parses JSON or throws ReportError naming `file`, the problem and its position. */
export function parseStrictJson(text: string, file: string): unknown {
  scanJson(text, file);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'malformed';
    throw new ReportError(file, `${file} is not valid JSON (${detail}).`);
  }
}

function scanJson(text: string, file: string): void {
  // One Set of keys per open object (null for arrays); keys are compared as raw source slices,
  // which is exact for the unescaped keys every real producer writes.
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      if (end < 0) return; // unterminated: JSON.parse reports it with its position
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        const key = text.slice(i + 1, end);
        if (top.has(key)) {
          throw new ReportError(file, `${file} has a duplicate key "${key.slice(0, 80)}" at offset ${i}.`);
        }
        top.add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      stack.push(c === 0x7b ? new Set() : null);
      expectKey = c === 0x7b;
      if (stack.length > MAX_JSON_DEPTH) {
        throw new ReportError(
          file,
          `${file} is nested too deep (over ${MAX_JSON_DEPTH} levels) at offset ${i}.`,
        );
      }
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      expectKey = stack[stack.length - 1] instanceof Set;
    }
  }
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x22) return i;
  }
  return -1;
}
