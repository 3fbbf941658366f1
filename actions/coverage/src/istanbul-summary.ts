/**
 * istanbul `coverage-summary.json` (the json-summary reporter). It carries totals per file but no
 * line detail, so it measures lines/statements/functions/branches but never patch coverage, and
 * shards of it cannot be merged per line. Every count is validated (RELIABILITY B13): numbers as
 * strings, negative or fractional counts, or covered above total are errors.
 */
import { ReportError } from '@aeef/gate-result';
import type { FileCoverage, ParseContext, ParsedReport, Tally } from './model.js';
import { normaliseReportPath } from './paths.js';

const METRICS = ['lines', 'statements', 'functions', 'branches'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** True when the JSON has a `total` block with a `lines` tally, as json-summary writes. */
export function looksLikeIstanbulSummary(json: Record<string, unknown>): boolean {
  const total = json.total;
  return isObject(total) && isObject(total.lines) && 'total' in total.lines && 'covered' in total.lines;
}

function readTally(block: unknown, where: string, ctx: ParseContext): Tally {
  if (!isObject(block)) throw new ReportError(ctx.file, `${ctx.file} lacks ${where}.`);
  const { total, covered } = block;
  for (const [name, v] of [
    ['total', total],
    ['covered', covered],
  ] as const) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      throw new ReportError(
        ctx.file,
        `${ctx.file} has an invalid number in ${where}.${name}: expected a non-negative whole number.`,
      );
    }
  }
  if ((covered as number) > (total as number))
    throw new ReportError(ctx.file, `${ctx.file} has covered above total in ${where}.`);
  return { covered: covered as number, total: total as number };
}

/** Parses json-summary JSON (already detected) into per-file tallies. */
export function parseIstanbulSummary(json: Record<string, unknown>, ctx: ParseContext): ParsedReport {
  const files: FileCoverage[] = [];
  const seen = new Set<string>();
  for (const key of Object.keys(json)) {
    if (key === 'total') continue;
    const entry = json[key];
    const label = `the entry "${key.slice(0, 80)}"`;
    if (!isObject(entry)) throw new ReportError(ctx.file, `${ctx.file} has ${label} that is not an object.`);
    if (key.trim() === '') throw new ReportError(ctx.file, `${ctx.file} has an entry with an empty path.`);
    const { path, outside } = normaliseReportPath(key, ctx.workspace);
    if (seen.has(path)) throw new ReportError(ctx.file, `${ctx.file} lists ${path.slice(0, 80)} twice.`);
    seen.add(path);
    const [lines, statements, functions, branches] = METRICS.map((m) =>
      readTally(entry[m], `${label}.${m}`, ctx),
    ) as [Tally, Tally, Tally, Tally];
    files.push({ path, outside, lines: null, lineTally: lines, statements, functions, branches });
  }
  if (files.length === 0) {
    throw new ReportError(
      ctx.file,
      `${ctx.file} is a coverage summary with a total but no per-file entries.`,
    );
  }
  return {
    format: 'istanbul-summary',
    detected: 'istanbul coverage-summary.json (json-summary)',
    files,
    notes: [
      'coverage-summary.json has no line detail: patch coverage needs coverage-final.json, lcov, Cobertura or Clover.',
    ],
  };
}
