/**
 * The checkpoint against a local HTTP server standing in for the REST API: what counts, all pages
 * read, errors that name the permission, and no token in any output.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  linkHeader,
  startGitHubServer,
  type GitHubServer,
  type Reply,
  type SeenRequest,
} from '../../../../test/support/github-server.js';
import { checkHumanCheckpoint, type CheckpointIO } from '../../src/checkpoint/fetch.js';
import { checkpointSection } from '../../src/checkpoint/render.js';
import { APPROVAL_INPUTS, approvalPolicyOf, type ApprovalPolicy } from '../../src/checkpoint/settings.js';
import type { EventContext, Gate } from '../../src/gate.js';
import { createResult } from '../../src/result-builder.js';
import { runGateAction } from '../../src/runtime/action.js';
import { createGitHubClient } from '../../src/runtime/github-client.js';
import { useRunnerEnv } from '../runtime/env.js';

const TOKEN = 'ghs_checkpointSecretToken0123456789abcdef';
const HEAD = 'c'.repeat(40);
const OLD = 'd'.repeat(40);
const REVIEWS = '/repos/aeef/sample/pulls/7/reviews';
const COMMITS = '/repos/aeef/sample/pulls/7/commits';
const POLICY: ApprovalPolicy = {
  minApprovals: 1,
  approvers: [],
  approverNotCommitter: true,
  allowStaleApprovals: false,
};

const pullRequest = {
  number: 7,
  user: { login: 'author', type: 'User' },
  base: { sha: 'b'.repeat(40) },
  head: { sha: HEAD },
};
const EVENT: EventContext = {
  name: 'pull_request_review',
  payload: { pull_request: pullRequest, review: { state: 'approved' } },
  repository: { owner: 'aeef', repo: 'sample' },
  pullNumber: 7,
  baseSha: 'b'.repeat(40),
  headSha: HEAD,
};

let seconds = 0;
function review(login: string, state: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  seconds += 1;
  return {
    id: seconds,
    user: { login, type: 'User' },
    state,
    commit_id: HEAD,
    submitted_at: new Date(Date.UTC(2026, 0, 1, 0, 0, seconds)).toISOString(),
    author_association: 'MEMBER',
    body: '<script>alert(1)</script>',
    ...fields,
  };
}

const commits = [
  { sha: OLD, author: { login: 'author' }, committer: { login: 'web-flow' } },
  { sha: HEAD, author: { login: 'pusher' }, committer: { login: 'pusher' } },
];

let server: GitHubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function api(reviews: unknown[] | ((r: SeenRequest) => Reply)): Promise<GitHubServer> {
  return startGitHubServer((request) => {
    if (request.path === COMMITS) return { body: commits };
    if (request.path === REVIEWS) return typeof reviews === 'function' ? reviews(request) : { body: reviews };
    return { status: 404, body: { message: 'Not Found' } };
  });
}

async function check(reviews: unknown[] | ((r: SeenRequest) => Reply), policy = POLICY) {
  server = await api(reviews);
  const io: CheckpointIO = {
    event: EVENT,
    github: createGitHubClient({ token: TOKEN, baseUrl: server.url, backoffUnitMs: 1, maxRetries: 2 }),
  };
  return checkHumanCheckpoint(io, policy);
}

describe('checkHumanCheckpoint against the API', () => {
  it('passes with one approval by a MEMBER at the head SHA', async () => {
    const r = await check([review('alice', 'APPROVED')]);
    expect(r.met).toBe(true);
    expect(r.approvals.map((a) => [a.login, a.commitId])).toEqual([['alice', HEAD]]);
    const seen = server!.requests.find((q) => q.path === REVIEWS);
    expect(seen?.query.get('per_page')).toBe('100');
  });

  it.each([
    ['the PR author', review('author', 'APPROVED'), "the PR's author"],
    [
      'a bot',
      review('review-bot[bot]', 'APPROVED', { user: { login: 'review-bot[bot]', type: 'Bot' } }),
      'a bot',
    ],
    [
      'a CONTRIBUTOR',
      review('carol', 'APPROVED', { author_association: 'CONTRIBUTOR' }),
      'author_association is CONTRIBUTOR',
    ],
    ['a committer of the PR', review('pusher', 'APPROVED'), 'authored or committed'],
    ['an approval of an older commit', review('alice', 'APPROVED', { commit_id: OLD }), 'stale'],
    ['a deleted account', review('ghost', 'APPROVED', { user: null }), 'a bot or app account (type missing)'],
  ])('does not pass with %s', async (_name, given, reason) => {
    const r = await check([given]);
    expect(r.met).toBe(false);
    expect(r.notCounted[0]?.reason).toContain(reason);
  });

  it('a later CHANGES_REQUESTED by the same reviewer withdraws the approval', async () => {
    const r = await check([
      review('alice', 'APPROVED'),
      review('alice', 'COMMENTED'),
      review('alice', 'CHANGES_REQUESTED'),
    ]);
    expect(r.met).toBe(false);
    expect(r.changesRequested.map((c) => c.login)).toEqual(['alice']);
  });

  it('reads all 120 reviews over 2 pages', async () => {
    const all = [
      ...Array.from({ length: 119 }, (_, i) =>
        review(`drive-by-${i}`, 'COMMENTED', { author_association: 'NONE' }),
      ),
      review('late-approver', 'APPROVED'),
    ];
    const r = await check((request) => {
      const page = Number(request.query.get('page') ?? '1');
      return {
        body: all.slice((page - 1) * 100, page * 100),
        headers: { link: linkHeader(server!.url, REVIEWS, page, 2) },
      };
    });
    expect(server!.requests.filter((q) => q.path === REVIEWS)).toHaveLength(2);
    expect(r.approvals.map((a) => a.login)).toEqual(['late-approver']);
    expect(r.met).toBe(true);
  });

  it.each([403, 404, 500, 502])(
    'a %s after retries is an error naming pull-requests: read',
    async (status) => {
      const failing = check(() => ({ status, body: { message: `nope ${TOKEN}` } }));
      await expect(failing).rejects.toThrow(/pull-requests: read/);
      const message = await failing.catch((e: unknown) => String(e));
      expect(message).not.toContain(TOKEN);
      if (status >= 500) expect(server!.requests.filter((q) => q.path === REVIEWS)).toHaveLength(3);
    },
  );

  it('says when team membership cannot be read with this token', async () => {
    const r = await check([review('carol', 'APPROVED', { author_association: 'CONTRIBUTOR' })], {
      ...POLICY,
      approvers: ['acme/security'],
    });
    expect(r.met).toBe(false);
    expect(r.unreadableTeams[0]?.reason).toMatch(/GitHub answered 404 .*workflow token cannot read/);
    expect(server!.requests.map((q) => q.path)).toContain('/orgs/acme/teams/security');
  });

  it('counts a member of a readable team', async () => {
    server = await startGitHubServer((request) => {
      if (request.path === COMMITS) return { body: commits };
      if (request.path === REVIEWS)
        return { body: [review('carol', 'APPROVED', { author_association: 'CONTRIBUTOR' })] };
      if (request.path === '/orgs/acme/teams/security') return { body: { slug: 'security' } };
      if (request.path === '/orgs/acme/teams/security/memberships/carol')
        return { body: { state: 'active', role: 'member' } };
      return { status: 404, body: {} };
    });
    const github = createGitHubClient({ token: TOKEN, baseUrl: server.url, backoffUnitMs: 1 });
    const r = await checkHumanCheckpoint(
      { event: EVENT, github },
      { ...POLICY, approvers: ['acme/security'] },
    );
    expect(r.approvals.map((a) => a.standing)).toEqual(['member of acme/security']);
  });

  it('needs a pull request and a token', async () => {
    await expect(
      checkHumanCheckpoint({ event: { name: 'push', payload: {} }, github: undefined }, POLICY),
    ).rejects.toThrow(/needs a pull request/);
    await expect(checkHumanCheckpoint({ event: EVENT, github: undefined }, POLICY)).rejects.toThrow(
      /pull-requests: read/,
    );
  });
});

/** A gate that needs a person, as integrity will: its verdict is the checkpoint's. */
const personGate: Gate<ApprovalPolicy> = {
  id: 'coverage',
  title: 'Needs a person',
  inputs: [...APPROVAL_INPUTS, { name: 'github-token', kind: 'secret', description: 'Token.' }],
  config: approvalPolicyOf,
  async run(policy, io) {
    const checkpoint = await checkHumanCheckpoint(io, policy);
    return createResult('coverage', {
      verdict: checkpoint.met ? 'pass' : 'fail',
      summary: checkpoint.summary,
      details: [checkpointSection(checkpoint)],
    });
  },
};

describe('the checkpoint in an action run', () => {
  const env = useRunnerEnv();

  async function runWith(route: Parameters<typeof startGitHubServer>[0], config = '') {
    server = await startGitHubServer(route);
    const event = path.join(env().runnerTemp, 'event.json');
    writeFileSync(
      event,
      JSON.stringify({ pull_request: pullRequest, repository: { full_name: 'aeef/sample' } }),
    );
    if (config !== '') {
      // policy-source: head, so the config file is the checkout's (the base commit is not in this workspace).
      writeFileSync(path.join(env().workspace, 'aeef.yml'), config);
    }
    Object.assign(process.env, {
      GITHUB_EVENT_NAME: 'pull_request_review',
      GITHUB_EVENT_PATH: event,
      GITHUB_API_URL: server.url,
      'INPUT_GITHUB-TOKEN': TOKEN,
      'INPUT_POLICY-SOURCE': 'head',
      ...(config === '' ? {} : { 'INPUT_CONFIG-FILE': 'aeef.yml' }),
    });
    const verdict = await runGateAction(personGate);
    // `::add-mask::` is how the runtime tells the runner to mask the token: the one place it may appear.
    const stdout = env()
      .stdout()
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    const outputs = env().outputs();
    const resultFile = readFileSync(outputs['result-file'] ?? '', 'utf8');
    const all = [stdout, env().summary(), JSON.stringify(outputs), resultFile].join('\n');
    return { verdict, all };
  }

  it('passes on an approval and names who approved which commit; no token anywhere', async () => {
    const { verdict, all } = await runWith((request) =>
      request.path === REVIEWS
        ? { body: [review('alice', 'APPROVED'), review('eve', 'APPROVED', { commit_id: OLD })] }
        : { body: commits },
    );
    expect(verdict).toBe('pass');
    expect(all).toContain('Approved by @\u200balice');
    expect(all).toMatch(/@\u200beve \| APPROVED \| ddddddd \| no \| approved ddddddd, not the head ccccccc/);
    expect(all).not.toContain(TOKEN);
  });

  it('takes min-approvals from the approval: section of the config file', async () => {
    const { verdict, all } = await runWith(
      (request) => (request.path === REVIEWS ? { body: [review('alice', 'APPROVED')] } : { body: commits }),
      'approval:\n  min-approvals: 2\n',
    );
    expect(verdict).toBe('fail');
    expect(all).toContain('1 of 2 required approvals');
  });

  it('a 403 is an error naming the permission, without the token', async () => {
    const { verdict, all } = await runWith(() => ({
      status: 403,
      body: { message: `Resource not accessible ${TOKEN}` },
    }));
    expect(verdict).toBe('error');
    expect(all).toContain('pull-requests: read');
    expect(all).not.toContain(TOKEN);
  });
});
