/**
 * The one GitHub REST client of the suite: Octokit with the retry and throttling plugins, a
 * per-request timeout, and one time budget for all calls, so no gate waits on GitHub for ever and
 * no failure reads as "no data" (RELIABILITY D1-D9).
 */
import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { GitHubApiError } from '../errors.js';
import type { GitHubClient, GitHubResponse } from '../gate.js';
import { routeLabel, toGitHubApiError } from './github-errors.js';

export interface GitHubClientOptions {
  /** Never logged, never part of an error message. */
  token: string;
  /** `GITHUB_API_URL`; default `https://api.github.com`. */
  baseUrl?: string;
  userAgent?: string;
  /** Per attempt; default 30 s. */
  timeoutMs?: number;
  /** Retries on 5xx and network errors, with 1, 4, 9... backoff units between them; default 3. */
  maxRetries?: number;
  /** Budget for all calls of this client, from its creation; default 5 min. No wait may cross it. */
  deadlineMs?: number;
  /** The backoff unit: 1000 (seconds) in production; tests shrink it. It scales waits, never decisions. */
  backoffUnitMs?: number;
  /** `paginate` refuses to read more pages than this; default 1000. */
  maxPages?: number;
}

/** Statuses a retry cannot fix; 403/429 rate limits are the throttling plugin's to retry. */
const DO_NOT_RETRY = [400, 401, 403, 404, 406, 409, 410, 422, 429, 451];
const SILENT = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

interface HookOptions {
  request: { signal?: AbortSignal; retries?: number; retryCount?: number };
}

/** Creates the client the runtime passes to gates as `GateIO.github`. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  let baseUrl = options.baseUrl ?? 'https://api.github.com';
  while (baseUrl.endsWith('/')) baseUrl = baseUrl.slice(0, -1);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const unit = options.backoffUnitMs ?? 1000;
  const budgetMs = options.deadlineMs ?? 300_000;
  const deadline = Date.now() + budgetMs;
  const maxPages = options.maxPages ?? 1000;
  const fitsBudget = (waitMs: number): boolean => Date.now() + waitMs < deadline;

  /** Innermost hook, run per attempt: the budget check, the timeout, and no retry past the deadline. */
  const deadlinePlugin = (octokit: Octokit): void => {
    octokit.hook.wrap('request', async (request, hookOptions) => {
      const attempt = hookOptions as unknown as HookOptions;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new GitHubApiError(
          undefined,
          `GitHub API calls exceeded their time budget of ${Math.round(budgetMs / 1000)} s; re-run the job.`,
        );
      }
      attempt.request.signal = AbortSignal.timeout(Math.min(timeoutMs, remaining));
      try {
        return await request(hookOptions);
      } catch (error) {
        const nextWait = ((attempt.request.retryCount ?? 0) + 1) ** 2 * unit;
        if (!fitsBudget(nextWait)) attempt.request.retries = 0;
        throw error;
      }
    });
  };

  const Client = Octokit.plugin(deadlinePlugin, retry, throttling);
  const octokit = new Client({
    auth: options.token,
    baseUrl,
    userAgent: options.userAgent ?? 'aeef-gates',
    log: SILENT,
    request: { log: SILENT },
    retry: { retries: options.maxRetries ?? 3, retryAfterBaseValue: unit, doNotRetry: DO_NOT_RETRY },
    throttle: {
      retryAfterBaseValue: unit,
      // One retry, and only when the reset (real seconds) falls inside the budget.
      onRateLimit: (retryAfter: number, _o: unknown, _k: unknown, count: number) =>
        count === 0 && fitsBudget(retryAfter * 1000),
      onSecondaryRateLimit: (retryAfter: number, _o: unknown, _k: unknown, count: number) =>
        count === 0 && fitsBudget(retryAfter * 1000),
    },
  });

  async function call<T>(
    route: string,
    params: Record<string, unknown> | undefined,
    label: string,
  ): Promise<GitHubResponse<T>> {
    try {
      const response = await octokit.request(route, params);
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) headers[name] = String(value);
      }
      return { status: response.status, data: response.data as T, headers };
    } catch (error) {
      throw toGitHubApiError(error, label, timeoutMs);
    }
  }

  return {
    request: <T>(route: string, params?: Record<string, unknown>) => call<T>(route, params, route),

    async paginate<T>(route: string, params: Record<string, unknown> = {}): Promise<T[]> {
      const items: T[] = [];
      const seen = new Set<string>();
      let response = await call<unknown>(route, { per_page: 100, ...params }, route);
      for (let page = 1; ; page++) {
        items.push(...pageItems<T>(response.data, route));
        const next = nextLink(response.headers.link);
        if (next === undefined) return items;
        if (!sameOrigin(next, baseUrl) || seen.has(next) || page >= maxPages) {
          throw new GitHubApiError(
            response.status,
            `GitHub API ${routeLabel(route)} returned a pagination link that leaves the API, repeats, or exceeds ${maxPages} pages.`,
          );
        }
        seen.add(next);
        response = await call<unknown>(`GET ${next}`, undefined, route);
      }
    },
  };
}

/** The `rel="next"` URL of a `Link` header (RFC 8288), as GitHub writes it. */
function nextLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = /^\s*<([^<>]*)>\s*;(.*)$/.exec(part);
    if (match && /\brel="?next"?/.test(match[2] ?? '')) return match[1];
  }
  return undefined;
}

/** Following a link to another host would send it the token. */
function sameOrigin(url: string, baseUrl: string): boolean {
  try {
    const target = new URL(url);
    const base = new URL(baseUrl);
    return target.origin === base.origin;
  } catch {
    return false;
  }
}

/** A page is an array, or a `{ total_count, <items> }` object holding one (search-style endpoints). */
function pageItems<T>(data: unknown, route: string): T[] {
  if (Array.isArray(data)) return data as T[];
  if (typeof data === 'object' && data !== null && 'total_count' in data) {
    const arrays = Object.values(data).filter(Array.isArray);
    if (arrays.length === 1) return arrays[0] as T[];
  }
  throw new GitHubApiError(undefined, `GitHub API ${routeLabel(route)} did not return a list.`);
}
