/**
 * Pure judgement: the findings (and, when there are any, the human checkpoint's outcome) →
 * GateResult. No finding passes; findings pass only when enough people approved the head commit.
 */
import { createResult } from '@aeef/gate-result';
import type { Finding, GateResult, Section } from '@aeef/gate-result';
import type { IntegrityFinding } from './detect.js';
import { CATEGORIES } from './patterns.js';

/** What the human checkpoint decided, as the integrity gate needs it. */
export interface CheckpointOutcome {
  met: boolean;
  /** Approvals that count. */
  approvals: number;
  required: number;
  /** One sentence: who approved which commit, or what is missing. */
  sentence: string;
  sections: Section[];
}

const MAX_ROWS = 500;

function findingsSection(findings: readonly IntegrityFinding[]): Section {
  const rows = findings
    .slice(0, MAX_ROWS)
    .map((f) => [
      f.category,
      f.line === undefined ? f.file : `${f.file}:${f.line}`,
      f.pattern,
      f.text === undefined ? f.message : `${f.message} ${f.text}`,
    ]);
  return {
    title: 'Changes that weaken verification',
    columns: ['Category', 'Where', 'Pattern', 'What'],
    rows,
    ...(findings.length > MAX_ROWS ? { omittedRows: findings.length - MAX_ROWS } : {}),
  };
}

function categorySection(findings: readonly IntegrityFinding[], checks: readonly string[]): Section {
  return {
    title: 'By category',
    columns: ['Category', 'Checked', 'Findings'],
    rows: CATEGORIES.map((category) => [
      category,
      checks.includes(category) ? 'yes' : 'no (switched off by `checks`)',
      findings.filter((f) => f.category === category).length,
    ]),
  };
}

function annotation(finding: IntegrityFinding, level: Finding['level']): Finding {
  return {
    level,
    title: `Integrity: ${finding.category}`,
    message: finding.text === undefined ? finding.message : `${finding.message} Line: ${finding.text}`,
    file: finding.file,
    ...(finding.line === undefined ? {} : { startLine: finding.line }),
    ruleId: finding.pattern,
  };
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function evaluateIntegrity(
  findings: readonly IntegrityFinding[],
  checks: readonly string[],
  checkpoint: CheckpointOutcome | undefined,
  notes: readonly string[],
): GateResult {
  const categories = [...new Set(findings.map((f) => f.category))];
  const count = `${plural(findings.length, 'change')} that weaken${findings.length === 1 ? 's' : ''} verification`;
  const details: Section[] = [categorySection(findings, checks)];
  if (findings.length > 0) details.unshift(findingsSection(findings));
  if (checkpoint) details.push(...checkpoint.sections);
  if (notes.length > 0) details.push({ title: 'Notes', notes: [...notes] });
  let verdict: GateResult['verdict'] = 'pass';
  let summary = 'No change weakens verification.';
  if (findings.length > 0) {
    if (checkpoint?.met) {
      summary = `${count} (${categories.join(', ')}), accepted by review: ${checkpoint.sentence}`;
    } else {
      verdict = 'fail';
      const who = checkpoint ? ` ${checkpoint.sentence}` : '';
      summary = `${count} (${categories.join(', ')}) need${findings.length === 1 ? 's' : ''} an approving review of the head commit.${who}`;
    }
  }
  const level: Finding['level'] = verdict === 'fail' ? 'error' : 'notice';
  return createResult('integrity', {
    verdict,
    summary,
    metrics: [
      { id: 'findings', label: 'Weakening changes', value: findings.length, unit: 'count', verdict: 'none' },
      {
        id: 'accepted',
        label: 'Weakening changes accepted by review',
        value: checkpoint?.met === true ? findings.length : 0,
        unit: 'count',
        verdict: 'none',
      },
      {
        id: 'approvals',
        label: 'Approvals that count',
        value: checkpoint ? checkpoint.approvals : null,
        unit: 'count',
        verdict: 'none',
      },
    ],
    findings: findings.map((f) => annotation(f, level)),
    details,
    outputs: { approved: findings.length === 0 ? 'true' : String(checkpoint?.met === true) },
  });
}
