/**
 * The budgets every JSON report is read under (RELIABILITY B8, B9, B20, B21). A byte cap alone does
 * not bound memory: 30 MiB of `{},` is 10 million objects, about 1 GB of heap once parsed, and
 * 250 MiB of it exhausts V8. So the text is counted before `JSON.parse` builds anything.
 */

const MIB = 1024 * 1024;

export interface JsonLimits {
  /** Containers open at once. Real reports nest under 30; recursion in later walks needs a bound. */
  maxDepth: number;
  /** Values and object keys together. 5 million is about 1 GiB of heap in the worst shape (tiny objects with distinct keys); a 100,000-mutant report holds about 3 million. */
  maxNodes: number;
  /** UTF-16 code units of all strings and keys, as written (escapes count as written). */
  maxStringChars: number;
}

export const DEFAULT_JSON_LIMITS: Readonly<JsonLimits> = {
  maxDepth: 512,
  maxNodes: 5_000_000,
  maxStringChars: 256 * MIB,
};

/** Inflated size of a gzip report; inflating stops at this cap, it never inflates the whole first. */
export const DEFAULT_MAX_INFLATED_BYTES = 256 * MIB;

/** `12.3 MiB`, `4 KiB`, `17 bytes`: sizes in messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < MIB) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${Math.round((bytes / MIB) * 10) / 10} MiB`;
}
