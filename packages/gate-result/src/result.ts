/**
 * The result model every gate returns. It is the contract between a gate, the renderers,
 * the step outputs, the result file and the KPI export, so it is versioned.
 */
import type { PolicyRecord } from './policy/diff.js';

/** Versioned name of the result-file format; bump on breaking changes. */
export const RESULT_SCHEMA = 'aeef.gate-result/v1' as const;

/**
 * `error` means "could not decide" (missing or malformed input): it fails the job like `fail`,
 * because a gate must never go green for lack of evidence.
 */
export type Verdict = 'pass' | 'warn' | 'fail' | 'error';

/** A metric without a threshold is informational: `none`. */
export type MetricVerdict = 'pass' | 'warn' | 'fail' | 'none';

/**
 * A gate's id. Plain text for the library, which never imports the gates: the suite's ids come
 * from the registry (packages/gates/src/registry.ts, as data in known-gates.ts) and every edge
 * that reads one (config file, result files) checks it against them.
 */
export type GateId = string;

export interface Threshold {
  /** `>=`: the value must be at least `value`; `<=`: at most. */
  op: '>=' | '<=';
  value: number;
}

export type MetricUnit = 'percent' | 'count' | 'lines' | 'files' | 'seconds' | 'hours' | 'ratio';

export interface Metric {
  /** Kebab-case, equal to the step output name that carries it (`lines`, `patch`, `score`). */
  id: string;
  /** Human label for summaries (`Line coverage`). */
  label: string;
  /**
   * The exact measured value (not rounded). `null` when the metric is not measurable in this run
   * (e.g. patch coverage without a diff); a null metric with a threshold fails unless the gate says why not.
   */
  value: number | null;
  unit: MetricUnit;
  threshold?: Threshold;
  verdict: MetricVerdict;
  /**
   * A change measured against the base branch's own figure (coverage's `lines-drop` against the
   * latest KPI history record): the metric compared, the base's value of it and the setting that
   * bounds the change, so the overview can say `lines 81.2% (base 82%, max-drop 0.5)`.
   */
  base?: MetricBase;
}

export interface MetricBase {
  /** The id of the metric of this result whose base value this is (`lines`). */
  metric: string;
  value: number;
  /** The setting that bounds the change (`max-drop`), as the user writes it. */
  setting: string;
}

export type FindingLevel = 'error' | 'warning' | 'notice';

/** One thing to point at; findings become annotations, ranked and capped by the renderer. */
export interface Finding {
  level: FindingLevel;
  /** Report-derived text is allowed here: every channel escapes it. */
  message: string;
  title?: string;
  /** Workspace-relative POSIX path. Anything else must stay in `message`, never here. */
  file?: string;
  startLine?: number;
  endLine?: number;
  ruleId?: string;
  /** Higher ranks are shown first within a level; ties keep insertion order. */
  rank?: number;
}

export type Cell = string | number | null;

/** A table (or a list of notes) in the summary; every cell is escaped when rendered. */
export interface Section {
  title: string;
  columns?: string[];
  rows?: Cell[][];
  /** Lines of plain text shown under the table. */
  notes?: string[];
  /** When the gate itself cut the rows, the number it left out. */
  omittedRows?: number;
}

export interface GateResult {
  schema: typeof RESULT_SCHEMA;
  gate: GateId;
  verdict: Verdict;
  /** One sentence a person reads first, e.g. "Line coverage 78.12% is below 80%." */
  summary: string;
  metrics: Metric[];
  findings: Finding[];
  details: Section[];
  /**
   * Extra scalar step outputs beyond `verdict`, `summary`, `result-file` and the metrics
   * (e.g. pr-size's `size` and `source`). Keys are kebab-case output names.
   */
  outputs: Record<string, string>;
  /** The effective settings, after defaults, config file and inputs. */
  config: Record<string, unknown>;
  /** The files actually read, workspace-relative. */
  inputs: string[];
  durationMs: number;
  /**
   * Which policy (config file) judged this run, and every setting the head's file changes against
   * the base's. Set by the runtime and the CLI; absent in results written before it existed.
   */
  policy?: PolicyRecord;
  /** The instance name (`name` input) when one gate runs several times in a job. */
  name?: string;
  /**
   * `false` under `enforce: false` (advisory): the verdict is the real one, but it does not set the
   * exit code. Absent means enforced.
   */
  enforced?: boolean;
}

const VERDICT_ORDER: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2, error: 3 };

/** The worst of several verdicts: error > fail > warn > pass. */
export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict = 'pass';
  for (const v of verdicts) if (VERDICT_ORDER[v] > VERDICT_ORDER[worst]) worst = v;
  return worst;
}

/** True when the verdict fails the job (exit code 1). */
export function isFailing(verdict: Verdict): boolean {
  return verdict === 'fail' || verdict === 'error';
}

/**
 * Judges a value against a threshold. Exact comparison on the unrounded value: rounding never
 * turns a fail into a pass (79.996% is not 80%). A non-finite or null value fails a threshold.
 */
export function judge(value: number | null, threshold: Threshold | undefined): MetricVerdict {
  if (threshold === undefined) return 'none';
  if (value === null || !Number.isFinite(value)) return 'fail';
  return (threshold.op === '>=' ? value >= threshold.value : value <= threshold.value) ? 'pass' : 'fail';
}

/**
 * Floors to 2 decimals, as istanbul does for percentages, so 79.999 shows as 79.99, never 80.00.
 * Guards float noise (e.g. 0.29 * 100 = 28.999999999999996) with a tiny epsilon relative to 1e-2.
 */
export function floor2(value: number): number {
  if (!Number.isFinite(value)) return value;
  return Math.floor(value * 100 + 1e-9) / 100;
}

/** Percentage of covered/total; 0/0 is `null` (not measurable), never 100 and never NaN. */
export function percent(covered: number, total: number): number | null {
  if (total === 0) return null;
  return (covered / total) * 100;
}
