/**
 * Where the runtime meets helper `changes`' modules: the event context of this run, the change-set
 * resolver handed to the IO, and the GitHub client. Kept in one place so the action code stays
 * about inputs and publishing.
 */
import { readEventContext } from '../changes/event.js';
import { resolveChangeSet } from '../changes/resolve.js';
import type { ChangeSet, ChangesRequest, EventContext, GitHubClient, Logger } from '../gate.js';
import { createGitHubClient } from './github-client.js';
import { jobIdentity } from './result-file.js';

export interface BridgeEnv {
  GITHUB_REPOSITORY?: string;
  GITHUB_SHA?: string;
  GITHUB_API_URL?: string;
  GITHUB_RUN_ID?: string;
  GITHUB_RUN_ATTEMPT?: string;
  GITHUB_JOB?: string;
  GITHUB_WORKFLOW?: string;
  GITHUB_HEAD_REF?: string;
  GITHUB_REF_NAME?: string;
}

/** The event context of this run; throws `ConfigError` on a malformed payload of a diffable event. */
export function eventContextOf(name: string, payload: Record<string, unknown>, env: BridgeEnv): EventContext {
  const context = readEventContext(name, payload, {
    GITHUB_REPOSITORY: env.GITHUB_REPOSITORY,
    GITHUB_SHA: env.GITHUB_SHA,
  });
  // The metrics export's grouping key needs them; the payload of a push or schedule lacks both.
  const named: EventContext = { ...context, job: jobIdentity(env) };
  if (env.GITHUB_WORKFLOW) named.workflow = env.GITHUB_WORKFLOW;
  const refName = env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME;
  if (refName) named.refName = refName;
  return named;
}

/**
 * The change-set resolver handed to `createLocalIO` (git first, then the REST API; git only for a
 * request `ifFree`).
 */
export function changeSetResolverOf(deps: {
  event: EventContext;
  git: (args: readonly string[]) => Promise<string>;
  github: GitHubClient | undefined;
  log: Logger;
}): (request?: ChangesRequest) => Promise<ChangeSet | undefined> {
  return (request) =>
    resolveChangeSet({
      event: deps.event,
      git: deps.git,
      log: deps.log,
      ...(deps.github === undefined ? {} : { github: deps.github }),
      ...(request?.ifFree ? { ifFree: true } : {}),
    });
}

/** The GitHub client for a token (`undefined`: offline). */
export function githubClientOf(
  token: string | undefined,
  baseUrl: string | undefined,
): GitHubClient | undefined {
  if (!token) return undefined;
  return createGitHubClient({ token, ...(baseUrl ? { baseUrl } : {}) });
}
