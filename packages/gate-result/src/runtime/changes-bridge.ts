/**
 * INTEGRATION POINT with helper `changes` (src/changes/, runtime/github-client.ts). Until their
 * modules are on this branch, the event context is read minimally here and `changes()` resolves to
 * `undefined` (gates then report patch metrics as not measurable, which fails a patch threshold:
 * fail closed). The integrator replaces the two bodies below with `readEventContext` and
 * `resolveChangeSet` from '../changes/index.js' and `createGitHubClient` from './github-client.js'.
 */
import type { ChangeSet, EventContext, GitHubClient, Logger } from '../gate.js';

export interface BridgeEnv {
  GITHUB_REPOSITORY?: string;
  GITHUB_SHA?: string;
  GITHUB_API_URL?: string;
}

/** The event context of this run (throws `ConfigError` on a malformed payload once wired). */
export function eventContextOf(name: string, payload: Record<string, unknown>, env: BridgeEnv): EventContext {
  const context: EventContext = { name, payload };
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (owner && repo) context.repository = { owner, repo };
  const pr = payload.pull_request as
    { number?: unknown; base?: { sha?: unknown }; head?: { sha?: unknown } } | undefined;
  if (pr !== undefined && typeof pr === 'object') {
    if (typeof pr.number === 'number') context.pullNumber = pr.number;
    if (typeof pr.base?.sha === 'string') context.baseSha = pr.base.sha;
    if (typeof pr.head?.sha === 'string') context.headSha = pr.head.sha;
  }
  return context;
}

/** The change-set resolver handed to `createLocalIO`. */
export function changeSetResolverOf(_deps: {
  event: EventContext;
  git: (args: readonly string[]) => Promise<string>;
  github: GitHubClient | undefined;
  log: Logger;
}): () => Promise<ChangeSet | undefined> {
  return () => Promise.resolve(undefined);
}

/** The GitHub client for a token (`undefined`: offline). */
export function githubClientOf(
  _token: string | undefined,
  _baseUrl: string | undefined,
): GitHubClient | undefined {
  return undefined;
}
