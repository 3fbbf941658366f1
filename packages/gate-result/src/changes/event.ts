/**
 * The base and head of the triggering event, read from the webhook payload the runner wrote to
 * `GITHUB_EVENT_PATH`. Pure: the runtime passes the parsed JSON and the env values.
 */
import { ConfigError } from '../errors.js';
import type { EventContext } from '../gate.js';

/**
 * Events that belong to a pull request (the REST pull-request endpoints apply). A review event
 * carries the same `pull_request` object: the gates re-run there when a review is submitted or
 * dismissed, so the human checkpoint sees it.
 */
export const PULL_REQUEST_EVENTS = [
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
] as const;

/** Events whose payload names a base and a head that can be diffed. */
export const DIFFABLE_EVENTS = [...PULL_REQUEST_EVENTS, 'merge_group', 'push'] as const;

/** git's "no commit" SHA: `before` of a new branch, `after` of a deleted ref. */
const NULL_SHA = /^0+$/;
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const REPOSITORY = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;

type Json = Record<string, unknown>;

export interface EventEnv {
  GITHUB_REPOSITORY?: string;
  GITHUB_SHA?: string;
}

/**
 * Validates the payload's shape for the events we diff and extracts base, head, PR number and
 * repository. Throws `ConfigError` naming the missing field, because a malformed payload must never
 * read as "nothing changed". Other events get a context without base or head.
 */
export function readEventContext(eventName: string, payload: unknown, env: EventEnv = {}): EventContext {
  if (!isObject(payload)) {
    throw new ConfigError(
      `Expected the ${eventName} event payload (GITHUB_EVENT_PATH) to be a JSON object, got ${describe(payload)}.`,
    );
  }
  const context: EventContext = { name: eventName, payload };
  const repository = readRepository(payload) ?? parseRepository(env.GITHUB_REPOSITORY);
  if (repository) context.repository = repository;
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
    case 'pull_request_review':
    case 'pull_request_review_comment': {
      const pr = field(payload, eventName, 'pull_request');
      context.pullNumber = positiveInteger(pr.number, eventName, 'pull_request.number');
      context.baseSha = sha(
        field(pr, eventName, 'pull_request.base').sha,
        eventName,
        'pull_request.base.sha',
      );
      context.headSha = sha(
        field(pr, eventName, 'pull_request.head').sha,
        eventName,
        'pull_request.head.sha',
      );
      return context;
    }
    case 'merge_group': {
      const group = field(payload, eventName, 'merge_group');
      context.baseSha = sha(group.base_sha, eventName, 'merge_group.base_sha');
      context.headSha = sha(group.head_sha, eventName, 'merge_group.head_sha');
      return context;
    }
    case 'push':
      return readPush(context, payload, env);
    default:
      return context;
  }
}

/** A new branch (`before` all zeros) has no base; a deleted ref (`after` all zeros) has neither. */
function readPush(context: EventContext, payload: Json, env: EventEnv): EventContext {
  const after = payload.after ?? env.GITHUB_SHA;
  const head = sha(after, 'push', 'after');
  if (NULL_SHA.test(head)) return context;
  context.headSha = head;
  if (payload.before === undefined) return context;
  const before = sha(payload.before, 'push', 'before');
  if (!NULL_SHA.test(before)) context.baseSha = before;
  return context;
}

function readRepository(payload: Json): EventContext['repository'] {
  const repo = payload.repository;
  if (!isObject(repo)) return undefined;
  if (typeof repo.full_name === 'string') return parseRepository(repo.full_name);
  const owner = isObject(repo.owner) ? repo.owner.login : undefined;
  if (typeof owner === 'string' && typeof repo.name === 'string')
    return parseRepository(`${owner}/${repo.name}`);
  return undefined;
}

function parseRepository(fullName: string | undefined): EventContext['repository'] {
  const match = fullName === undefined ? null : REPOSITORY.exec(fullName);
  return match ? { owner: match[1] ?? '', repo: match[2] ?? '' } : undefined;
}

function field(object: Json, event: string, name: string): Json {
  const value = object[name.slice(name.lastIndexOf('.') + 1)];
  if (!isObject(value)) {
    throw new ConfigError(
      `Expected \`${name}\` in the ${event} event payload to be an object, got ${describe(value)}.`,
    );
  }
  return value;
}

function sha(value: unknown, event: string, name: string): string {
  if (typeof value !== 'string' || !(SHA.test(value) || (value.length === 40 && NULL_SHA.test(value)))) {
    throw new ConfigError(
      `Expected \`${name}\` in the ${event} event payload to be a commit SHA, got ${describe(value)}.`,
    );
  }
  return value;
}

function positiveInteger(value: unknown, event: string, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ConfigError(
      `Expected \`${name}\` in the ${event} event payload to be a positive integer, got ${describe(value)}.`,
    );
  }
  return value;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, safe description of a payload value: its type, never its (untrusted) text. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return value.length === 0 ? 'an empty string' : `a string of ${value.length} characters`;
  if (value === undefined) return 'nothing';
  return typeof value === 'number' ? `the number ${value}` : `a ${typeof value}`;
}
