/**
 * The REST API path against a local GitHub peer on 127.0.0.1 (RELIABILITY D1-D9, G5, G6): all
 * pages read, truncation and mismatches count as over the limit, malformed data is an error.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GateResult } from '@aeef/gate-result';
import { createGitHubClient, executeGate } from '@aeef/gate-result/runtime';
import { makePullRequestRepo } from '../../../test/support/git-repo.js';
import { fixturePath } from '../../../test/support/paths.js';
import { configurePrSize } from '../src/config.js';
import { prSizeGate } from '../src/gate.js';
import { inputsOf, makeGateIO } from './support/gate-io.js';
import { fileEntry, startGitHubServer } from './support/github-server.js';
import type { GitHubServer, Reply, Scenario } from './support/github-server.js';

const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
let server: GitHubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** n files of 1+1 lines under four top-level folders; the PR totals add up. */
function scenarioOf(n: number, extra: Partial<Scenario> = {}): Scenario {
  const files = Array.from({ length: n }, (_, i) => fileEntry(`dir${i % 4}/file-${i}.ts`, 1, 1));
  return {
    pull: { additions: n, deletions: n, changed_files: n, head: { sha: HEAD }, labels: [] },
    files,
    labels: [],
    ...extra,
  };
}

function payload(): Record<string, unknown> {
  return {
    pull_request: { number: 7, base: { sha: BASE }, head: { sha: HEAD } },
    repository: { full_name: 'aeef/sample' },
  };
}

const TOKEN = 'ghs_SECRETSENTINEL0123456789abcdef';

/** The library's client, with its waits shrunk (1 ms backoff unit) and a short per-request timeout. */
function clientFor(baseUrl: string) {
  return createGitHubClient({ token: TOKEN, baseUrl, backoffUnitMs: 1, timeoutMs: 300, deadlineMs: 60_000 });
}

/** A shallow clone has neither commit: an empty directory stands for it. */
async function runShallow(
  scenario: Scenario,
  inputs: Record<string, string> = {},
  event = 'pull_request',
): Promise<GateResult> {
  server = await startGitHubServer(scenario);
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'aeef-shallow-'));
  const io = makeGateIO({
    workspace,
    event: { name: event, payload: payload() },
    github: clientFor(server.url),
  });
  return prSizeGate.run(configurePrSize(inputsOf(inputs)), io);
}

const metric = (r: GateResult, id: string): number | null => r.metrics.find((m) => m.id === id)!.value;

describe('prSizeGate (REST API)', () => {
  it('reads all pages of 101 files and says the API counted (D7)', async () => {
    const result = await runShallow(scenarioOf(101), { 'max-files': '200' });
    expect(metric(result, 'lines')).toBe(202);
    expect(metric(result, 'files')).toBe(101);
    expect(result.outputs).toEqual({ size: 'L', source: 'api' });
    expect(result.verdict).toBe('warn');
    expect(result.details[0]!.notes![0]).toMatch(
      /^Counted from the REST API \(PR #7 at bbbbbbb\); linguist attributes from root .gitattributes \(API\)\./,
    );
    expect(result.details[0]!.notes!.join(' ')).toContain('git cannot diff aaaaaaa...bbbbbbb in this clone');
    expect(server!.requests.map((r) => r.path)).toEqual([
      '/repos/aeef/sample/pulls/7',
      '/repos/aeef/sample/pulls/7/files?per_page=100',
      '/repos/aeef/sample/pulls/7/files?per_page=100&page=2',
      '/repos/aeef/sample/contents/.gitattributes?ref=' + HEAD,
    ]);
  });

  it('reads exactly 3,000 files in 30 pages, within the request budget (D7, G6)', async () => {
    const result = await runShallow(scenarioOf(3000), {
      'max-files': '5000',
      'max-lines': '10000',
      'warn-lines': '10000',
    });
    expect(metric(result, 'files')).toBe(3000);
    expect(metric(result, 'lines')).toBe(6000);
    expect(result.verdict).toBe('pass');
    expect(server!.requests.length).toBe(32);
    expect(server!.requests.length).toBeLessThanOrEqual(35);
  });

  it('counts 3,001 files as too large to measure, never as small, in 1 request (D7, G5)', async () => {
    const result = await runShallow(scenarioOf(3001), {
      'max-files': '100000',
      'max-lines': '100000',
      'warn-lines': '0',
    });
    expect(result.verdict).toBe('fail');
    expect(result.summary).toBe(
      'The PR is too large to measure completely (the PR changes 3001 files and the API lists at most 3000), so it counts as over the limit.',
    );
    expect(result.outputs.size).toBe('XXL');
    expect(metric(result, 'lines')).toBe(6002);
    expect(metric(result, 'ignored-files')).toBeNull();
    expect(server!.requests.length).toBe(1);
  });

  it('counts 5,000 files as too large within budget (G5)', async () => {
    const result = await runShallow(scenarioOf(5000));
    expect(result.verdict).toBe('fail');
    expect(server!.requests.length).toBe(1);
  });

  it('fails when the PR reports more files than the API listed (D7)', async () => {
    const scenario = scenarioOf(101);
    scenario.pull.changed_files = 120;
    const result = await runShallow(scenario, { 'max-files': '1000', 'max-lines': '1000' });
    expect(result.verdict).toBe('fail');
    expect(result.summary).toContain('the API listed 101 files but the PR reports 120');
    expect(metric(result, 'files')).toBe(120);
  });

  it('fails when the payload reports more files than the API lists for the same head (D7)', async () => {
    server = await startGitHubServer(scenarioOf(101));
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'aeef-shallow-'));
    const event = payload();
    (event.pull_request as Record<string, unknown>).additions = 101;
    (event.pull_request as Record<string, unknown>).deletions = 101;
    (event.pull_request as Record<string, unknown>).changed_files = 150;
    const io = makeGateIO({
      workspace,
      event: { name: 'pull_request', payload: event },
      github: clientFor(server.url),
    });
    const result = await prSizeGate.run(
      configurePrSize(inputsOf({ 'max-files': '1000', 'max-lines': '1000' })),
      io,
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toContain(
      'the event payload reports 150 files (+101/-101) but the API 101 (+101/-101) for the same head',
    );
    expect(metric(result, 'files')).toBe(150);
  });

  it('fails when the listed lines do not add up to the PR totals', async () => {
    const scenario = scenarioOf(10);
    scenario.pull.additions = 9;
    const result = await runShallow(scenario);
    expect(result.verdict).toBe('fail');
    expect(result.summary).toContain('add up to +10/-10 but the PR reports +9/-10');
  });

  it.each([
    [
      'additions as a string',
      (s: Scenario) => (s.files[3] = { ...s.files[3], additions: '1' }),
      /`additions` of file entry 3 from the GitHub API/,
    ],
    [
      'a null filename',
      (s: Scenario) => (s.files[0] = { ...s.files[0], filename: null }),
      /`filename` of file entry 0/,
    ],
    ['a missing changes field', (s: Scenario) => delete s.files[1]!.changes, /`changes` of file entry 1/],
    [
      'negative deletions',
      (s: Scenario) => (s.files[2] = { ...s.files[2], deletions: -2, changes: -1 }),
      /`deletions` of file entry 2/,
    ],
    ['a PR without additions', (s: Scenario) => (s.pull.additions = null), /`additions` of the pull request/],
  ])('is an error on API JSON with %s (D9)', async (_, mutate, message) => {
    const scenario = scenarioOf(5);
    mutate(scenario);
    await expect(runShallow(scenario)).rejects.toThrow(message);
  });

  /** Runs with a failure on the files endpoint; returns the error and how often the endpoint was hit. */
  async function failOnFiles(
    reply: (n: number) => Reply | undefined,
  ): Promise<{ error: Error; hits: number }> {
    let hits = 0;
    const scenario = scenarioOf(5, {
      inject: ({ path: p }) => (p.endsWith('/files') ? reply(++hits) : undefined),
    });
    const error = await runShallow(scenario).then(
      () => new Error('expected the gate to throw'),
      (e: unknown) => e as Error,
    );
    return { error, hits };
  }

  function expectNoLeak(error: Error): void {
    const channels = `${error.message} ${error.stack ?? ''} ${JSON.stringify(error)}`;
    for (const secret of [
      TOKEN,
      Buffer.from(TOKEN).toString('base64'),
      Buffer.from(`x-access-token:${TOKEN}`).toString('base64'),
    ]) {
      expect(channels).not.toContain(secret);
    }
    expect(channels).not.toMatch(/authorization|x-ratelimit|integration/i);
  }

  it('is an error with actionable text on 401, the token never echoed (D1, E13)', async () => {
    const { error, hits } = await failOnFiles(() => ({ status: 401, body: { message: 'Bad credentials' } }));
    expect(error.message).toMatch(/failed with 401: the token is invalid or expired/);
    expect(hits).toBe(1);
    expectNoLeak(error);
  });

  it('is an error when a read gets 403 Resource not accessible (D2)', async () => {
    const { error, hits } = await failOnFiles(() => ({
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    }));
    expect(error.message).toMatch(/failed with 403: the token lacks the `pull-requests: read` permission/);
    expect(hits).toBe(1);
    expectNoLeak(error);
  });

  it('is an error, without waiting, on a primary rate limit that resets in 50 minutes (D3)', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3000);
    const started = performance.now();
    const { error, hits } = await failOnFiles(() => ({
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      body: { message: 'API rate limit exceeded' },
    }));
    expect(error.message).toMatch(/rate-limited/);
    expect(hits).toBe(1);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('retries a secondary rate limit once, then is an error (D4)', async () => {
    const { error, hits } = await failOnFiles(() => ({
      status: 429,
      headers: { 'retry-after': '30' },
      body: { message: 'You have exceeded a secondary rate limit' },
    }));
    expect(error.message).toMatch(/429: rate-limited/);
    expect(hits).toBe(2);
  });

  it('retries 502s three times, then is an error (D5)', async () => {
    const { error, hits } = await failOnFiles(() => ({ status: 502, body: { message: 'Bad Gateway' } }));
    expect(error.message).toMatch(/failed with 502 after retries/);
    expect(hits).toBe(4);
  });

  it('recovers from one 502 and counts every file (D5)', async () => {
    const scenario = scenarioOf(150, {
      inject: ({ path: p, n }) => (p.endsWith('/files') && n === 2 ? { status: 502 } : undefined),
    });
    const result = await runShallow(scenario, { 'max-files': '500' });
    expect(metric(result, 'files')).toBe(150);
  });

  it('gives up on a peer that never answers, within the budget (D6)', async () => {
    const started = performance.now();
    const { error, hits } = await failOnFiles(() => ({ status: 0 }));
    expect(error.message).toMatch(/no response from GitHub/);
    expect(hits).toBe(4);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('applies linguist attributes from the root .gitattributes and excludes lockfiles (API)', async () => {
    const files = JSON.parse(
      readFileSync(fixturePath('github', 'rest-pulls-files-trimmed-with-lockfiles.json'), 'utf8'),
    ) as Record<string, unknown>[];
    // The trimmed fixture keeps only filename/status/additions/deletions/changes: add a lockfile and a generated file.
    files.push({
      filename: 'web/package-lock.json',
      status: 'modified',
      additions: 500,
      deletions: 20,
      changes: 520,
    });
    files.push({ filename: 'src/gen/types.ts', status: 'added', additions: 80, deletions: 0, changes: 80 });
    files.push({ filename: 'assets/logo.png', status: 'added', additions: 0, deletions: 0, changes: 0 });
    const sum = (k: string): number => files.reduce((n, f) => n + (f[k] as number), 0);
    const scenario: Scenario = {
      pull: {
        additions: sum('additions'),
        deletions: sum('deletions'),
        changed_files: files.length,
        head: { sha: HEAD },
      },
      files,
      labels: [],
      gitattributes: 'src/gen/** linguist-generated\n',
    };
    const result = await runShallow(scenario, { ignore: '**/*.lock', 'max-lines': '1000' });
    const excluded = result.details.find((s) => s.title === 'Excluded files')!.rows!.map((r) => [r[0], r[1]]);
    expect(excluded).toEqual([
      ['asdasdasd.lock', 'matches the ignore input'],
      ['src/inner.lock', 'matches the ignore input'],
      ['web/package-lock.json', 'lockfile'],
      ['src/gen/types.ts', 'linguist-generated in .gitattributes'],
      ['assets/logo.png', 'binary file'],
    ]);
    // Expected: the fixture's 13 files minus the two *.lock files (1188 + 1188 additions).
    const counted = files.slice(0, 13).filter((f) => !String(f.filename).endsWith('.lock'));
    expect(metric(result, 'files')).toBe(counted.length);
    expect(metric(result, 'lines')).toBe(
      counted.reduce((n, f) => n + (f.additions as number) + (f.deletions as number), 0),
    );
  });

  it('reads nested .gitattributes with git check-attr from the PR checkout when the history is missing', async () => {
    // The checkout is at the PR head, but the base commit is not in the clone: git cannot count.
    const repo = makePullRequestRepo(
      { 'sub/.gitattributes': 'gen/** linguist-generated\n', 'sub/a.ts': 'a\n' },
      { 'sub/gen/x.ts': 'x\n'.repeat(40), 'sub/a.ts': 'b\n' },
    );
    const files = [fileEntry('sub/gen/x.ts', 40, 0, { status: 'added' }), fileEntry('sub/a.ts', 1, 1)];
    server = await startGitHubServer({
      pull: { additions: 41, deletions: 1, changed_files: 2, head: { sha: repo.headSha }, labels: [] },
      files,
      labels: [],
      gitattributes: '',
    });
    const event = {
      pull_request: { number: 7, base: { sha: BASE }, head: { sha: repo.headSha } },
      repository: { full_name: 'aeef/sample' },
    };
    const io = makeGateIO({
      workspace: repo.dir,
      event: { name: 'pull_request', payload: event },
      github: clientFor(server.url),
    });
    const result = await prSizeGate.run(configurePrSize(inputsOf()), io);
    expect(result.outputs.source).toBe('api');
    expect(metric(result, 'lines')).toBe(2);
    expect(result.details.find((s) => s.title === 'Excluded files')!.rows).toEqual([
      ['sub/gen/x.ts', 'linguist-generated in .gitattributes', 40, 0],
    ]);
    expect(result.details[0]!.notes!.join(' ')).toContain('from the checkout of the PR');
    expect(server.requests.some((r) => r.path.includes('/contents/'))).toBe(false);
  });

  it('reads attributes from a depth-1 checkout of the test merge commit (parents not fetched)', async () => {
    const repo = makePullRequestRepo(
      { 'a.ts': 'a\n' },
      { '.gitattributes': 'gen/** linguist-generated\n', 'gen/x.ts': 'x\n'.repeat(30), 'a.ts': 'b\n' },
    );
    // The merge commit actions/checkout makes for a PR, then a depth-1 clone of it.
    repo.git('checkout', '-q', 'main');
    repo.git(
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@e.invalid',
      'merge',
      '-q',
      '--no-ff',
      '-m',
      'Merge pull request',
      'feature',
    );
    const shallowParent = mkdtempSync(path.join(os.tmpdir(), 'aeef-depth1-'));
    execFileSync('git', ['clone', '-q', '--depth=1', `file://${repo.dir}`, 'ws'], { cwd: shallowParent });
    const workspace = path.join(shallowParent, 'ws');
    const files = [
      fileEntry('gen/x.ts', 30, 0, { status: 'added' }),
      fileEntry('.gitattributes', 1, 0, { status: 'added' }),
      fileEntry('a.ts', 1, 1),
    ];
    server = await startGitHubServer({
      pull: { additions: 32, deletions: 1, changed_files: 3, head: { sha: repo.headSha }, labels: [] },
      files,
      labels: [],
    });
    const event = {
      pull_request: { number: 7, base: { sha: repo.baseSha }, head: { sha: repo.headSha } },
      repository: { full_name: 'aeef/sample' },
    };
    const io = makeGateIO({
      workspace,
      event: { name: 'pull_request', payload: event },
      github: clientFor(server.url),
    });
    const result = await prSizeGate.run(configurePrSize(inputsOf()), io);
    expect(result.outputs.source).toBe('api');
    expect(metric(result, 'lines')).toBe(3);
    expect(result.details[0]!.notes!.join(' ')).toContain('from the checkout of the PR');
  });

  it('uses only the API on pull_request_target', async () => {
    const result = await runShallow(scenarioOf(3), {}, 'pull_request_target');
    expect(result.outputs.source).toBe('api');
    expect(result.details[0]!.notes!.join(' ')).toContain('the event is pull_request_target');
  });
});

describe('prSizeGate labels', () => {
  it('sets size/* and removes the stale one', async () => {
    const scenario = scenarioOf(30, { labels: ['bug', 'size/XS'] });
    scenario.pull.labels = [{ name: 'bug' }, { name: 'size/XS' }];
    const result = await runShallow(scenario, { label: 'true' });
    expect(result.outputs.size).toBe('M');
    expect(scenario.labels).toEqual(['bug', 'size/M']);
    expect(
      server!.requests
        .filter((r) => r.method !== 'GET')
        .map((r) => `${r.method} ${decodeURIComponent(r.path)}`),
    ).toEqual([
      'DELETE /repos/aeef/sample/issues/7/labels/size/XS',
      'POST /repos/aeef/sample/issues/7/labels',
    ]);
  });

  it('leaves a notice and the verdict on a read-only token (403) (D2, F9)', async () => {
    const scenario = scenarioOf(30, {
      inject: ({ method }) =>
        method === 'POST'
          ? { status: 403, body: { message: 'Resource not accessible by integration' } }
          : undefined,
    });
    const result = await runShallow(scenario, { label: 'true' });
    expect(result.verdict).toBe('pass');
    expect(result.findings).toContainEqual(
      expect.objectContaining({ level: 'notice', message: expect.stringContaining('read-only') as unknown }),
    );
  });
});

describe('prSizeGate on pull_request_target (C5)', () => {
  function checkedOutAtHead() {
    const repo = makePullRequestRepo({ 'a.txt': 'a\n' }, { 'a.txt': 'b\n' });
    const payload = {
      pull_request: { number: 7, base: { sha: repo.baseSha }, head: { sha: repo.headSha } },
      repository: { full_name: 'aeef/sample' },
    };
    return { repo, payload };
  }

  it('refuses a workspace checked out at the PR head', async () => {
    const { repo, payload } = checkedOutAtHead();
    server = await startGitHubServer(scenarioOf(1));
    const io = makeGateIO({
      workspace: repo.dir,
      event: { name: 'pull_request_target', payload },
      github: clientFor(server.url),
    });
    // The runtime's guard (every gate has it), before the gate runs.
    const result = await executeGate(prSizeGate, inputsOf(), io);
    expect(result.verdict).toBe('error');
    expect(result.summary).toMatch(/^Refusing an untrusted checkout in a privileged context/);
    expect(server.requests).toEqual([]);
  });

  it('runs when the user accepts the risk with allow-unsafe', async () => {
    const { repo, payload } = checkedOutAtHead();
    const scenario = scenarioOf(1);
    scenario.pull.head = { sha: repo.headSha };
    server = await startGitHubServer(scenario);
    const io = makeGateIO({
      workspace: repo.dir,
      event: { name: 'pull_request_target', payload },
      github: clientFor(server.url),
    });
    const result = await executeGate(prSizeGate, inputsOf({ 'allow-unsafe': 'true' }), io);
    expect(result.outputs.source, result.summary).toBe('api');
  });

  it('runs on a base-branch checkout', async () => {
    const { repo, payload } = checkedOutAtHead();
    repo.git('checkout', '-q', 'main');
    const scenario = scenarioOf(1);
    scenario.pull.head = { sha: repo.headSha };
    server = await startGitHubServer(scenario);
    const io = makeGateIO({
      workspace: repo.dir,
      event: { name: 'pull_request_target', payload },
      github: clientFor(server.url),
    });
    expect((await prSizeGate.run(configurePrSize(inputsOf()), io)).verdict).toBe('pass');
  });
});
