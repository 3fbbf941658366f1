/**
 * The `policy` category's input: the settings the head's config file changes against the base's, as
 * the runtime's policy-source found them (GateIO.policy), with the line of each in the head's file.
 */
import { LineCounter, parseDocument } from 'yaml';
import { readChangedFileTexts } from '@aeef/gate-result';
import type { ChangeSet, GateIO } from '@aeef/gate-result';
import type { DetectInput } from './detect.js';

export async function policyInput(
  io: GateIO,
  changes: ChangeSet,
): Promise<Pick<DetectInput, 'policy' | 'policyLines' | 'policyProblem'>> {
  const policy = io.policy;
  if (!policy) return {};
  const touched = changes.files.some(
    (file) => file.path === policy.file || file.previousPath === policy.file,
  );
  if (!touched) return {};
  if (!policy.changes) {
    return { policyProblem: policy.problem ?? 'the base and head versions could not both be read' };
  }
  const head = (await readChangedFileTexts(io, changes, [policy.file])).get(policy.file)?.head;
  return { policy: policy.changes, policyLines: head === undefined ? new Map() : settingLines(head) };
}

/** `coverage.min-lines` → its line in the YAML text, for every scalar and collection setting. */
export function settingLines(text: string): Map<string, number> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  const lines = new Map<string, number>();
  const walk = (node: unknown, prefix: string): void => {
    if (!node || typeof node !== 'object' || !('items' in node)) return;
    for (const item of (node as { items: unknown[] }).items) {
      const pair = item as { key?: { value?: unknown; range?: [number, number, number] }; value?: unknown };
      const key = pair.key?.value;
      if (!pair.key || (typeof key !== 'string' && typeof key !== 'number')) continue;
      const name = `${prefix}${key}`;
      if (pair.key.range) lines.set(name, counter.linePos(pair.key.range[0]).line);
      walk(pair.value, `${name}.`);
    }
  };
  walk(doc.contents, '');
  return lines;
}
