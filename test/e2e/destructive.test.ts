/**
 * The committed destructive bundle under Node 24, run exactly as a runner runs it (INPUT_*,
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH) on real temporary PR repositories, with the
 * PR's reviews served by a local GitHub API: unapproved fails, an allowed reviewer's approval of
 * the head commit passes, an approval of an older commit fails.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makePullRequestRepo } from '../support/git-repo.js';
import type { PullRequestRepo, Tree } from '../support/git-repo.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { runAction, workflowCommands } from '../support/run-action.js';

const BASE: Tree = {
  'db/migrate/001_create_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n',
};
const DROP = `-- Drops the legacy table. DROP TABLE users; in a comment is not a statement.
INSERT INTO audit (note) VALUES ('DROP TABLE users');
DROP TABLE legacy_sessions;
`;

const repos: PullRequestRepo[] = [];
const servers: GitHubServer[] = [];
const repoOf = (base: Tree, head: Tree): PullRequestRepo => {
  const repo = makePullRequestRepo(base, head);
  repos.push(repo);
  return repo;
};
afterEach(async () => {
  for (const repo of repos.splice(0)) rmSync(repo.dir, { recursive: true, force: true });
  for (const server of servers.splice(0)) await server.close();
});

interface ReviewSpec {
  login: string;
  association: string;
  commit: string;
  state?: string;
}

async function reviewsServer(reviews: ReviewSpec[]): Promise<GitHubServer> {
  const server = await startGitHubServer((request) => {
    if (request.path === '/repos/aeef/sample/pulls/7/reviews') {
      return {
        body: reviews.map((r, i) => ({
          id: i + 1,
          user: { login: r.login, type: 'User' },
          state: r.state ?? 'APPROVED',
          commit_id: r.commit,
          submitted_at: `2026-01-02T00:00:0${i}Z`,
          author_association: r.association,
        })),
      };
    }
    if (request.path === '/repos/aeef/sample/pulls/7/commits') {
      return { body: [{ sha: 'x', author: { login: 'agent' }, committer: { login: 'agent' } }] };
    }
    return { status: 404, body: { message: 'Not Found' } };
  });
  servers.push(server);
  return server;
}

const event = (repo: PullRequestRepo): Record<string, unknown> =>
  repo.pullRequestEvent({ user: { login: 'agent' } });

async function run(
  repo: PullRequestRepo,
  server: GitHubServer | undefined,
  inputs: Record<string, string> = {},
) {
  return runAction({
    bundle: 'destructive',
    workspace: repo.dir,
    event: event(repo),
    inputs: { 'github-token': 'test-token', ...inputs },
    ...(server ? { env: { GITHUB_API_URL: server.url } } : {}),
  });
}

describe('destructive bundle (e2e)', () => {
  it('passes an additive migration without asking anyone', async () => {
    const repo = repoOf(BASE, {
      'db/migrate/002_add_deleted_at.sql':
        'ALTER TABLE users ADD COLUMN deleted_at timestamptz;\nDELETE FROM users WHERE deleted_at < now();\n',
    });
    const result = await run(repo, undefined);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ verdict: 'pass', operations: '0', approved: 'true' });
  });

  it('fails an unapproved DROP TABLE with an annotation at its line, naming who may approve', async () => {
    const repo = repoOf(BASE, { 'db/migrate/002_drop.sql': DROP });
    const server = await reviewsServer([]);
    const result = await run(repo, server, { approvers: 'dba-lead' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({
      verdict: 'fail',
      operations: '1',
      approvals: '0',
      approved: 'false',
    });
    expect(result.outputs.summary).toContain('drop-table legacy_sessions');
    expect(result.outputs.summary).toContain('@dba-lead');
    const errors = workflowCommands(result.stdout).filter((c) => c.command === 'error');
    expect(errors.map((c) => c.line).some((l) => l.includes('file=db/migrate/002_drop.sql,line=3'))).toBe(
      true,
    );
  });

  it('passes when an allowed reviewer approved the head commit, and fails again once it is stale', async () => {
    const repo = repoOf(BASE, { 'db/migrate/002_drop.sql': DROP });
    const approved = await reviewsServer([
      { login: 'dba-lead', association: 'CONTRIBUTOR', commit: repo.headSha },
    ]);
    const ok = await run(repo, approved, { approvers: 'dba-lead' });
    expect(ok.exitCode).toBe(0);
    expect(ok.outputs).toMatchObject({ verdict: 'pass', operations: '1', approvals: '1', approved: 'true' });
    expect(ok.outputs.summary).toContain('@dba-lead');
    // The same approval after another push: given on the old head, so it no longer counts.
    const stale = await reviewsServer([
      { login: 'dba-lead', association: 'CONTRIBUTOR', commit: repo.baseSha },
    ]);
    const again = await run(repo, stale, { approvers: 'dba-lead' });
    expect(again.exitCode).toBe(1);
    expect(again.outputs).toMatchObject({ verdict: 'fail', approvals: '0', approved: 'false' });
    expect(again.summary).toContain('stale');
    // A reviewer with no standing (not listed, a CONTRIBUTOR) does not count either.
    const stranger = await reviewsServer([
      { login: 'someone', association: 'CONTRIBUTOR', commit: repo.headSha },
    ]);
    const notCounted = await run(repo, stranger, { approvers: 'dba-lead' });
    expect(notCounted.outputs.verdict).toBe('fail');
  });

  it('an allow entry with a reason makes the operation information', async () => {
    const repo = repoOf(BASE, { 'db/migrate/002_drop.sql': DROP });
    const result = await run(repo, undefined, { allow: 'legacy_*: sessions moved to redis in #12' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ verdict: 'pass', operations: '0', allowed: '1' });
    expect(result.summary).toContain('sessions moved to redis in');
  });

  it('fails a destructive command added to a workflow run step, not a dry run', async () => {
    const workflow = (cmd: string): string =>
      `on: push\njobs:\n  ops:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo start\n          ${cmd}\n`;
    const repo = repoOf(
      { '.github/workflows/ops.yml': workflow('kubectl delete -f app.yaml --dry-run=client') },
      { '.github/workflows/ops.yml': workflow('sudo kubectl delete namespace prod') },
    );
    const server = await reviewsServer([]);
    const result = await run(repo, server);
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ verdict: 'fail', operations: '1' });
    expect(result.outputs.summary).toContain('kubectl-delete namespace prod');
    const errors = workflowCommands(result.stdout).filter((c) => c.command === 'error');
    expect(errors.map((c) => c.line).some((l) => l.includes('file=.github/workflows/ops.yml,line=8'))).toBe(
      true,
    );
  });

  it('runs in the umbrella', async () => {
    const repo = repoOf(BASE, { 'db/migrate/002_truncate.sql': 'TRUNCATE users;\n' });
    const server = await reviewsServer([]);
    const result = await runAction({
      bundle: 'gates',
      workspace: repo.dir,
      event: event(repo),
      inputs: { gates: 'destructive', 'github-token': 'test-token' },
      env: { GITHUB_API_URL: server.url },
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs['destructive-verdict']).toBe('fail');
    expect(result.summary).toContain('Destructive changes');
  });
});
