/**
 * Changes to the steps that run the gates, in `.github/workflows/*.yml`: a gate step removed, its
 * inputs changed, an `if:` or `continue-on-error` added to it or its job, the action swapped. Both
 * versions are parsed as YAML (a real parser, with line numbers), never matched as text.
 */
import { LineCounter, parseDocument, isMap, isSeq, isScalar } from 'yaml';
import type { Node } from 'yaml';

export const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;

export interface WorkflowChange {
  /** Where to point in the head file; undefined when the head has no such place (removed). */
  line?: number;
  message: string;
  pattern: string;
}

interface GateStep {
  key: string;
  uses: string;
  with: Record<string, string>;
  if?: string;
  continueOnError?: string;
  jobIf?: string;
  jobContinueOnError?: string;
  line: number;
}

const scalarText = (node: unknown): string | undefined => {
  if (isScalar(node)) {
    const value: unknown = node.value;
    if (value === null) return '';
    return typeof value === 'string' ? value : JSON.stringify(value);
  }
  if (node === undefined || node === null) return undefined;
  return JSON.stringify((node as { toJSON(): unknown }).toJSON?.() ?? node);
};

/** `aeef/gates@v1` → `aeef/gates`; `./actions/coverage` stays. */
const actionOf = (uses: string): string => uses.replace(/@[^@]*$/, '');

/**
 * The gate steps of a workflow, keyed by job id, action and occurrence. `isGate` decides which
 * `uses:` values are gates (default: `aeef/gates` and its sub-actions).
 */
export function gateStepsOf(text: string, isGate: (uses: string) => boolean): Map<string, GateStep> | string {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0)
    return `it is not valid YAML (${doc.errors[0]?.message.split('\n')[0] ?? 'parse error'})`;
  const steps = new Map<string, GateStep>();
  const jobs = isMap(doc.contents) ? doc.contents.get('jobs', true) : undefined;
  if (!isMap(jobs)) return steps;
  const lineOf = (node: Node | undefined | null): number =>
    node?.range ? counter.linePos(node.range[0]).line : 1;
  for (const pair of jobs.items) {
    const jobId = scalarText(pair.key) ?? '';
    const job = pair.value;
    if (!isMap(job)) continue;
    const list = job.get('steps', true);
    if (!isSeq(list)) continue;
    const seen = new Map<string, number>();
    for (const step of list.items) {
      if (!isMap(step)) continue;
      const uses = scalarText(step.get('uses', true));
      if (uses === undefined || !isGate(uses)) continue;
      const action = actionOf(uses);
      const occurrence = (seen.get(action) ?? 0) + 1;
      seen.set(action, occurrence);
      const withNode = step.get('with', true);
      const inputs: Record<string, string> = {};
      if (isMap(withNode)) {
        for (const input of withNode.items)
          inputs[scalarText(input.key) ?? ''] = scalarText(input.value) ?? '';
      }
      const entry: GateStep = {
        key: `${jobId}\u0000${action}\u0000${occurrence}`,
        uses,
        with: inputs,
        line: lineOf(step),
      };
      const stepIf = scalarText(step.get('if', true));
      const stepCoe = scalarText(step.get('continue-on-error', true));
      const jobIf = scalarText(job.get('if', true));
      const jobCoe = scalarText(job.get('continue-on-error', true));
      if (stepIf !== undefined) entry.if = stepIf;
      if (stepCoe !== undefined) entry.continueOnError = stepCoe;
      if (jobIf !== undefined) entry.jobIf = jobIf;
      if (jobCoe !== undefined) entry.jobContinueOnError = jobCoe;
      steps.set(entry.key, entry);
    }
  }
  return steps;
}

const describeStep = (key: string): string => {
  const [job, action, occurrence] = key.split('\u0000');
  return `the \`${action ?? ''}\` step${occurrence === '1' ? '' : ` #${occurrence ?? ''}`} of job \`${job ?? ''}\``;
};

const isOff = (value: string | undefined): boolean => value === undefined || value === 'false';

/** Every weakening change between the base and head text of one workflow (`undefined`: no file). */
export function diffWorkflow(
  base: string | undefined,
  head: string | undefined,
  isGate: (uses: string) => boolean,
): WorkflowChange[] | string {
  const before = base === undefined ? new Map<string, GateStep>() : gateStepsOf(base, isGate);
  const after = head === undefined ? new Map<string, GateStep>() : gateStepsOf(head, isGate);
  if (typeof after === 'string') return after;
  // A base we cannot parse judges the head alone: every gate step of it with a condition counts.
  const old = typeof before === 'string' ? new Map<string, GateStep>() : before;
  const changes: WorkflowChange[] = [];
  for (const key of old.keys()) {
    if (!after.has(key)) {
      changes.push({
        pattern: 'step-removed',
        message: `${describeStep(key)} was removed${head === undefined ? ' (the workflow file was deleted)' : ''}.`,
      });
    }
  }
  for (const [key, step] of after) {
    const prior = old.get(key);
    const what = describeStep(key);
    const at = { line: step.line };
    if (prior && prior.uses !== step.uses)
      changes.push({
        ...at,
        pattern: 'action-changed',
        message: `${what} now uses \`${step.uses}\` instead of \`${prior.uses}\`.`,
      });
    if (!isOff(step.continueOnError) && step.continueOnError !== prior?.continueOnError)
      changes.push({
        ...at,
        pattern: 'continue-on-error',
        message: `${what} got \`continue-on-error: ${step.continueOnError ?? ''}\`.`,
      });
    if (!isOff(step.jobContinueOnError) && step.jobContinueOnError !== prior?.jobContinueOnError)
      changes.push({
        ...at,
        pattern: 'continue-on-error',
        message: `The job of ${what} got \`continue-on-error: ${step.jobContinueOnError ?? ''}\`.`,
      });
    if (step.if !== undefined && step.if !== prior?.if)
      changes.push({
        ...at,
        pattern: 'if-condition',
        message: `${what} got the condition \`if: ${step.if}\`${prior?.if === undefined ? '' : ` (was \`${prior.if}\`)`}.`,
      });
    if (step.jobIf !== undefined && step.jobIf !== prior?.jobIf)
      changes.push({
        ...at,
        pattern: 'if-condition',
        message: `The job of ${what} got the condition \`if: ${step.jobIf}\`.`,
      });
    if (!prior) continue;
    const names = new Set([...Object.keys(prior.with), ...Object.keys(step.with)]);
    for (const name of [...names].sort()) {
      const was = prior.with[name];
      const now = step.with[name];
      if (was === now) continue;
      const change =
        was === undefined
          ? `added as \`${now ?? ''}\``
          : now === undefined
            ? `removed (was \`${was}\`)`
            : `\`${was}\` → \`${now}\``;
      changes.push({ ...at, pattern: 'input-changed', message: `Input \`${name}\` of ${what}: ${change}.` });
    }
  }
  return changes;
}
