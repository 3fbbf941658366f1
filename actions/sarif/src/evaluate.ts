/**
 * The decision, pure: which findings count against the bars, the metrics that become outputs, and
 * ranked annotations. A finding counts when it is active (not accepted-suppressed, not
 * `baselineState: absent`), in scope, new (when `new-only` asks), and at or above either bar.
 */
import { RESULT_SCHEMA, judge, type Finding, type GateResult, type Metric } from '@aeef/gate-result';
import { meetsLevel, meetsSeverity, type SarifConfig } from './config.js';
import { isActive, type JudgedFinding, type SarifModel } from './model.js';
import { scopeOf } from './scope.js';
import { buildSections } from './sections.js';

/** What `new-only` decided, computed by the gate from the diff or the baseline. */
export interface Newness {
  /** Per finding of the model, in order. */
  isNew: boolean[];
  /** Lines for the summary: which diff source or which baseline matches were used. */
  notes: string[];
}

const BAND_SCORE = { low: 1, medium: 2, high: 3, critical: 4 } as const;
const LEVEL_SCORE = { none: 0, note: 1, warning: 2, error: 3 } as const;

/** New first, then severity band, then level: the order annotations are shown in. */
function rankOf(j: JudgedFinding): number {
  const f = j.finding;
  return (j.isNew ? 100 : 0) + (f.band ? BAND_SCORE[f.band] : 0) * 10 + LEVEL_SCORE[f.level];
}

export function judgeFindings(model: SarifModel, config: SarifConfig, newness: Newness): JudgedFinding[] {
  const scope = scopeOf(config);
  return model.findings.map((finding, i) => {
    const verdict = scope(finding);
    const active = isActive(finding);
    const isNew = newness.isNew[i] ?? false;
    const judgedNew = config.newOnly === 'false' || isNew;
    const atBar =
      meetsLevel(finding.level, config.failOnLevel) || meetsSeverity(finding.band, config.failOnSeverity);
    return {
      finding,
      scope: verdict,
      active,
      isNew,
      counted: verdict === 'in' && active && judgedNew && atBar,
    };
  });
}

function toAnnotation(j: JudgedFinding): Finding | undefined {
  const f = j.finding;
  if (j.scope !== 'in' || !j.active || f.level === 'none') return undefined;
  const level = j.counted ? 'error' : f.level === 'note' ? 'notice' : 'warning';
  const where = f.path === undefined && f.locationText !== undefined ? ` (location: ${f.locationText})` : '';
  const severity = f.band ? `, ${f.band} severity` : '';
  const annotation: Finding = {
    level,
    title: `${f.ruleId} (${f.tool}, ${f.level}${severity}${j.isNew ? ', new' : ''})`,
    message: `${f.message}${where}`,
    ruleId: f.ruleId,
    rank: rankOf(j),
  };
  if (f.path !== undefined) annotation.file = f.path;
  if (f.path !== undefined && f.startLine !== undefined) {
    annotation.startLine = f.startLine;
    annotation.endLine = f.endLine ?? f.startLine;
  }
  return annotation;
}

function count(id: string, label: string, value: number, maxFindings?: number): Metric {
  const metric: Metric = { id, label, value, unit: 'count', verdict: 'none' };
  if (maxFindings !== undefined) {
    metric.threshold = { op: '<=', value: maxFindings };
    metric.verdict = judge(value, metric.threshold);
  }
  return metric;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function bars(config: SarifConfig): string {
  const parts: string[] = [];
  if (config.failOnLevel !== 'none') parts.push(`level ${config.failOnLevel} or above`);
  if (config.failOnSeverity !== 'none') parts.push(`security severity ${config.failOnSeverity} or above`);
  return parts.join(' or ');
}

/** (model, config, newness) → GateResult; no I/O. */
export function evaluateSarif(model: SarifModel, config: SarifConfig, newness: Newness): GateResult {
  const judged = judgeFindings(model, config, newness);
  const live = judged.filter((j) => j.scope === 'in' && j.active);
  const counted = judged.filter((j) => j.counted).length;
  const byLevel = (level: string) => live.filter((j) => j.finding.level === level).length;
  const suppressed = judged.filter((j) => j.scope === 'in' && j.finding.suppression === 'accepted').length;
  const fresh = live.filter((j) => j.isNew).length;
  const metrics = [
    count('findings', 'Findings at or above the bars', counted, config.maxFindings),
    count('errors', 'Errors', byLevel('error')),
    count('warnings', 'Warnings', byLevel('warning')),
    count('notes', 'Notes', byLevel('note')),
    count('suppressed', 'Suppressed (accepted)', suppressed),
    count('new', 'New findings', fresh),
  ];
  const failed = counted > config.maxFindings;
  const judgedText = plural(counted, config.newOnly === 'false' ? 'finding' : 'new finding');
  const summary = failed
    ? `${judgedText} at ${bars(config)}, more than the ${config.maxFindings} allowed.`
    : `${judgedText} at ${bars(config)} (at most ${config.maxFindings} allowed) in ${plural(model.findings.length, 'result')} from ${plural(model.reports.length, 'file')}.`;
  return {
    schema: RESULT_SCHEMA,
    gate: 'sarif',
    verdict: failed ? 'fail' : 'pass',
    summary,
    metrics,
    findings: judged.map(toAnnotation).filter((f): f is Finding => f !== undefined),
    details: buildSections(model, judged, newness.notes),
    outputs: {},
    config: { ...config },
    inputs: [...model.reports],
    durationMs: 0,
  };
}
