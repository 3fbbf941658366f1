/**
 * The one GitHub REST client of the suite: Octokit with the retry and throttling plugins, a
 * per-request timeout, one time budget for all calls of a gate (60 s), a cap on every response
 * body after decompression, pages capped by the counts the caller knows, and response JSON read by
 * the suite's strict reader, so no gate waits on GitHub for ever, no body exhausts memory and no
 * failure reads as "no data" (RELIABILITY D1-D9, B21).
 */
import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { GitHubApiError, ReportError } from '../errors.js';
import type { GitHubClient, GitHubResponse, PaginateOptions } from '../gate.js';
import { formatBytes } from '../json/limits.js';
import { decodeUtf8, parseJsonText } from '../json/read.js';
import { routeLabel, toGitHubApiError } from './github-errors.js';

/** All GitHub calls of one gate share this budget, retries and rate-limit waits included. */
export const GITHUB_DEADLINE_MS = 60_000;
/** Largest response body read, after gzip is undone: a page of 100 files with patches is a few MiB. */
export const GITHUB_MAX_BODY_BYTES = 64 * 1024 * 1024;
/** Pages read when the caller knows no count: 10,000 items at 100 per page. */
export const GITHUB_MAX_PAGES = 100;

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
  /** Budget for all calls of this client, from its creation; default 60 s. No wait may cross it. */
  deadlineMs?: number;
  /** Largest response body, counted after decompression; default 64 MiB. */
  maxBodyBytes?: number;
  /** Milliseconds since the epoch; tests move it to spend the budget without waiting. */
  clock?: () => number;
  /** The backoff unit: 1000 (seconds) in production; tests shrink it. It scales waits, never decisions. */
  backoffUnitMs?: number;
  /** `paginate` refuses to read more pages than this when the caller gives no count; default 100. */
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

/** Thrown inside a request when the body passes the cap; `call` names the route. */
class BodyTooLarge extends Error {}

/** The body bytes of a response, refused past `maxBytes` (counted as they arrive, never buffered whole). */
async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * `fetch` whose body stream errors once it passes `maxBytes` (fetch has undone gzip by then), so
 * even the error bodies Octokit reads itself stay bounded.
 */
function cappedFetch(maxBytes: number): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.body === null || [101, 204, 205, 304].includes(response.status)) return response;
    let seen = 0;
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > maxBytes) controller.error(new BodyTooLarge());
          else controller.enqueue(chunk);
        },
      }),
    );
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** A JSON body parsed strictly; any other media type stays text. */
function parseBody(bytes: Buffer, contentType: string | undefined, label: string): unknown {
  if (bytes.length === 0) return '';
  const text = decodeUtf8(bytes, label, 'a JSON body');
  if (!/[/+]json\b/i.test(contentType ?? '')) return text;
  return parseJsonText(text, label, { noun: 'response of' });
}

/** Creates the client the runtime passes to gates as `GateIO.github`. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  let baseUrl = options.baseUrl ?? 'https://api.github.com';
  while (baseUrl.endsWith('/')) baseUrl = baseUrl.slice(0, -1);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const unit = options.backoffUnitMs ?? 1000;
  const budgetMs = options.deadlineMs ?? GITHUB_DEADLINE_MS;
  const maxBodyBytes = options.maxBodyBytes ?? GITHUB_MAX_BODY_BYTES;
  const clock = options.clock ?? Date.now;
  const deadline = clock() + budgetMs;
  const maxPages = options.maxPages ?? GITHUB_MAX_PAGES;
  const fitsBudget = (waitMs: number): boolean => clock() + waitMs < deadline;

  /** Innermost hook, run per attempt: the budget check, the timeout, and no retry past the deadline. */
  const deadlinePlugin = (octokit: Octokit): void => {
    octokit.hook.wrap('request', async (request, hookOptions) => {
      const attempt = hookOptions as unknown as HookOptions;
      const remaining = deadline - clock();
      if (remaining <= 0) {
        throw new GitHubApiError(
          undefined,
          `GitHub API calls exceeded their time budget of ${Math.round(budgetMs / 1000)} s; re-run the job.`,
        );
      }
      attempt.request.signal = AbortSignal.timeout(Math.min(timeoutMs, remaining));
      try {
        const response = await request(hookOptions);
        // The body is read here, inside the attempt: a body that stalls times out and is retried.
        const body = response.data as unknown;
        if (body instanceof ReadableStream) {
          const bytes = await readCapped(body as ReadableStream<Uint8Array>, maxBodyBytes).catch(
            (error: unknown) => {
              if (error instanceof BodyTooLarge) throw error;
              // A timeout or reset mid-body: as retryable as one before the headers.
              throw Object.assign(new Error('The response body did not arrive.'), { status: 500 });
            },
          );
          return { ...response, data: bytes };
        }
        return response;
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
    // Bodies are read (capped) and parsed (strictly) by this client, never by Octokit.
    request: { log: SILENT, fetch: cappedFetch(maxBodyBytes), parseSuccessResponseBody: false },
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
    const shown = `GitHub API ${routeLabel(label)}`;
    let response;
    try {
      response = await octokit.request(route, params);
    } catch (error) {
      if (error instanceof BodyTooLarge) throw tooLarge(shown);
      throw toGitHubApiError(error, label, timeoutMs);
    }
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[name] = String(value);
    }
    let data: unknown = response.data;
    if (Buffer.isBuffer(data)) {
      try {
        data = parseBody(data, headers['content-type'], shown);
      } catch (error) {
        if (error instanceof ReportError) throw new GitHubApiError(response.status, error.message);
        throw error;
      }
    }
    return { status: response.status, data: data as T, headers };
  }

  const tooLarge = (shown: string): GitHubApiError =>
    new GitHubApiError(
      undefined,
      `${shown} sent a response body over the ${formatBytes(maxBodyBytes)} limit (counted after decompression); refusing to read it.`,
    );

  return {
    request: <T>(route: string, params?: Record<string, unknown>) => call<T>(route, params, route),

    async paginate<T>(
      route: string,
      params: Record<string, unknown> = {},
      paging: PaginateOptions = {},
    ): Promise<T[]> {
      const perPage = typeof params.per_page === 'number' && params.per_page > 0 ? params.per_page : 100;
      // A count the payload gives (changed_files, commits) bounds the pages; one more page of slack
      // lets the list grow while we read it.
      const pageCap =
        paging.expectedItems === undefined
          ? maxPages
          : Math.min(maxPages, Math.ceil(Math.max(paging.expectedItems, 1) / perPage) + 1);
      const items: T[] = [];
      const seen = new Set<string>();
      let response = await call<unknown>(route, { per_page: perPage, ...params }, route);
      for (let page = 1; ; page++) {
        items.push(...pageItems<T>(response.data, route));
        const next = nextLink(response.headers.link);
        if (next === undefined) return items;
        if (page >= pageCap) {
          const why =
            paging.expectedItems === undefined
              ? `more than ${pageCap} pages`
              : `more than ${pageCap} pages for ${paging.expectedItems} expected items`;
          throw new GitHubApiError(
            response.status,
            `GitHub API ${routeLabel(route)} kept paginating past ${why}; refusing to read further.`,
          );
        }
        if (!sameOrigin(next, baseUrl) || seen.has(next)) {
          throw new GitHubApiError(
            response.status,
            `GitHub API ${routeLabel(route)} returned a pagination link that leaves the API or repeats.`,
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
