/**
 * Pure judgement: the findings and, when some need a person, the human checkpoint's result →
 * GateResult. No operation passes; operations pass only when the checkpoint is met for the head
 * commit; `allow`ed operations are information.
 */
import { checkpointSection, createResult } from '@aeef/gate-result';
import type { ApprovalPolicy, CheckpointResult, Finding, GateResult, Section } from '@aeef/gate-result';
import { CATEGORIES, type DestructiveFinding } from './findings.js';

const MAX_ROWS = 500;

const where = (f: DestructiveFinding): string => (f.line === undefined ? f.file : `${f.file}:${f.line}`);

function operationsSection(
  title: string,
  findings: readonly DestructiveFinding[],
  allowed: boolean,
): Section {
  return {
    title,
    columns: allowed
      ? ['Category', 'Operation', 'Object', 'Where', 'Allowed by', 'Reason']
      : ['Category', 'Operation', 'Object', 'Where', 'Why', 'Statement'],
    rows: findings
      .slice(0, MAX_ROWS)
      .map((f) =>
        allowed
          ? [f.category, f.operation, f.object, where(f), f.allowed?.selector ?? '', f.allowed?.reason ?? '']
          : [f.category, f.operation, f.object, where(f), f.why, f.text ?? ''],
      ),
    ...(findings.length > MAX_ROWS ? { omittedRows: findings.length - MAX_ROWS } : {}),
  };
}

function categorySection(findings: readonly DestructiveFinding[]): Section {
  return {
    title: 'By category',
    columns: ['Category', 'Operations', 'Allowed'],
    rows: CATEGORIES.map((c) => [
      c,
      findings.filter((f) => f.category === c && !f.allowed).length,
      findings.filter((f) => f.category === c && f.allowed).length,
    ]),
  };
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** `drop-table users, terraform delete aws_db_instance.main and 3 more`. */
export function nameOperations(findings: readonly DestructiveFinding[], max = 3): string {
  const names = findings.slice(0, max).map((f) => `${f.operation} ${f.object}`);
  const rest = findings.length - names.length;
  return rest > 0 ? `${names.join(', ')} and ${rest} more` : names.join(', ');
}

/** Who may approve, in words. */
export function whoMayApprove(policy: ApprovalPolicy): string {
  const listed = policy.approvers.map((a) => `@${a}`);
  const people = [...listed, 'a repository OWNER, MEMBER or COLLABORATOR'].join(' or ');
  const count =
    policy.minApprovals === 1 ? 'an approving review' : `${policy.minApprovals} approving reviews`;
  return `${count} of the head commit by ${people} who is not the PR's author${policy.approverNotCommitter ? ' or a committer' : ''}`;
}

export interface EvaluateInput {
  findings: readonly DestructiveFinding[];
  policy: ApprovalPolicy;
  /** Present when operations needed a person and the PR's reviews were read. */
  checkpoint?: CheckpointResult;
  /** Why there is no checkpoint although operations need one (e.g. not a pull request). */
  noCheckpoint?: string;
  notes: readonly string[];
}

export function evaluateDestructive(input: EvaluateInput): GateResult {
  const { findings, policy, checkpoint } = input;
  const blocking = findings.filter((f) => !f.allowed);
  const allowed = findings.filter((f) => f.allowed);
  const details: Section[] = [];
  if (blocking.length > 0) details.push(operationsSection('Destructive operations', blocking, false));
  if (allowed.length > 0) details.push(operationsSection('Allowed operations (information)', allowed, true));
  details.push(categorySection(findings));
  if (checkpoint) details.push(checkpointSection(checkpoint));
  const notes = [...input.notes];
  if (input.noCheckpoint) notes.unshift(input.noCheckpoint);
  if (notes.length > 0) details.push({ title: 'Notes', notes });

  const approvedByCheckpoint = blocking.length > 0 && checkpoint?.met === true;
  let verdict: GateResult['verdict'] = 'pass';
  const allowedNote =
    allowed.length > 0 ? ` ${plural(allowed.length, 'allowed operation')} listed as information.` : '';
  let summary = `No destructive operation.${allowedNote}`;
  if (blocking.length > 0) {
    const what = `${plural(blocking.length, 'destructive operation')} (${nameOperations(blocking)})`;
    if (approvedByCheckpoint) {
      summary = `${what} approved: ${checkpoint.summary}${allowedNote}`;
    } else {
      verdict = 'fail';
      const state = checkpoint
        ? ` ${checkpoint.summary}`
        : input.noCheckpoint
          ? ` ${input.noCheckpoint}`
          : '';
      summary = `${what} need ${whoMayApprove(policy)}.${state}`;
    }
  }
  const level: Finding['level'] = verdict === 'fail' ? 'error' : 'notice';
  return createResult('destructive', {
    verdict,
    summary,
    metrics: [
      {
        id: 'operations',
        label: 'Destructive operations',
        value: blocking.length,
        unit: 'count',
        verdict: 'none',
      },
      { id: 'allowed', label: 'Allowed operations', value: allowed.length, unit: 'count', verdict: 'none' },
      {
        id: 'approvals',
        label: 'Approvals that count',
        value: checkpoint ? checkpoint.approvals.length : null,
        unit: 'count',
        verdict: 'none',
      },
    ],
    findings: blocking.map((f) => ({
      level,
      title: `Destructive: ${f.category} ${f.operation}`,
      message: `${f.object}: ${f.why}.${f.text ? ` ${f.text}` : ''}`,
      file: f.file,
      ...(f.line === undefined ? {} : { startLine: f.line }),
      ruleId: `${f.category}:${f.operation}`,
    })),
    details,
    outputs: { approved: blocking.length === 0 ? 'true' : String(approvedByCheckpoint) },
  });
}
