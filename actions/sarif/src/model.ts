/**
 * The gate's model of a SARIF result: everything a decision, a baseline match or a summary row
 * needs, already resolved (level, severity, suppression, path), so evaluation is plain data.
 */
import type { LevelSource, SarifLevel } from './levels.js';
import type { SeverityBand } from './severity.js';

/** `accepted`: suppressed (does not count); `underReview`/`rejected`: still counts. */
export type SuppressionState = 'accepted' | 'underReview' | 'rejected';

export interface SarifFinding {
  /** The report file (workspace-relative) the result came from. */
  report: string;
  /** `tool.driver.name`. */
  tool: string;
  ruleId: string;
  level: SarifLevel;
  levelSource: LevelSource;
  /** `security-severity` score, 0-10, when the result or its rule declares one. */
  severity?: number;
  band?: SeverityBand;
  /** Undefined when the result carries no suppressions. */
  suppression?: SuppressionState;
  /** Free text from the accepted suppression, for the suppressed list. */
  justification?: string;
  baselineState?: string;
  message: string;
  /** Workspace-relative POSIX path, only when the URI resolved inside the workspace. */
  path?: string;
  /** The raw location as text, when it did not resolve to a workspace path. */
  locationText?: string;
  startLine?: number;
  endLine?: number;
  partialFingerprints: Record<string, string>;
  fingerprints: Record<string, string>;
  snippet?: string;
}

/** One run as read, for the by-tool table and the fail-closed checks. */
export interface SarifRunInfo {
  report: string;
  tool: string;
  results: number;
}

export interface SarifModel {
  findings: SarifFinding[];
  runs: SarifRunInfo[];
  /** Report files read, workspace-relative. */
  reports: string[];
}

/** Which findings the scope inputs keep (see scope.ts). */
export type ScopeVerdict = 'in' | 'ignored-rule' | 'excluded';

/** A finding with everything the decision and the summary need. */
export interface JudgedFinding {
  finding: SarifFinding;
  scope: ScopeVerdict;
  active: boolean;
  isNew: boolean;
  counted: boolean;
}

/** True when the finding is not suppressed (an accepted suppression is the only one that hides it). */
export function isActive(finding: SarifFinding): boolean {
  return finding.suppression !== 'accepted' && finding.baselineState !== 'absent';
}
