/**
 * The mutation model the gate scores: only what scoring, changed-code matching and annotations
 * need, so a 200 MB report does not stay in memory as a tree of models.
 */

/** The statuses of mutation-testing-report-schema (any other value is rejected by the schema). */
export const MUTANT_STATUSES = [
  'Killed',
  'Survived',
  'NoCoverage',
  'CompileError',
  'RuntimeError',
  'Timeout',
  'Ignored',
  'Pending',
] as const;

export type MutantStatus = (typeof MUTANT_STATUSES)[number];

export interface Mutant {
  id: string;
  mutatorName: string;
  /** The code that replaced the original; optional in the schema. */
  replacement?: string;
  description?: string;
  status: MutantStatus;
  /** 1-based, inclusive. */
  startLine: number;
  /** 1-based, inclusive: an end at column 1 of a later line (exclusive end) does not touch that line. */
  endLine: number;
}

export interface MutatedFile {
  /** The file's key exactly as the report wrote it. */
  key: string;
  /** Workspace-relative POSIX path (after resolving the report's projectRoot), or the key when unresolved. */
  path: string;
  language: string;
  mutants: Mutant[];
}

/** The thresholds a report carries. Shown in the summary, never used to decide (B14). */
export interface ReportThresholds {
  high: number;
  low: number;
  break?: number | null;
}

export interface MutationReport {
  /** Workspace-relative path of the report file. */
  file: string;
  /** As written, normalised to a string (Infection writes the number 1). */
  schemaVersion: string;
  projectRoot?: string;
  thresholds: ReportThresholds;
  framework?: string;
  /** Keyed by the report's own file key; a Map, so `__proto__` is a file like any other. */
  files: Map<string, MutatedFile>;
}
