/**
 * The committed integrity bundle under Node 24, run exactly as a runner runs it (INPUT_*,
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH) on real temporary PR repositories.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makePullRequestRepo } from '../support/git-repo.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import type { PullRequestRepo, Tree } from '../support/git-repo.js';
import { runAction, workflowCommands } from '../support/run-action.js';

const TEST = `import { expect, it } from 'vitest';
import { sum } from '../src/sum.js';

it('adds', () => {
  expect(sum(1, 2)).toBe(3);
});
`;
const HOSTILE =
  '::set-output name=approved::true <img src=https://evil.invalid/p.gif> **bold** [x](https://evil.invalid)';

const TOKEN = 'ghs_integrityE2eSecretToken0123456789abcd';
const repos: PullRequestRepo[] = [];
const servers: GitHubServer[] = [];

/** A REST peer with the PR's reviews (each `[login, association, commit]`) and its one commit. */
async function reviewsApi(repo: PullRequestRepo, reviews: [string, string, string][]): Promise<GitHubServer> {
  const server = await startGitHubServer((request) => {
    if (request.path === '/repos/aeef/sample/pulls/7/commits')
      return { body: [{ sha: repo.headSha, author: { login: 'agent' }, committer: { login: 'agent' } }] };
    if (request.path === '/repos/aeef/sample/pulls/7/reviews')
      return {
        body: reviews.map(([login, association, commit], i) => ({
          id: i + 1,
          user: { login, type: 'User' },
          state: 'APPROVED',
          commit_id: commit,
          submitted_at: `2026-01-01T00:00:0${i}Z`,
          author_association: association,
        })),
      };
    return { status: 404, body: { message: 'Not Found' } };
  });
  servers.push(server);
  return server;
}
const prEvent = (repo: PullRequestRepo): Record<string, unknown> =>
  repo.pullRequestEvent({ user: { login: 'agent', type: 'User' } });
const withApi = (server: GitHubServer) => ({
  inputs: { 'github-token': TOKEN },
  env: { GITHUB_API_URL: server.url },
});
const repoOf = (base: Tree, head: Tree): PullRequestRepo => {
  const repo = makePullRequestRepo(base, head);
  repos.push(repo);
  return repo;
};
afterEach(async () => {
  for (const repo of repos.splice(0)) rmSync(repo.dir, { recursive: true, force: true });
  for (const server of servers.splice(0)) await server.close();
});

describe('integrity bundle (e2e)', () => {
  it('passes a PR that weakens nothing, exit 0', async () => {
    const repo = repoOf(
      { 'src/sum.ts': 'export const sum = (a, b) => a + b;\n', 'test/sum.test.ts': TEST },
      { 'src/sum.ts': 'export const sum = (a: number, b: number): number => a + b;\n' },
    );
    const run = await runAction({ bundle: 'integrity', workspace: repo.dir, event: repo.pullRequestEvent() });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: 'pass', findings: '0', approved: 'true' });
    expect(run.outputs.summary).toBe('No change weakens verification.');
  });

  it('fails a skipped test and an added suppression with annotations at their lines; hostile text stays text', async () => {
    const repo = repoOf(
      { 'src/sum.ts': 'export const sum = (a, b) => a + b;\n', 'test/sum.test.ts': TEST },
      {
        'src/sum.ts': `/* istanbul ignore next */ // ${HOSTILE}\nexport const sum = (a, b) => a + b;\n`,
        'test/sum.test.ts': TEST.replace("it('adds'", "it.skip('adds'"),
      },
    );
    const server = await reviewsApi(repo, []);
    const run = await runAction({
      bundle: 'integrity',
      workspace: repo.dir,
      event: prEvent(repo),
      ...withApi(server),
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: 'fail', findings: '2', approved: 'false', approvals: '0' });
    expect(run.outputs.summary).toContain('suppressions, skipped-tests');
    const commands = workflowCommands(run.stdout);
    const errors = commands.filter((c) => c.command === 'error').map((c) => c.line);
    expect(errors.some((line) => line.includes('file=src/sum.ts,line=1'))).toBe(true);
    expect(errors.some((line) => line.includes('file=test/sum.test.ts,line=4'))).toBe(true);
    // The hostile line reaches no workflow command, output or Markdown unescaped.
    expect(commands.map((c) => c.command)).not.toContain('set-output');
    expect(run.outputs.approved).toBe('false');
    expect(run.summary).not.toContain('<img');
    expect(run.summary).not.toMatch(/\[x\]\(https:\/\/evil/);
  });

  it('fails a deleted test file and is an error without a diff (workflow_dispatch)', async () => {
    const repo = repoOf({ 'src/sum.ts': 'x\n', 'test/sum.test.ts': TEST }, { 'test/sum.test.ts': null });
    const server = await reviewsApi(repo, []);
    const run = await runAction({
      bundle: 'integrity',
      workspace: repo.dir,
      event: prEvent(repo),
      ...withApi(server),
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: 'fail', findings: '1' });
    const none = await runAction({
      bundle: 'integrity',
      workspace: repo.dir,
      eventName: 'workflow_dispatch',
      event: { repository: { full_name: 'aeef/sample' } },
    });
    expect(none.exitCode).toBe(1);
    expect(none.outputs.verdict).toBe('error');
    expect(none.outputs.summary).toContain('has none');
  });

  it('runs in the umbrella', async () => {
    const repo = repoOf({ 'a.py': 'import os\n' }, { 'a.py': 'import os  # noqa: F401\n' });
    const server = await reviewsApi(repo, []);
    const run = await runAction({
      bundle: 'gates',
      workspace: repo.dir,
      event: prEvent(repo),
      inputs: { gates: 'integrity', 'github-token': TOKEN },
      env: { GITHUB_API_URL: server.url },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['integrity-verdict']).toBe('fail');
    expect(run.summary).toContain('Integrity');
  });

  it('passes the same findings once a MEMBER approved the head commit; not a CONTRIBUTOR, not an older commit', async () => {
    const repo = repoOf({ 'a.py': 'import os\n' }, { 'a.py': 'import os  # noqa: F401\n' });
    const approved = await reviewsApi(repo, [['maintainer', 'MEMBER', repo.headSha]]);
    const run = await runAction({
      bundle: 'integrity',
      workspace: repo.dir,
      event: prEvent(repo),
      ...withApi(approved),
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      verdict: 'pass',
      findings: '1',
      accepted: '1',
      approvals: '1',
      approved: 'true',
    });
    expect(run.outputs.summary).toContain('accepted by review');
    // The re-run a submitted review triggers (pull_request_review) judges the same diff.
    const onReview = await runAction({
      bundle: 'integrity',
      workspace: repo.dir,
      eventName: 'pull_request_review',
      event: { ...prEvent(repo), action: 'submitted', review: { state: 'approved' } },
      ...withApi(approved),
    });
    expect(onReview.exitCode).toBe(0);
    expect(onReview.outputs).toMatchObject({ verdict: 'pass', accepted: '1' });
    expect(run.summary).toMatch(/maintainer.*APPROVED/);
    const notCounted = await reviewsApi(repo, [
      ['drive-by', 'CONTRIBUTOR', repo.headSha],
      ['maintainer', 'MEMBER', repo.baseSha],
    ]);
    const stale = await runAction({
      bundle: 'integrity',
      workspace: repo.dir,
      event: prEvent(repo),
      ...withApi(notCounted),
    });
    expect(stale.exitCode).toBe(1);
    expect(stale.outputs).toMatchObject({ verdict: 'fail', approvals: '0', approved: 'false' });
    for (const out of [run, stale]) {
      // `::add-mask::` is how the runner is told to hide it; nothing else may carry the token.
      const printed = `${out.stdout}${out.stderr}${out.summary}`.replace(/^::add-mask::.*$/gm, '');
      expect(printed).not.toContain(TOKEN);
    }
  });

  it('reports a lowered bar in the config file as a policy finding at its line', async () => {
    const config = (min: number): string =>
      `gates: [coverage]\ncoverage:\n  files: lcov.info\n  min-lines: ${min}\n`;
    const repo = repoOf({ '.github/aeef-gates.yml': config(80) }, { '.github/aeef-gates.yml': config(0) });
    const server = await reviewsApi(repo, []);
    const run = await runAction({
      bundle: 'integrity',
      workspace: repo.dir,
      event: prEvent(repo),
      ...withApi(server),
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: 'fail', findings: '1' });
    const errors = workflowCommands(run.stdout)
      .filter((c) => c.command === 'error')
      .map((c) => c.line);
    expect(
      errors.some(
        (line) => line.includes('file=.github/aeef-gates.yml,line=4') && line.includes('coverage.min-lines'),
      ),
    ).toBe(true);
  });
});
