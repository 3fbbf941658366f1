import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { GitHubApiError } from '../src/errors.js';
import {
  createGitHubClient,
  GITHUB_DEADLINE_MS,
  GITHUB_MAX_BODY_BYTES,
  type GitHubClientOptions,
} from '../src/runtime/github-client.js';
import {
  linkHeader,
  startGitHubServer,
  type GitHubServer,
  type Route,
} from '../../../test/support/github-server.js';

/** A fake token that must never reach an error message (RELIABILITY D1, E12, E13). */
const SENTINEL = 'ghs_SENTINELtoken0123456789abcdefABCDEF';
const SENTINEL_FORMS = [
  SENTINEL,
  Buffer.from(SENTINEL).toString('base64'),
  Buffer.from(`x-access-token:${SENTINEL}`).toString('base64'),
];
const ROUTE = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files';
const PARAMS = { owner: 'aeef', repo: 'sample', pull_number: 7 };

let server: GitHubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(route: Route, options: Partial<GitHubClientOptions> = {}) {
  server = await startGitHubServer(route);
  const merged: GitHubClientOptions = {
    token: SENTINEL,
    baseUrl: server.url,
    backoffUnitMs: 1,
    timeoutMs: 2000,
    deadlineMs: 10_000,
    ...options,
  };
  // `deadlineMs: undefined` asks for the client's default budget.
  if ('deadlineMs' in options && options.deadlineMs === undefined) delete merged.deadlineMs;
  return createGitHubClient(merged);
}

/** Runs `promise`, expecting a GitHubApiError whose every channel is free of the token. */
async function failure(promise: Promise<unknown>): Promise<GitHubApiError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GitHubApiError);
  const channels = [
    String(error),
    (error as Error).message,
    (error as Error).stack ?? '',
    JSON.stringify(error),
    JSON.stringify(Object.entries(error as object)),
  ];
  for (const channel of channels) for (const form of SENTINEL_FORMS) expect(channel).not.toContain(form);
  expect((error as Error).message).not.toMatch(/\n/);
  return error as GitHubApiError;
}

const epoch = (offsetSeconds: number): string => String(Math.floor(Date.now() / 1000) + offsetSeconds);
const SECONDARY = {
  message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
};

describe(createGitHubClient.name, () => {
  it('paginates over 3 pages by following Link headers, 100 per page, with the token sent', async () => {
    const client = await clientFor((request, github) => {
      const page = Number(request.query.get('page') ?? '1');
      const count = page === 3 ? 50 : 100;
      return {
        body: Array.from({ length: count }, (_, i) => ({ filename: `f${(page - 1) * 100 + i}` })),
        headers: { link: linkHeader(github.url, request.path, page, 3) },
      };
    });
    const files = await client.paginate<{ filename: string }>(ROUTE, PARAMS);
    expect(files).toHaveLength(250);
    expect(files[249]?.filename).toBe('f249');
    expect(server!.requests.map((r) => [r.path, r.query.get('per_page'), r.query.get('page')])).toEqual([
      ['/repos/aeef/sample/pulls/7/files', '100', null],
      ['/repos/aeef/sample/pulls/7/files', '100', '2'],
      ['/repos/aeef/sample/pulls/7/files', '100', '3'],
    ]);
    expect(server!.requests[0]?.headers.authorization).toContain(SENTINEL);
  });

  it('reads a search-style page ({ total_count, items })', async () => {
    const client = await clientFor(() => ({
      body: { total_count: 2, incomplete_results: false, items: [1, 2] },
    }));
    expect(await client.paginate('GET /search/issues', { q: 'x' })).toEqual([1, 2]);
  });

  it('refuses a next link to another host (it would receive the token)', async () => {
    const client = await clientFor(() => ({
      body: [1],
      headers: { link: '<http://127.0.0.2:9/steal?page=2>; rel="next"' },
    }));
    const error = await failure(client.paginate(ROUTE, PARAMS));
    expect(error.message).toMatch(/pagination link/);
    expect(server!.requests).toHaveLength(1);
  });

  it('retries a 502 and returns the 200 that follows', async () => {
    const client = await clientFor(() =>
      server!.requests.length === 1
        ? { status: 502, body: { message: 'Bad gateway' } }
        : { body: { ok: true } },
    );
    const response = await client.request<{ ok: boolean }>('GET /repos/{owner}/{repo}', PARAMS);
    expect(response).toMatchObject({ status: 200, data: { ok: true } });
    expect(server!.requests).toHaveLength(2);
  });

  it('gives up on 502 for ever after 3 retries with an error naming the status', async () => {
    const client = await clientFor(() => ({ status: 502, body: { message: `echo ${SENTINEL}` } }));
    const error = await failure(client.request('GET /repos/{owner}/{repo}', PARAMS));
    expect(error.status).toBe(502);
    expect(error.message).toBe(
      'GitHub API GET /repos/{owner}/{repo} failed with 502 after retries; GitHub may be unavailable, re-run the job.',
    );
    expect(server!.requests).toHaveLength(4);
  });

  it('stops retrying when the next backoff would cross the time budget', async () => {
    const started = Date.now();
    const client = await clientFor(() => ({ status: 503 }), { backoffUnitMs: 100, deadlineMs: 600 });
    const error = await failure(client.request('GET /repos/{owner}/{repo}', PARAMS));
    expect(error.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(server!.requests.length).toBeGreaterThanOrEqual(2);
    expect(server!.requests.length).toBeLessThan(4); // waits of 100 and 400 ms fit the budget, 900 ms does not
  });

  it('retries a reset connection (ECONNRESET), then succeeds', async () => {
    const client = await clientFor(() => (server!.requests.length < 3 ? 'reset' : { body: { ok: true } }));
    expect((await client.request('GET /repos/{owner}/{repo}', PARAMS)).data).toEqual({ ok: true });
    expect(server!.requests).toHaveLength(3);
  });

  it('fails with "no response" when every connection is reset', async () => {
    const client = await clientFor(() => 'reset');
    const error = await failure(client.request('GET /repos/{owner}/{repo}', PARAMS));
    expect(error.message).toMatch(/no response from GitHub/);
    expect(server!.requests).toHaveLength(4);
  });

  it('times out a request that never answers, retries, then fails within the budget', async () => {
    const started = Date.now();
    const client = await clientFor(() => 'hang', { timeoutMs: 150, maxRetries: 1 });
    const error = await failure(client.request('GET /repos/{owner}/{repo}', PARAMS));
    expect(error.status).toBeUndefined();
    expect(error.message).toMatch(/no response from GitHub/);
    expect(server!.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it.each([
    ['a reset in the past', -30],
    ['a reset 1 s away', 1],
  ])('retries a primary rate limit once with %s', async (_label, offset) => {
    const client = await clientFor(() =>
      server!.requests.length === 1
        ? {
            status: 403,
            headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epoch(offset) },
            body: { message: 'API rate limit exceeded' },
          }
        : { body: [] },
    );
    expect((await client.request('GET /repos/{owner}/{repo}', PARAMS)).status).toBe(200);
    expect(server!.requests).toHaveLength(2);
  });

  it('fails at once on a primary rate limit that resets beyond the budget (50 min)', async () => {
    const started = Date.now();
    const client = await clientFor(() => ({
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epoch(3000) },
      body: { message: 'API rate limit exceeded for installation ID 1.' },
    }));
    const error = await failure(client.request(ROUTE, PARAMS));
    expect(error.message).toMatch(/failed with 403: rate-limited by GitHub/);
    expect(server!.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('retries a secondary rate limit (retry-after) once, then fails', async () => {
    const client = await clientFor(() => ({ status: 403, headers: { 'retry-after': '1' }, body: SECONDARY }));
    const error = await failure(client.request(ROUTE, PARAMS));
    expect(error.message).toMatch(/rate-limited/);
    expect(server!.requests).toHaveLength(2);
  });

  it('succeeds after one secondary rate limit answered with 429', async () => {
    const client = await clientFor(() =>
      server!.requests.length === 1
        ? { status: 429, headers: { 'retry-after': '1' }, body: SECONDARY }
        : { body: [] },
    );
    expect(await client.paginate(ROUTE, PARAMS)).toEqual([]);
    expect(server!.requests).toHaveLength(2);
  });

  it.each([
    [
      401,
      {},
      'GitHub API GET /repos/{owner}/{repo}/pulls/{pull_number}/files failed with 401: the token is invalid or expired; check the `github-token` input.',
    ],
    [
      403,
      {},
      "GitHub API GET /repos/{owner}/{repo}/pulls/{pull_number}/files failed with 403: the token lacks the `pull-requests: read` permission (set it in the workflow's `permissions:`) or is rate-limited.",
    ],
    [
      404,
      {},
      'GitHub API GET /repos/{owner}/{repo}/pulls/{pull_number}/files failed with 404: not found, or the token has no access to the repository.',
    ],
    [
      422,
      {},
      'GitHub API GET /repos/{owner}/{repo}/pulls/{pull_number}/files failed with 422: GitHub could not process the request (an unknown commit, or a diff too large to compute).',
    ],
  ])('turns %s into one actionable sentence, without retrying', async (status, headers, message) => {
    const client = await clientFor(() => ({
      status,
      headers,
      body: { message: `Bad credentials ${SENTINEL}`, documentation_url: 'https://docs.github.com' },
    }));
    const error = await failure(client.paginate(ROUTE, PARAMS));
    expect(error).toMatchObject({ status, message });
    expect(server!.requests).toHaveLength(1);
  });

  it('fails fast once the time budget is spent', async () => {
    const client = await clientFor(() => ({ body: [] }), { deadlineMs: 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const error = await failure(client.request(ROUTE, PARAMS));
    expect(error.message).toMatch(/time budget/);
    expect(server!.requests).toHaveLength(0);
  });
});

describe('createGitHubClient budgets', () => {
  it('gives all calls of a gate one 60 s budget by default', async () => {
    let now = 1_000_000;
    const client = await clientFor(() => ({ body: [] }), { deadlineMs: undefined, clock: () => now });
    expect((await client.request(ROUTE, PARAMS)).status).toBe(200);
    now += GITHUB_DEADLINE_MS + 1;
    const error = await failure(client.request(ROUTE, PARAMS));
    expect(error.message).toBe('GitHub API calls exceeded their time budget of 60 s; re-run the job.');
    expect(server!.requests).toHaveLength(1);
  });

  it('stops a silent server at the deadline, not after every retry has timed out', async () => {
    const started = Date.now();
    const client = await clientFor(() => 'hang', { timeoutMs: 30_000, maxRetries: 3, deadlineMs: 400 });
    const error = await failure(client.request(ROUTE, PARAMS));
    expect(error.message).toMatch(/no response from GitHub|time budget/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a gzip body that inflates past the cap, without reading it whole', async () => {
    // 128 MiB of spaces in about 128 KiB of gzip: counted after decompression, stopped at 64 MiB.
    const bomb = gzipSync(Buffer.alloc(128 * 1024 * 1024, ' '), { level: 9 });
    // Generous timeouts: inflating 64 MiB on a loaded machine may take seconds, and must not read as a timeout.
    const client = await clientFor(() => ({ headers: { 'content-encoding': 'gzip' }, body: bomb }), {
      timeoutMs: 30_000,
      deadlineMs: 60_000,
    });
    const before = process.memoryUsage().rss;
    const error = await failure(client.paginate(ROUTE, PARAMS));
    expect(error.message).toBe(
      'GitHub API GET /repos/{owner}/{repo}/pulls/{pull_number}/files sent a response body over the 64 MiB limit (counted after decompression); refusing to read it.',
    );
    expect(process.memoryUsage().rss - before).toBeLessThan(GITHUB_MAX_BODY_BYTES * 2);
    expect(server!.requests).toHaveLength(1);
  }, 60_000);

  it('says the JSON is malformed instead of "did not return a list"', async () => {
    const client = await clientFor(() => ({ body: '[{"filename":"a.ts"},' }));
    const error = await failure(client.paginate(ROUTE, PARAMS));
    expect(error.message).toBe(
      'The response of GitHub API GET /repos/{owner}/{repo}/pulls/{pull_number}/files is not valid JSON because it ends before its JSON is complete (truncated?).',
    );
    const duplicate = await clientFor(() => ({ body: '{"sha":"a","sha":"b"}' }));
    expect((await failure(duplicate.request('GET /repos/{owner}/{repo}', PARAMS))).message).toMatch(
      /repeats the key "sha"/,
    );
  });

  it('follows the payload count: pages past the expected items are refused', async () => {
    const page = Array.from({ length: 100 }, (_, i) => ({ filename: `f${i}.ts` }));
    const client = await clientFor((request) => {
      const n = Number(request.query.get('page') ?? '1');
      return { headers: { link: linkHeader(server!.url, request.path, n, 1_000_000) }, body: page };
    });
    const error = await failure(client.paginate(ROUTE, PARAMS, { expectedItems: 150 }));
    expect(error.message).toBe(
      'GitHub API GET /repos/{owner}/{repo}/pulls/{pull_number}/files kept paginating past more than 3 pages for 150 expected items; refusing to read further.',
    );
    expect(server!.requests).toHaveLength(3);
  });

  it('caps pages at 100 when no count is known', async () => {
    const client = await clientFor((request) => {
      const n = Number(request.query.get('page') ?? '1');
      return { headers: { link: linkHeader(server!.url, request.path, n, 1_000_000) }, body: [] };
    });
    const error = await failure(client.paginate(ROUTE, PARAMS));
    expect(error.message).toMatch(/kept paginating past more than 100 pages/);
    expect(server!.requests).toHaveLength(100);
  });
});
