/**
 * The GitHub delivery KPIs split by provenance, fetched through the real GitHub client from a local
 * server holding 60 merged PRs: 20 opened by agent apps (Copilot's and Devin's, Bots), 10 by a person
 * whose commits carry `Co-authored-by: Claude <noreply@anthropic.com>`, 30 by people only (one with
 * a human co-author trailer). The figures are an oracle computed by hand below, not by the code.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inputsFromRecord, type GateResult } from '@aeef/gate-result';
import { createGitHubClient, createLocalIO, executeGate, writeResultFile } from '@aeef/gate-result/runtime';
import { kpiGate } from '../src/gate.js';
import { gateResultFactory } from '../../../test/support/factories.js';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchMergedPulls } from '../src/fetch-pulls.js';
import { computeGithubKpis } from '../src/github-kpis.js';
import type { Kpi } from '../src/kpi-report.js';
import { renderOpenMetrics } from '../src/export/openmetrics.js';
import { identityMatcher, toolsOfListedPull } from '../src/pull-provenance.js';
import {
  startGitHubServer,
  type GitHubServer,
  type SeenRequest,
} from '../../../test/support/github-server.js';

const UNTIL = Date.parse('2026-11-20T00:00:00Z');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

type Kind = 'app' | 'trailer' | 'human';
const kindOf = (n: number): Kind => (n <= 20 ? 'app' : n <= 30 ? 'trailer' : 'human');
/** Hours from opened to merged: app 2, trailer 8, human 10 (31-45) or 30 (46-60). */
const cycleHours = (n: number) => ({ app: 2, trailer: 8, human: n <= 45 ? 10 : 30 })[kindOf(n)];
const mergedAt = (n: number) => UNTIL - n * 7 * HOUR;
const createdAt = (n: number) => mergedAt(n) - cycleHours(n) * HOUR;

function listItem(n: number) {
  const user =
    kindOf(n) !== 'app'
      ? { login: n <= 30 ? 'bob' : 'carol', type: 'User' }
      : n <= 10
        ? { login: 'Copilot', type: 'Bot' }
        : { login: 'devin-ai-integration[bot]', type: 'Bot' };
  return {
    number: n,
    title: `Change ${n}`,
    body:
      kindOf(n) === 'human'
        ? '## Summary\nRefactors the parser.\n\n## AI assistance\n- [ ] Used AI'
        : 'Fixes it.',
    labels: [{ name: 'enhancement' }],
    user,
    created_at: iso(createdAt(n)),
    updated_at: iso(mergedAt(n)),
    merged_at: iso(mergedAt(n)),
  };
}

/** app: 60+40 lines, trailer: 30+10, human: 15+5. */
const sizeOf = (n: number) => ({ app: [60, 40], trailer: [30, 10], human: [15, 5] })[kindOf(n)];

function reviewsOf(n: number) {
  const at = (h: number) => iso(createdAt(n) + h * HOUR);
  const bot = {
    state: 'COMMENTED',
    submitted_at: at(0.5),
    user: { login: 'copilot-pull-request-reviewer[bot]', type: 'Bot' },
  };
  const alice = (state: string, h: number) => ({
    state,
    submitted_at: at(h),
    user: { login: 'alice', type: 'User' },
  });
  if (kindOf(n) === 'app') return [bot, alice('CHANGES_REQUESTED', 1), alice('APPROVED', 1.5)];
  if (kindOf(n) === 'trailer') return [alice('APPROVED', 1)];
  // 31-50 approved after 3 h; 51-60 only the author's own comment, which is no review.
  if (n <= 50) return [alice('APPROVED', 3)];
  return [{ state: 'COMMENTED', submitted_at: at(2), user: { login: 'carol', type: 'User' } }];
}

function commitsOf(n: number) {
  const message =
    kindOf(n) === 'trailer'
      ? `Fix the parser\n\nCo-authored-by: Claude <noreply@anthropic.com>`
      : n === 31
        ? 'Refactor\n\nCo-authored-by: Dave Example <dave@example.com>'
        : 'Refactor the parser';
  const who = { name: n <= 30 ? 'Bob' : 'Carol', email: `${n <= 30 ? 'bob' : 'carol'}@example.com` };
  return [
    {
      sha: n.toString(16).padStart(40, '0'),
      commit: { author: who, committer: who, message },
      author: { login: n <= 30 ? 'bob' : 'carol' },
      committer: { login: 'web-flow' },
      parents: [{ sha: 'f'.repeat(40) }],
    },
  ];
}

const PULLS = Array.from({ length: 60 }, (_, i) => i + 1);

function route(request: SeenRequest) {
  if (request.path === '/repos/aeef/sample/pulls') return { body: PULLS.map(listItem) };
  const m = /^\/repos\/aeef\/sample\/pulls\/(\d+)(\/reviews|\/commits)?$/.exec(request.path);
  const n = Number(m?.[1]);
  if (!m || !PULLS.includes(n)) return { status: 404, body: { message: 'Not Found' } };
  if (m[2] === '/reviews') return { body: reviewsOf(n) };
  if (m[2] === '/commits') return { body: commitsOf(n) };
  const [additions, deletions] = sizeOf(n);
  return { body: { number: n, additions, deletions } };
}

let server: GitHubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function fetchSplit(maxCommitPulls: number) {
  server = await startGitHubServer(route);
  const github = createGitHubClient({
    token: 'ghs_test',
    baseUrl: server.url,
    backoffUnitMs: 1,
    maxRetries: 1,
  });
  return fetchMergedPulls(github, {
    owner: 'aeef',
    repo: 'sample',
    windowDays: 30,
    until: UNTIL,
    maxPulls: 100,
    maxCommitPulls,
  });
}

const figures = (kpis: Kpi[], prefix: string) =>
  Object.fromEntries(
    kpis
      .filter((k) => k.id.startsWith(prefix) && k.id.split('.').length === prefix.split('.').length)
      .map((k) => [k.id.slice(prefix.length), [k.value, k.p50 ?? null, k.p90 ?? null, k.samples]]),
  );

describe('the GitHub KPIs split by provenance', () => {
  it('equal the hand-computed oracle for 20 agent-app, 10 trailer and 30 human PRs', async () => {
    const fetched = await fetchSplit(100);
    expect(fetched.pulls).toHaveLength(60);
    // The 20 agent-app PRs are known from the list; the other 40 had their commits read.
    expect(fetched.commitsFetched).toBe(40);
    expect(fetched.commitsSkipped).toBe(0);
    expect(fetched.requests).toBe(1 + 60 * 2 + 40);
    const commitRequests = server!.requests.filter((r) => r.path.endsWith('/commits'));
    expect(commitRequests.map((r) => Number(r.path.split('/')[5])).sort((a, b) => a - b)).toEqual(
      PULLS.filter((n) => n > 20),
    );
    const byNumber = new Map(fetched.pulls.map((p) => [p.number, p]));
    expect(byNumber.get(3)).toMatchObject({
      aiInvolved: true,
      aiEvidence: 'pull',
      tools: ['GitHub Copilot'],
    });
    expect(byNumber.get(15)).toMatchObject({ aiInvolved: true, aiEvidence: 'pull', tools: ['Devin'] });
    expect(byNumber.get(25)).toMatchObject({
      aiInvolved: true,
      aiEvidence: 'commits',
      tools: ['Claude Code'],
    });
    expect(byNumber.get(31)).toMatchObject({ aiInvolved: false, tools: [] });

    const kpis = computeGithubKpis(fetched.pulls, 30);
    // [value (mean or rate), p50, p90, samples], by hand:
    // AI (30): cycle 20 x 2 h + 10 x 8 h = 120 h / 30 = 4; nearest rank 15th = 2, 27th = 8.
    //   First review 1 h each (the bot's comment does not count). First decisive review: the 20 app
    //   PRs had changes requested, the 10 trailer PRs were approved: 10 / 30. Throughput 30 / 30 d x 7.
    //   Size 20 x 100 + 10 x 40 = 2400 / 30 = 80; sorted 10 x 40 then 20 x 100: 15th and 27th = 100.
    expect(figures(kpis, 'github.ai.')).toEqual({
      'cycle-time': [4, 2, 8, 30],
      'time-to-first-review': [1, 1, 1, 30],
      'review-pass-rate': [(10 / 30) * 100, null, null, 30],
      throughput: [7, null, null, 30],
      'merged-pr-size': [80, 100, 100, 30],
    });
    // Human (30): cycle 15 x 10 + 15 x 30 = 600 / 30 = 20; 15th = 10, 27th = 30. Reviews: 20 PRs
    // approved after 3 h (the author's own comment on 51-60 is no review): 20 / 20. Size 20 each.
    expect(figures(kpis, 'github.human.')).toEqual({
      'cycle-time': [20, 10, 30, 30],
      'time-to-first-review': [3, 3, 3, 20],
      'review-pass-rate': [100, null, null, 20],
      throughput: [7, null, null, 30],
      'merged-pr-size': [20, 20, 20, 30],
    });
    // All 60: cycle 720 / 60 = 12, sorted 20 x 2, 10 x 8, 15 x 10, 15 x 30: 30th = 8, 54th = 30.
    // First review 30 x 1 + 20 x 3 = 90 / 50 = 1.8, 25th = 1, 45th = 3. Pass 30 / 50. Size
    // 3000 / 60 = 50, sorted 30 x 20, 10 x 40, 20 x 100: 30th = 20, 54th = 100.
    expect(figures(kpis, 'github.')).toEqual({
      'cycle-time': [12, 8, 30, 60],
      'time-to-first-review': [1.8, 1, 3, 50],
      'review-pass-rate': [60, null, null, 50],
      throughput: [14, null, null, 60],
      'merged-pr-size': [50, 20, 100, 60],
    });
    const prom = renderOpenMetrics({
      schema: 'aeef.kpi/v1',
      repository: 'aeef/sample',
      ref: null,
      commit: null,
      event: 'push',
      pullNumber: null,
      timestamp: null,
      gates: [],
      kpis,
      conflicts: [],
    });
    expect(prom).toContain('aeef_kpi{kpi="github.cycle-time",unit="hours"} 8\n');
    expect(prom).toContain('aeef_kpi{kpi="github.cycle-time",unit="hours",ai_involved="true"} 2\n');
    expect(prom).toContain('aeef_kpi{kpi="github.cycle-time",unit="hours",ai_involved="false"} 10\n');
  });

  it('reads the commits of at most max-commit-prs PRs, the most recent first, and counts the rest', async () => {
    const fetched = await fetchSplit(5);
    expect(fetched.commitsFetched).toBe(5);
    // PRs 26-60 were classified from the list only: 26-30's trailers are not seen.
    expect(fetched.commitsSkipped).toBe(35);
    expect(fetched.pulls.filter((p) => p.aiInvolved).map((p) => p.number)).toEqual([
      ...PULLS.filter((n) => n <= 25),
    ]);
    expect(figures(computeGithubKpis(fetched.pulls, 30), 'github.ai.').throughput).toEqual([
      (25 / 30) * 7,
      null,
      null,
      25,
    ]);
  });

  it('knows agent apps, generator footers and labels from the pulls list alone', () => {
    const pull = { number: 1, authorLogin: 'dev', authorType: 'User', title: 't', body: '', labels: [] };
    expect(toolsOfListedPull(pull)).toEqual([]);
    expect(toolsOfListedPull({ ...pull, authorLogin: 'copilot-swe-agent[bot]', authorType: 'Bot' })).toEqual([
      'GitHub Copilot',
    ]);
    // The footer Claude Code writes into the PR body it opens.
    expect(
      toolsOfListedPull({
        ...pull,
        body: 'Summary\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)',
      }),
    ).toEqual(['Claude Code']);
    // The user's own identities, in the provenance gate's syntax, beside the table.
    const corp = { ...pull, authorLogin: 'corp-agent[bot]', authorType: 'Bot' };
    expect(toolsOfListedPull(corp)).toEqual([]);
    expect(toolsOfListedPull(corp, identityMatcher(['login:corp-agent[bot]=Corp agent']))).toEqual([
      'Corp agent',
    ]);
    expect(() => kpiGate.config(inputsFromRecord({ 'ai-identities': 'nonsense' }))).toThrow(
      /Expected `ai-identities` entries as `kind:value`/,
    );
    // A generic bot (Dependabot) is no AI.
    expect(toolsOfListedPull({ ...pull, authorLogin: 'dependabot[bot]', authorType: 'Bot' })).toEqual([]);
  });

  it('says in the KPI step how the split was decided and how far the commits were read', async () => {
    const now = Date.now();
    // 1: an agent app's PR; 2: a person's, with an AI trailer in its commits; 3: a person's only.
    const items = [1, 2, 3].map((n) => ({
      ...listItem(n === 1 ? 1 : n === 2 ? 21 : 31),
      number: n,
      created_at: iso(now - (n + 1) * 24 * HOUR),
      updated_at: iso(now - n * 24 * HOUR),
      merged_at: iso(now - n * 24 * HOUR),
    }));
    server = await startGitHubServer((request) => {
      if (request.path === '/repos/aeef/sample/pulls') return { body: items };
      const m = /^\/repos\/aeef\/sample\/pulls\/(\d+)(\/reviews|\/commits)?$/.exec(request.path);
      if (!m) return { status: 404, body: { message: 'Not Found' } };
      if (m[2] === '/reviews') return { body: [] };
      if (m[2] === '/commits') return { body: commitsOf(Number(m[1]) === 2 ? 21 : 31) };
      return { body: { number: Number(m[1]), additions: 1, deletions: 1 } };
    });
    const resultDir = mkdtempSync(path.join(os.tmpdir(), 'aeef-kpi-split-'));
    await writeResultFile(resultDir, gateResultFactory());
    const io = createLocalIO({
      workspace: resultDir,
      resultDir,
      event: { name: 'push', payload: {}, repository: { owner: 'aeef', repo: 'sample' } },
      github: createGitHubClient({ token: 'ghs_test', baseUrl: server.url, backoffUnitMs: 1, maxRetries: 1 }),
    });
    const result: GateResult = await executeGate(
      kpiGate,
      inputsFromRecord({ 'github-kpis': 'true', 'max-commit-prs': '1', formats: 'json' }),
      io,
    );
    expect(result.verdict, result.summary).toBe('pass');
    const notes = result.details.flatMap((d) => d.notes ?? []);
    expect(notes).toContain(
      'By provenance: 2 AI-involved PR(s) (1 by their author, body or labels, 1 by commit trailers), 1 human-only; commits read for 1 of 3 PR(s). 1 PR(s) were classified without their commits (beyond max-commit-prs), so an AI trailer there is not seen.',
    );
    const table = result.details.find((d) => d.title === 'Delivery by provenance');
    expect(table?.rows?.find((r) => r[0] === 'github.throughput')).toEqual([
      'github.throughput',
      `${Math.round((2 / 30) * 7 * 100) / 100} count (2)`,
      `${Math.round((1 / 30) * 7 * 100) / 100} count (1)`,
    ]);
  });
});
