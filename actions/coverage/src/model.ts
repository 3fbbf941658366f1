/**
 * The common coverage model every parser produces. Keyed data lives in `Map`s so that file names
 * such as `__proto__` or `constructor` count like any other (RELIABILITY B11).
 */

/** The formats the gate reads; detected by content, never by file name. */
export type FormatId =
  'istanbul' | 'istanbul-summary' | 'lcov' | 'cobertura' | 'clover' | 'jacoco' | 'go-coverprofile';

/** Covered items of a total; `covered <= total`, both non-negative integers. */
export interface Tally {
  covered: number;
  total: number;
}

/**
 * Hits per item, summed when shards merge. Keyed items (lcov function names, branch ids) merge by
 * key; a `Tally` is already summarised (istanbul, whose shards merge through istanbul-lib-coverage
 * before they reach the model, and json-summary, which cannot merge).
 */
export type Counter = Map<string, number> | Tally;

/** One source file of a report, its path already normalised. */
export interface FileCoverage {
  /** Workspace-relative POSIX path, or the path as given when it lies outside the workspace. */
  path: string;
  /** True when the path lies outside the workspace: kept for totals, never opened or annotated. */
  outside: boolean;
  /** Hits per executable line; `null` when the format carries no line detail (json-summary). */
  lines: Map<number, number> | null;
  /** Line totals when `lines` is null (json-summary only). */
  lineTally?: Tally;
  /** `null`: the format does not measure this (e.g. lcov has no statements). */
  statements: Counter | null;
  functions: Counter | null;
  branches: Counter | null;
}

/** What one report file yielded. */
export interface ParsedReport {
  /** istanbul maps stay raw until every shard is in (see parse-report.ts). */
  format: Exclude<FormatId, 'istanbul'>;
  /** Human description of what was detected, e.g. "lcov tracefile" or "jest --json coverageMap". */
  detected: string;
  files: FileCoverage[];
  /** Things the summary should say about this report (e.g. negative counts read as 0). */
  notes: string[];
  /** The totals the producer wrote into the report itself, where it writes any (see totals.ts). */
  declared?: DeclaredTotals;
}

/**
 * A report's own totals: Cobertura's `lines-*`/`branches-*` root attributes, Clover's project
 * `<metrics>`, JaCoCo's report-level counters, lcov's summed LF/LH, FNF/FNH, BRF/BRH. The gate's
 * totals equal them when the report is taken whole (one report, no `exclude`).
 */
export interface DeclaredTotals {
  /** Where they were read, for the summary (`the <coverage> attributes`). */
  where: string;
  totals: Partial<Record<'lines' | 'statements' | 'functions' | 'branches', Tally>>;
}

/** All reports merged: one entry per normalised path. */
export interface CoverageModel {
  files: Map<string, FileCoverage>;
  /** Formats seen, for the summary. */
  formats: FormatId[];
}

/** Where paths are resolved: the workspace root, absolute, POSIX or Windows style. */
export interface ParseContext {
  workspace: string;
  /** The report's name, for error messages. */
  file: string;
}

export const METRIC_IDS = ['lines', 'statements', 'functions', 'branches'] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/** Totals per metric; `null` when no file measured it. */
export type Totals = Record<MetricId, Tally | null>;
