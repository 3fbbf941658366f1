/**
 * Which policy judged this run, and what the PR's own config file would have changed. Pure: the
 * runtime reads the two files (runtime/policy-source.ts); this compares their settings, says in
 * one sentence which policy was used, and carries the differences on the result and on `GateIO`,
 * so the integrity gate can report a lowered bar as a finding.
 */
import type { GateResult, Section } from '../result.js';

/** Where the policy comes from: the base commit's config file, or the checkout's. */
export type PolicySource = 'base' | 'head';

/** Events that judge a change against a base: the policy is the base's file by default. */
export const BASE_POLICY_EVENTS = [
  'pull_request',
  'pull_request_target',
  'merge_group',
  'pull_request_review',
  'pull_request_review_comment',
] as const;

/** `base` on the events of `BASE_POLICY_EVENTS`, `head` on every other (push, schedule, the CLI without `--base`). */
export function defaultPolicySource(eventName: string): PolicySource {
  return (BASE_POLICY_EVENTS as readonly string[]).includes(eventName) ? 'base' : 'head';
}

/** One setting that differs between the base's file and the head's; `null` means unset there. */
export interface PolicyChange {
  /** Dotted path: `coverage.min-lines`, `gates`, `approval.min-approvals`. */
  setting: string;
  base: string | null;
  head: string | null;
}

/** How the policy file was read: `git show`, the contents API, the checkout, or absent (`none`). */
export type PolicyOrigin = 'git' | 'api' | 'checkout' | 'none';

/** The policy of this run, as the runtime found it. Attached to results as `policy`. */
export interface PolicyRecord {
  source: PolicySource;
  /** Why this source: `the policy-source input`, `the default on pull_request`, ... */
  reason: string;
  /** The config file path, repository-relative as configured. */
  file: string;
  /** How the policy in force was read; `none`: no file there, so defaults and step inputs. */
  origin: PolicyOrigin;
  /** The base commit (or the CLI's `--base` ref) when one was involved. */
  base?: string;
  /**
   * Every setting the head's file changes against the base's; `undefined` when there was no base to
   * compare with (push, the CLI without `--base`) or the other side could not be read.
   */
  changes?: PolicyChange[];
  /** Why the side that is not in force could not be read (then `changes` is unset). */
  problem?: string;
}

/** A parsed YAML value flattened to `dotted.path → text`; lists joined with `, `. */
export function flattenSettings(
  root: unknown,
  prefix = '',
  out: Record<string, string> = {},
): Record<string, string> {
  if (root === null || root === undefined) return out;
  if (Array.isArray(root)) {
    out[prefix] = root.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ');
  } else if (typeof root === 'object') {
    const entries = Object.entries(root as Record<string, unknown>);
    if (entries.length === 0 && prefix !== '') out[prefix] = '';
    for (const [key, value] of entries) flattenSettings(value, prefix === '' ? key : `${prefix}.${key}`, out);
  } else out[prefix] = typeof root === 'string' ? root : JSON.stringify(root);
  return out;
}

/**
 * Every setting whose text differs between the base's settings and the head's (flattened with
 * `flattenSettings`), sorted by setting. Text, not meaning: `80` and `80.0` differ, which errs on the
 * side of showing a change.
 */
export function diffPolicies(
  base: Readonly<Record<string, string>>,
  head: Readonly<Record<string, string>>,
): PolicyChange[] {
  const names = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
  const changes: PolicyChange[] = [];
  for (const setting of names) {
    const before = Object.hasOwn(base, setting) ? (base[setting] ?? null) : null;
    const after = Object.hasOwn(head, setting) ? (head[setting] ?? null) : null;
    if (before !== after) changes.push({ setting, base: before, head: after });
  }
  return changes;
}

const MAX_VALUE = 120;

function shown(value: string | null): string {
  if (value === null) return '(unset)';
  const flat = value.replace(/\s*[\r\n]+\s*/g, ', ');
  return flat.length > MAX_VALUE ? `${flat.slice(0, MAX_VALUE)}…` : flat === '' ? '""' : flat;
}

/** `coverage.min-lines: 80 → 0`. Raw text: the summary renderer escapes it. */
export function formatPolicyChange(change: PolicyChange): string {
  return `${change.setting}: ${shown(change.base)} → ${shown(change.head)}`;
}

/** The changes that concern one gate: its section, the `gates` list and the shared `approval` section. */
export function changesForGate(changes: readonly PolicyChange[], gate: string): PolicyChange[] {
  return changes.filter(
    (c) => c.setting === 'gates' || c.setting.startsWith(`${gate}.`) || c.setting.startsWith('approval.'),
  );
}

function shortSha(ref: string): string {
  return /^[0-9a-f]{40,64}$/.test(ref) ? ref.slice(0, 7) : ref;
}

/** One sentence: which policy judged this run, and why. */
export function describePolicy(record: PolicyRecord): string {
  const file = record.file;
  if (record.source === 'head') {
    const where =
      record.origin === 'none'
        ? `defaults and step inputs (no \`${file}\` in the checkout)`
        : `\`${file}\` in the checkout`;
    return `Policy: ${where}, from ${record.reason}.`;
  }
  const at = record.base === undefined ? 'the base' : `the base ${shortSha(record.base)}`;
  if (record.origin === 'none') {
    return `Policy: defaults and step inputs, from ${record.reason}: \`${file}\` does not exist at ${at}, and the head's file is not used.`;
  }
  const how = record.origin === 'git' ? 'read with git' : 'read through the contents API';
  return `Policy: \`${file}\` as it is at ${at} (${how}), from ${record.reason}.`;
}

/** The summary section for one gate: the sentence, then every setting of its concern that the head changes. */
export function policySection(record: PolicyRecord, gate: string): Section {
  const notes = [describePolicy(record)];
  if (record.problem !== undefined) notes.push(record.problem);
  if (record.changes !== undefined) {
    const own = changesForGate(record.changes, gate);
    const others = record.changes.length - own.length;
    if (record.changes.length === 0) notes.push("The head's config file sets the same policy as the base's.");
    else if (own.length > 0) {
      notes.push(
        record.source === 'base'
          ? `The head's config file would change ${own.length} setting${own.length === 1 ? '' : 's'} (not in force):`
          : `The head's config file changes ${own.length} setting${own.length === 1 ? '' : 's'} against the base's (in force):`,
      );
      notes.push(...own.map(formatPolicyChange));
    }
    if (others > 0)
      notes.push(
        `${others} setting${others === 1 ? '' : 's'} of other gates differ too (listed in the result file).`,
      );
  }
  return { title: 'Policy', notes };
}

/** The result with the policy attached: the record as data, and its section in the summary. */
export function withPolicy(result: GateResult, record: PolicyRecord | undefined): GateResult {
  if (record === undefined) return result;
  return { ...result, policy: record, details: [...result.details, policySection(record, result.gate)] };
}
