/**
 * istanbul `coverage-final.json` (nyc, jest, vitest, c8) and the `coverageMap` of a jest `--json`
 * report. One report converts straight to the model (the fast path: one pass over the parsed
 * JSON); several are first merged with istanbul-lib-coverage, so shards merge exactly as nyc and
 * jest merge them. Line hits follow istanbul: a line's count is the largest count of the
 * statements starting on it.
 */
import { ReportError } from '@aeef/gate-result';
import libCoverage from 'istanbul-lib-coverage';
import type { FileCoverageData } from 'istanbul-lib-coverage';
import type { FileCoverage, ParseContext, Tally } from './model.js';
import { normaliseReportPath } from './paths.js';

/** Raw istanbul data of one report, keyed by normalised path. */
export interface IstanbulReport {
  data: Map<string, FileCoverageData>;
  outside: Map<string, boolean>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const PARTS = ['statementMap', 'fnMap', 'branchMap', 's', 'f', 'b'] as const;

/** True when `value` looks like an istanbul coverage map (its first entry is a FileCoverage). */
export function looksLikeIstanbulMap(value: Record<string, unknown>): boolean {
  for (const key in value) {
    const entry = value[key];
    return isObject(entry) && isObject(entry.statementMap) && isObject(entry.s);
  }
  return false;
}

/** Validates the parsed JSON of a coverage map and keys it by normalised path. */
export function readIstanbulMap(json: Record<string, unknown>, ctx: ParseContext): IstanbulReport {
  const data = new Map<string, FileCoverageData>();
  const outside = new Map<string, boolean>();
  for (const key of Object.keys(json)) {
    const entry = json[key];
    if (!isObject(entry) || PARTS.some((p) => !isObject(entry[p]))) {
      throw new ReportError(
        ctx.file,
        `${ctx.file} is not a valid istanbul coverage map: the entry for "${key.slice(0, 80)}" lacks statementMap, fnMap, branchMap, s, f or b.`,
      );
    }
    const raw = typeof entry.path === 'string' && entry.path !== '' ? entry.path : key;
    if (raw.trim() === '')
      throw new ReportError(ctx.file, `${ctx.file} has a coverage entry with an empty path.`);
    const norm = normaliseReportPath(raw, ctx.workspace);
    entry.path = norm.path;
    const fc = entry as unknown as FileCoverageData;
    const previous = data.get(norm.path);
    if (previous !== undefined) {
      const merged = libCoverage.createFileCoverage(previous);
      merged.merge(libCoverage.createFileCoverage(fc));
      data.set(norm.path, merged.toJSON() as FileCoverageData);
    } else data.set(norm.path, fc);
    outside.set(norm.path, norm.outside);
  }
  return { data, outside };
}

/** Merges several istanbul reports with istanbul-lib-coverage (matrix shards). */
export function mergeIstanbul(reports: readonly IstanbulReport[]): IstanbulReport {
  if (reports.length === 1 && reports[0] !== undefined) return reports[0];
  const map = libCoverage.createCoverageMap({});
  const outside = new Map<string, boolean>();
  for (const report of reports) {
    for (const [path, fc] of report.data) {
      map.addFileCoverage(fc);
      outside.set(path, report.outside.get(path) ?? false);
    }
  }
  const data = new Map<string, FileCoverageData>();
  for (const path of map.files()) data.set(path, map.fileCoverageFor(path).toJSON() as FileCoverageData);
  return { data, outside };
}

function invalidCount(file: string, path: string, part: string): never {
  throw new ReportError(
    file,
    `${file} has an invalid hit count in ${part} of ${path.slice(0, 80)}: expected a non-negative number.`,
  );
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && v >= 0 && v !== Infinity;
}

function tallyHits(hits: Record<string, unknown>, file: string, path: string, part: string): Tally {
  let covered = 0;
  let total = 0;
  for (const key in hits) {
    const v = hits[key];
    if (!isCount(v)) invalidCount(file, path, part);
    total++;
    if (v > 0) covered++;
  }
  return { covered, total };
}

function tallyBranches(hits: Record<string, unknown>, file: string, path: string): Tally {
  let covered = 0;
  let total = 0;
  for (const key in hits) {
    const arm = hits[key];
    if (!Array.isArray(arm)) invalidCount(file, path, 'b');
    for (const v of arm) {
      if (!isCount(v)) invalidCount(file, path, 'b');
      total++;
      if (v > 0) covered++;
    }
  }
  return { covered, total };
}

function lineHits(fc: FileCoverageData, file: string): Map<number, number> {
  const lines = new Map<number, number>();
  const statementMap = fc.statementMap as unknown as Record<string, unknown>;
  const s = fc.s as Record<string, number>;
  for (const key in s) {
    const loc = statementMap[key];
    if (loc === undefined || !Object.hasOwn(statementMap, key)) continue;
    const start = typeof loc === 'object' && loc !== null ? (loc as { start?: unknown }).start : undefined;
    const line = typeof start === 'object' && start !== null ? (start as { line?: unknown }).line : undefined;
    if (typeof line !== 'number' || !Number.isInteger(line)) {
      throw new ReportError(file, `${file} has a statement without a start line in ${fc.path.slice(0, 80)}.`);
    }
    const count = s[key] ?? 0;
    const prev = lines.get(line);
    if (prev === undefined || prev < count) lines.set(line, count);
  }
  return lines;
}

/** Converts (merged) istanbul data into the common model, validating every count once. */
export function istanbulToFiles(report: IstanbulReport, file: string): FileCoverage[] {
  const files: FileCoverage[] = [];
  for (const [path, fc] of report.data) {
    const statements = tallyHits(fc.s, file, path, 's');
    files.push({
      path,
      outside: report.outside.get(path) ?? false,
      lines: lineHits(fc, file),
      statements,
      functions: tallyHits(fc.f, file, path, 'f'),
      branches: tallyBranches(fc.b, file, path),
    });
  }
  return files;
}
