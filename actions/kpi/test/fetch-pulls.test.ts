/**
 * The delivery-KPI fetch through the real GitHub client against a local server serving
 * recorded-shape responses (list item fields as in test/fixtures/github/rest-pull-request-*).
 */
import { createGitHubClient } from '@aeef/gate-result/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchMergedPulls } from '../src/fetch-pulls.js';
import {
  startGitHubServer,
  type GitHubServer,
  type SeenRequest,
} from '../../../test/support/github-server.js';

const UNTIL = Date.parse('2026-11-20T00:00:00Z');
const DAY = 86_400_000;

/** A closed PR updated `ageDays` before UNTIL; merged unless `merged` is false. */
function listItem(number: number, ageDays: number, merged = true) {
  const at = new Date(UNTIL - ageDays * DAY).toISOString();
  return {
    number,
    created_at: new Date(UNTIL - (ageDays + 1) * DAY).toISOString(),
    updated_at: at,
    merged_at: merged ? at : null,
    user: { login: 'dev' },
  };
}

let server: GitHubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function pullsRoute(
  pages: ReturnType<typeof listItem>[][],
  overrides: (
    r: SeenRequest,
  ) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined = () => undefined,
) {
  return (request: SeenRequest) => {
    const special = overrides(request);
    if (special) return special;
    if (request.path === '/repos/aeef/sample/pulls') {
      return { body: pages[Number(request.query.get('page') ?? '1') - 1] ?? [] };
    }
    const detail = /^\/repos\/aeef\/sample\/pulls\/(\d+)$/.exec(request.path);
    if (detail) return { body: { number: Number(detail[1]), additions: 10, deletions: 5 } };
    if (/\/reviews$/.test(request.path)) {
      return {
        body: [
          {
            state: 'APPROVED',
            submitted_at: '2026-11-10T00:00:00Z',
            user: { login: 'reviewer', type: 'User' },
          },
        ],
      };
    }
    return { status: 404, body: { message: 'Not Found' } };
  };
}

const client = (url: string) =>
  createGitHubClient({
    token: 'ghs_sentinelTOKEN123',
    baseUrl: url,
    backoffUnitMs: 1,
    maxRetries: 1,
    deadlineMs: 20_000,
  });

describe(fetchMergedPulls.name, () => {
  it('pages until the window ends and keeps only merges inside it', async () => {
    const page1 = Array.from({ length: 100 }, (_, i) => listItem(i + 1, i * 0.2, i % 10 !== 0));
    const page2 = [
      listItem(101, 25),
      listItem(102, 45),
      ...Array.from({ length: 98 }, (_, i) => listItem(200 + i, 50)),
    ];
    server = await startGitHubServer(pullsRoute([page1, page2, [listItem(999, 10)]]));
    const sut = await fetchMergedPulls(client(server.url), {
      owner: 'aeef',
      repo: 'sample',
      windowDays: 30,
      until: UNTIL,
      maxPulls: 500,
      maxCommitPulls: 0,
    });
    // 90 merged on page 1, one (101) on page 2; page 2 ends before the window, so page 3 is never read.
    expect(sut.pulls).toHaveLength(91);
    expect(sut.capped).toBe(false);
    expect(
      server.requests.filter((r) => r.path === '/repos/aeef/sample/pulls').map((r) => r.query.get('page')),
    ).toEqual(['1', '2']);
    expect(sut.pulls[0]).toMatchObject({
      changedLines: 15,
      reviews: [{ state: 'APPROVED', author: 'reviewer', authorIsBot: false }],
    });
    expect(sut.requests).toBe(2 + 91 * 2);
  });

  it('samples only the most recent merges beyond the cap, and says so', async () => {
    server = await startGitHubServer(pullsRoute([[listItem(1, 1), listItem(2, 2), listItem(3, 3)]]));
    const sut = await fetchMergedPulls(client(server.url), {
      owner: 'aeef',
      repo: 'sample',
      windowDays: 30,
      until: UNTIL,
      maxPulls: 2,
      maxCommitPulls: 0,
    });
    expect(sut.pulls.map((p) => p.number)).toEqual([1, 2]);
    expect(sut.capped).toBe(true);
  });

  it('fails with an actionable message on 403, never echoing the token', async () => {
    server = await startGitHubServer(
      pullsRoute([], () => ({ status: 403, body: { message: 'Resource not accessible by integration' } })),
    );
    const error = await fetchMergedPulls(client(server.url), {
      owner: 'aeef',
      repo: 'sample',
      windowDays: 30,
      until: UNTIL,
      maxPulls: 5,
      maxCommitPulls: 0,
    }).then(
      () => new Error('expected a failure'),
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/403/);
    expect(error.message).not.toContain('ghs_sentinel');
  });

  it('retries a rate limit that resets soon and then succeeds', async () => {
    let limited = true;
    server = await startGitHubServer(
      pullsRoute([[listItem(1, 1)]], (r) => {
        if (r.path === '/repos/aeef/sample/pulls' && limited) {
          limited = false;
          return {
            status: 403,
            body: { message: 'API rate limit exceeded' },
            headers: {
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000)),
            },
          };
        }
        return undefined;
      }),
    );
    const sut = await fetchMergedPulls(client(server.url), {
      owner: 'aeef',
      repo: 'sample',
      windowDays: 30,
      until: UNTIL,
      maxPulls: 5,
      maxCommitPulls: 0,
    });
    expect(sut.pulls).toHaveLength(1);
  });
});
