/**
 * The I/O half of the gate: which report files to read and reading them, only through `GateIO`
 * (which keeps paths inside the workspace, refuses non-regular files and caps sizes).
 */
import { MissingReportError, type GateIO } from '@aeef/gate-result';
import type { AnyParsed } from './parse-report.js';
import { parseReport } from './parse-report.js';

/** Searched in order when `files` is empty; the first that exists is read (one report only). */
export const DEFAULT_LOCATIONS = [
  'coverage/coverage-final.json',
  'coverage/lcov.info',
  'coverage/coverage-summary.json',
  'coverage/cobertura-coverage.xml',
  'coverage/clover.xml',
  'coverage.xml',
  'coverage/coverage.xml',
  'coverage/lcov/lcov.info',
  'lcov.info',
  'cobertura.xml',
  'clover.xml',
] as const;

const GLOB_CHARS = /[*?[\]{}]/;

export interface ReadReport {
  source: string;
  parsed: AnyParsed;
}

/**
 * Paths and globs to workspace-relative files. A literal path is kept as given (reading it says
 * "not found" or "outside the workspace"); a glob that matches nothing is a missing report.
 */
export async function resolveReportFiles(
  patterns: readonly string[],
  io: GateIO,
  inputName: string,
): Promise<string[]> {
  // A Set, not Array#includes: 100,000 shard matches would cost 5 billion comparisons.
  const files = new Set<string>();
  for (const pattern of patterns) {
    const matches = GLOB_CHARS.test(pattern) ? await io.glob([pattern]) : [pattern];
    if (matches.length === 0)
      throw new MissingReportError(pattern, `No file matches \`${inputName}\` pattern ${pattern}.`);
    for (const m of matches) files.add(m);
  }
  return [...files];
}

/** The first usual location that exists, or a `MissingReportError` naming them all. */
export async function findDefaultReport(io: GateIO): Promise<string> {
  for (const location of DEFAULT_LOCATIONS) {
    if ((await io.glob([location])).length > 0) return location;
  }
  throw new MissingReportError(
    DEFAULT_LOCATIONS[0],
    `No coverage report found: \`files\` is empty and none of ${DEFAULT_LOCATIONS.join(', ')} exists.`,
  );
}

/**
 * Reads this many reports at a time: each read is a few system calls of latency, so 100,000 shards
 * read one by one wait minutes; a small pool keeps memory to a few texts and file handles far
 * below any EMFILE limit.
 */
export const PARALLEL_READS = 16;

/** Reads and parses each report; the result is in the order given, whatever order reads finish. */
export async function readReports(files: readonly string[], io: GateIO): Promise<ReadReport[]> {
  const out = new Array<ReadReport>(files.length);
  const failures: { index: number; error: unknown }[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index] ?? '';
      try {
        const text = await io.readText(file, { report: true });
        out[index] = { source: file, parsed: parseReport(text, { workspace: io.workspace, file }) };
      } catch (error) {
        failures.push({ index, error });
        next = files.length; // start no more; the reads before this one still finish
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, files.length) }, worker));
  // The first failing report in the order given, whichever read failed first in time.
  const first = failures.sort((a, b) => a.index - b.index)[0];
  if (first !== undefined) throw first.error;
  return out;
}

/** Source files a parsed report lists. */
export function countFiles(parsed: AnyParsed): number {
  return parsed.format === 'istanbul' ? parsed.istanbul.data.size : parsed.files.length;
}
