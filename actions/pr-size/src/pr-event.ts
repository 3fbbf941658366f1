/**
 * The PR (or merge-queue group) being measured, read from the event payload and checked: a size
 * gate that guesses its base or head would measure the wrong change.
 */
import { ConfigError } from '@aeef/gate-result';
import type { EventContext } from '@aeef/gate-result';

export const SUPPORTED_EVENTS = ['pull_request', 'pull_request_target', 'merge_group'] as const;

/** The PR's own totals, as GitHub computed them. */
export interface PullTotals {
  additions: number;
  deletions: number;
  changedFiles: number;
}

export interface SizeTarget {
  event: (typeof SUPPORTED_EVENTS)[number];
  owner?: string;
  repo?: string;
  /** Absent for merge_group. */
  pullNumber?: number;
  baseSha: string;
  headSha: string;
  /** From the payload, when present (pull_request webhooks carry them). */
  totals?: PullTotals;
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function sha(value: unknown, where: string): string {
  if (typeof value !== 'string' || !SHA.test(value)) {
    throw new ConfigError(
      `Expected \`${where}\` in the event payload to be a commit SHA, got ${JSON.stringify(value) ?? 'nothing'}.`,
    );
  }
  return value;
}

function count(pr: Record<string, unknown>, key: string): number | undefined {
  const value = pr[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ConfigError(
      `Expected \`pull_request.${key}\` in the event payload to be a whole number of 0 or more, got ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

function readTotals(pr: Record<string, unknown>): PullTotals | undefined {
  const additions = count(pr, 'additions');
  const deletions = count(pr, 'deletions');
  const changedFiles = count(pr, 'changed_files');
  if (additions === undefined || deletions === undefined || changedFiles === undefined) return undefined;
  return { additions, deletions, changedFiles };
}

function readRepository(
  event: EventContext,
  payload: Record<string, unknown>,
): { owner?: string; repo?: string } {
  if (event.repository) return event.repository;
  const fullName = record(payload.repository)?.full_name;
  if (typeof fullName === 'string' && /^[^/\s]+\/[^/\s]+$/.test(fullName)) {
    const [owner, repo] = fullName.split('/') as [string, string];
    return { owner, repo };
  }
  return {};
}

/** Throws a ConfigError naming the supported events, the missing payload or the bad field. */
export function readSizeTarget(event: EventContext): SizeTarget {
  const name = event.name;
  if (!(SUPPORTED_EVENTS as readonly string[]).includes(name)) {
    throw new ConfigError(
      `The pr-size gate does not support the \`${name}\` event; run it on ${SUPPORTED_EVENTS.map((e) => `\`${e}\``).join(', ')}.`,
    );
  }
  const payload = record(event.payload) ?? {};
  const repository = readRepository(event, payload);
  if (name === 'merge_group') {
    const group = record(payload.merge_group);
    if (!group)
      throw new ConfigError(
        'Expected a `merge_group` object in the event payload (GITHUB_EVENT_PATH); none was found.',
      );
    return {
      event: name,
      ...repository,
      baseSha: sha(group.base_sha, 'merge_group.base_sha'),
      headSha: sha(group.head_sha, 'merge_group.head_sha'),
    };
  }
  const pr = record(payload.pull_request);
  if (!pr)
    throw new ConfigError(
      `Expected a \`pull_request\` object in the ${name} event payload (GITHUB_EVENT_PATH); none was found.`,
    );
  const number = pr.number ?? payload.number;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) {
    throw new ConfigError(
      `Expected \`pull_request.number\` in the event payload to be a PR number, got ${JSON.stringify(number) ?? 'nothing'}.`,
    );
  }
  const totals = readTotals(pr);
  return {
    event: name as SizeTarget['event'],
    ...repository,
    pullNumber: number,
    baseSha: sha(record(pr.base)?.sha, 'pull_request.base.sha'),
    headSha: sha(record(pr.head)?.sha, 'pull_request.head.sha'),
    ...(totals ? { totals } : {}),
  };
}
