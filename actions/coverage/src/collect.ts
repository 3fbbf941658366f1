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
  const files: string[] = [];
  for (const pattern of patterns) {
    const matches = GLOB_CHARS.test(pattern) ? await io.glob([pattern]) : [pattern];
    if (matches.length === 0)
      throw new MissingReportError(pattern, `No file matches \`${inputName}\` pattern ${pattern}.`);
    for (const m of matches) if (!files.includes(m)) files.push(m);
  }
  return files;
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

/** Reads and parses each report, in order. */
export async function readReports(files: readonly string[], io: GateIO): Promise<ReadReport[]> {
  const out: ReadReport[] = [];
  for (const file of files) {
    const text = await io.readText(file, { report: true });
    out.push({ source: file, parsed: parseReport(text, { workspace: io.workspace, file }) });
  }
  return out;
}

/** Source files a parsed report lists. */
export function countFiles(parsed: AnyParsed): number {
  return parsed.format === 'istanbul' ? parsed.istanbul.data.size : parsed.files.length;
}
