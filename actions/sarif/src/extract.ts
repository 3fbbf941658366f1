/**
 * From a validated SARIF log to `SarifFinding`s. Also the fail-closed checks of a broken scan: a
 * log with no runs, a run without `results`, an invocation that did not succeed, or an error-level
 * tool notification says the scanner did not finish, so its silence is not evidence.
 */
import { ReportError } from '@aeef/gate-result';
import type { Log, Message, ReportingDescriptor, Result, Run } from 'sarif';
import { findRule, resolveLevel } from './levels.js';
import type { SarifFinding, SarifRunInfo, SuppressionState } from './model.js';
import { bandOf, parseSecuritySeverity } from './severity.js';
import { fullUri, resolveUri, type ResolvedUri } from './uri.js';

/** Report text longer than this is cut in messages (B23: megabyte messages). */
export const MAX_MESSAGE_LENGTH = 1000;

/** Rejects logs whose scan did not complete; `report` names the file in every message. */
export function assertScanComplete(log: Log, report: string): void {
  if (log.runs.length === 0) {
    throw new ReportError(report, `${report} has no runs ("runs": []); no scan evidence to judge.`);
  }
  log.runs.forEach((run, i) => {
    const tool = toolName(run);
    if (!Array.isArray(run.results)) {
      throw new ReportError(
        report,
        `${report}: run ${i} (${tool}) has no "results" array; the scan did not report.`,
      );
    }
    for (const invocation of run.invocations ?? []) {
      if (invocation.executionSuccessful === false) {
        throw new ReportError(
          report,
          `${report}: run ${i} (${tool}) says executionSuccessful: false; the scanner did not complete.`,
        );
      }
      const failed = (invocation.toolExecutionNotifications ?? []).find((n) => n.level === 'error');
      if (failed) {
        const text = messageText(failed.message, undefined).slice(0, 200);
        throw new ReportError(
          report,
          `${report}: run ${i} (${tool}) has an error-level tool notification ("${text}"); the scanner did not complete.`,
        );
      }
    }
  });
}

export function toolName(run: Run): string {
  const name = run.tool.driver.name.trim();
  return (name === '' ? '(unnamed tool)' : name).slice(0, 100);
}

/** `message.text`, else the rule's `messageStrings[id]` with `{n}` arguments filled in. */
function messageText(message: Message | undefined, rule: ReportingDescriptor | undefined): string {
  let text = message?.text;
  if (text === undefined && message?.id !== undefined) {
    const template = rule?.messageStrings?.[message.id]?.text;
    const args = message.arguments ?? [];
    text = template?.replace(/\{(\d{1,3})\}/g, (whole, n: string) => args[Number(n)] ?? whole);
  }
  text ??= '(no message)';
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}… (cut)` : text;
}

/** Per §3.27.23: any accepted (or status-less) suppression hides the result; else the most open state. */
const NOT_SUPPRESSED = Object.freeze({});

function suppressionOf(result: Result): { state?: SuppressionState; justification?: string } {
  const list = result.suppressions;
  if (!list || list.length === 0) return NOT_SUPPRESSED;
  const accepted = list.find((s) => s.status === undefined || s.status === 'accepted');
  if (accepted) return { state: 'accepted', justification: accepted.justification?.slice(0, 200) };
  if (list.some((s) => s.status === 'underReview')) return { state: 'underReview' };
  return { state: 'rejected' };
}

function stringMap(value: Record<string, string> | undefined): Record<string, string> {
  return value && typeof value === 'object' ? value : {};
}

/** Every result of every run of one log, resolved against `workspace`. */
export function extractFindings(
  log: Log,
  report: string,
  workspace: string,
): { findings: SarifFinding[]; runs: SarifRunInfo[] } {
  const findings: SarifFinding[] = [];
  const runs: SarifRunInfo[] = [];
  for (const run of log.runs) {
    const tool = toolName(run);
    const results = run.results ?? [];
    runs.push({ report, tool, results: results.length });
    const paths = new Map<string, ResolvedUri>(); // results repeat files: resolve each URI once
    const resolve = (uri: string): ResolvedUri => {
      let resolved = paths.get(uri);
      if (!resolved) paths.set(uri, (resolved = resolveUri(uri, workspace)));
      return resolved;
    };
    for (const result of results) findings.push(toFinding(run, result, report, tool, resolve));
  }
  return { findings, runs };
}

const RULE_SEVERITY = new WeakMap<ReportingDescriptor, number | undefined>();

/** A rule's `security-severity`, parsed once per rule rather than once per result. */
function ruleSeverity(rule: ReportingDescriptor, report: string, ruleId: string): number | undefined {
  if (RULE_SEVERITY.has(rule)) return RULE_SEVERITY.get(rule);
  const severity = parseSecuritySeverity(rule.properties?.['security-severity'], report, ruleId);
  RULE_SEVERITY.set(rule, severity);
  return severity;
}

function toFinding(
  run: Run,
  result: Result,
  report: string,
  tool: string,
  resolve: (uri: string) => ResolvedUri,
): SarifFinding {
  const ref = findRule(run, result);
  const ruleId = (result.ruleId ?? result.rule?.id ?? ref.rule?.id ?? '(no rule)').slice(0, 200);
  const { level, source } = resolveLevel(run, result, ref);
  const own: unknown = result.properties?.['security-severity'];
  const severity =
    own !== undefined || !ref.rule
      ? parseSecuritySeverity(own, report, ruleId)
      : ruleSeverity(ref.rule, report, ruleId);
  const { state, justification } = suppressionOf(result);
  const physical = result.locations?.[0]?.physicalLocation;
  const uri = fullUri(run, physical?.artifactLocation);
  const resolved = uri === undefined ? undefined : resolve(uri);
  const region = physical?.region;
  const startLine = region?.startLine;
  const snippet = region?.snippet?.text;
  // One object literal with every field, so all findings share one shape (faster on 100k results).
  return {
    report,
    tool,
    ruleId,
    level,
    levelSource: source,
    severity,
    band: severity === undefined ? undefined : bandOf(severity),
    suppression: state,
    justification: justification || undefined,
    baselineState: result.baselineState,
    message: messageText(result.message, ref.rule),
    path: resolved && 'path' in resolved ? resolved.path : undefined,
    locationText: resolved && 'text' in resolved ? resolved.text : undefined,
    startLine,
    endLine: startLine === undefined ? undefined : Math.max(region?.endLine ?? startLine, startLine),
    partialFingerprints: stringMap(result.partialFingerprints),
    fingerprints: stringMap(result.fingerprints),
    snippet: snippet === undefined ? undefined : snippet.slice(0, 2000),
  };
}
