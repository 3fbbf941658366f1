/**
 * The committed pr-size bundle under Node 24, run exactly as a runner runs it (INPUT_*,
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH) on real temporary repositories.
 * The expected counts come from git's own numstat of the same commits.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fileEntry, startGitHubServer } from '../../actions/pr-size/test/support/github-server.js';
import { makePullRequestRepo } from '../support/git-repo.js';
import type { PullRequestRepo } from '../support/git-repo.js';
import { runAction, workflowCommands } from '../support/run-action.js';

const lines = (n: number, tag: string): string =>
  Array.from({ length: n }, (_, i) => `${tag} ${i}`).join('\n') + '\n';

const HOSTILE = 'x\n::set-output name=passed::true<img src=https://evil.invalid/p.gif>.ts';

function makeRepo(): PullRequestRepo {
  return makePullRequestRepo(
    {
      '.gitattributes': 'gen/** linguist-generated\n',
      'src/a.ts': lines(10, 'a'),
      'package-lock.json': lines(5, 'l'),
    },
    {
      'src/a.ts': lines(10, 'a') + lines(30, 'b'),
      'gen/client.ts': lines(500, 'g'),
      'package-lock.json': lines(800, 'l2'),
      [`src/${HOSTILE}`]: lines(12, 'h'),
    },
  );
}

/** git's own count of the PR, minus the two excluded paths. */
function gitOracle(repo: PullRequestRepo): number {
  const out = execFileSync(
    'git',
    [
      'diff',
      '--numstat',
      repo.baseSha,
      repo.headSha,
      '--',
      '.',
      ':(exclude)gen/client.ts',
      ':(exclude)package-lock.json',
    ],
    { cwd: repo.dir, encoding: 'utf8' },
  );
  return out
    .split('\n')
    .filter(Boolean)
    .reduce((n, row) => n + Number(row.split('\t')[0]) + Number(row.split('\t')[1]), 0);
}

describe('pr-size bundle (e2e)', () => {
  it('counts a pull_request from git, excludes and lists, writes outputs and summary, exits 0', async () => {
    const repo = makeRepo();
    const run = await runAction({
      bundle: 'pr-size',
      workspace: repo.dir,
      eventName: 'pull_request',
      event: repo.pullRequestEvent(),
    });
    expect(run.exitCode).toBe(0);
    expect(gitOracle(repo)).toBe(42);
    expect(run.outputs).toMatchObject({
      lines: '42',
      additions: '42',
      deletions: '0',
      files: '2',
      'ignored-files': '2',
      size: 'S',
      source: 'git',
      verdict: 'pass',
    });
    expect(run.summary).toContain('package-lock.json');
    expect(run.summary).toContain('gen/client.ts');
    expect(run.summary).toMatch(/git diff --numstat/);
    // E1/E5: the hostile file name reaches the summary only as text, and no command but ours is printed.
    expect(run.summary).not.toContain('<img');
    expect(workflowCommands(run.stdout).map((c) => c.command)).not.toContain('set-output');
    expect(run.outputs.passed).toBeUndefined();
  });

  it('fails above max-lines with exit code 1', async () => {
    const repo = makeRepo();
    const run = await runAction({
      bundle: 'pr-size',
      workspace: repo.dir,
      event: repo.pullRequestEvent(),
      inputs: { 'max-lines': '40', 'warn-lines': '10' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    expect(run.outputs.summary).toContain('more than the 40-line limit');
  });

  it('counts a merge_group from its base and head SHAs', async () => {
    const repo = makeRepo();
    const event = {
      merge_group: {
        base_sha: repo.baseSha,
        head_sha: repo.headSha,
        head_ref: 'refs/heads/gh-readonly-queue/main/pr-7-x',
      },
      repository: { full_name: 'aeef/sample' },
    };
    const run = await runAction({ bundle: 'pr-size', workspace: repo.dir, eventName: 'merge_group', event });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ lines: '42', size: 'S', source: 'git', verdict: 'pass' });
  });

  it('is an error naming the supported events on push (C2), exit code 1', async () => {
    const repo = makeRepo();
    const run = await runAction({
      bundle: 'pr-size',
      workspace: repo.dir,
      eventName: 'push',
      event: { ref: 'refs/heads/main', before: repo.baseSha, after: repo.headSha },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('error');
    expect(run.outputs.summary).toContain(
      'does not support the `push` event; run it on `pull_request`, `pull_request_target`, `merge_group`',
    );
  });

  it('is an error on a missing payload (C1) and on a bad input (A2)', async () => {
    const repo = makeRepo();
    const missing = await runAction({
      bundle: 'pr-size',
      workspace: repo.dir,
      eventName: 'pull_request',
      event: {},
    });
    expect(missing.exitCode).toBe(1);
    expect(missing.outputs.verdict).toBe('error');
    const bad = await runAction({
      bundle: 'pr-size',
      workspace: repo.dir,
      event: repo.pullRequestEvent(),
      inputs: { 'max-lines': '80%' },
    });
    expect(bad.exitCode).toBe(1);
    expect(bad.outputs.summary).toContain('Expected `max-lines` to be a whole number');
  });

  it('falls back to the REST API on a shallow clone, labels on a read-only token with a notice, never leaks the token (E12)', async () => {
    // A depth-1 checkout: one commit, neither the PR's base nor head.
    const shallow = makePullRequestRepo({ 'README.md': 'checked out\n' }, {});
    const token = 'ghs_E2ESENTINEL0123456789abcdefABCDEF';
    const files = Array.from({ length: 120 }, (_, i) => fileEntry(`mod${i % 3}/f${i}.ts`, 2, 1));
    files.push(fileEntry('web/yarn.lock', 900, 0));
    const server = await startGitHubServer({
      pull: {
        additions: 1140,
        deletions: 120,
        changed_files: 121,
        head: { sha: 'c'.repeat(40) },
        labels: [{ name: 'size/XS' }],
      },
      files,
      labels: ['size/XS'],
      inject: ({ method }) =>
        method === 'DELETE'
          ? { status: 403, body: { message: 'Resource not accessible by integration' } }
          : undefined,
    });
    try {
      const event = {
        pull_request: { number: 7, base: { sha: 'a'.repeat(40) }, head: { sha: 'c'.repeat(40) } },
        repository: { full_name: 'aeef/sample' },
      };
      const run = await runAction({
        bundle: 'pr-size',
        workspace: shallow.dir,
        event,
        inputs: { 'github-token': token, label: 'true', 'max-files': '200' },
        env: { GITHUB_API_URL: server.url, SECRET_SENTINEL: token },
      });
      expect(run.exitCode).toBe(0);
      expect(run.outputs).toMatchObject({
        lines: '360',
        files: '120',
        'ignored-files': '1',
        size: 'L',
        source: 'api',
        verdict: 'warn',
      });
      expect(run.summary).toContain('Counted from the REST API');
      expect(
        workflowCommands(run.stdout).some((c) => c.command === 'notice' && c.line.includes('read-only')),
      ).toBe(true);
      // `::add-mask::` is how the runner learns the secret (the runner never shows that line).
      const stdout = run.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n');
      const channels = [
        stdout,
        run.stderr,
        run.summary,
        JSON.stringify(run.outputs),
        JSON.stringify(run.result),
      ].join('\n');
      for (const secret of [token, Buffer.from(token).toString('base64')])
        expect(channels).not.toContain(secret);
      // 1 PR + 2 pages + the base's config file (policy-source) + .gitattributes + DELETE (refused): bounded (G6).
      expect(server.requests.length).toBe(6);
      expect(server.requests.filter((r) => r.path.includes('/contents/.github/aeef-gates.yml'))).toHaveLength(
        1,
      );
    } finally {
      await server.close();
    }
  });

  it('runs through the umbrella action when named in `gates`', async () => {
    const repo = makeRepo();
    const run = await runAction({
      bundle: 'gates',
      workspace: repo.dir,
      event: repo.pullRequestEvent(),
      inputs: { gates: 'pr-size' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      verdict: 'pass',
      'pr-size-lines': '42',
      'pr-size-size': 'S',
      'pr-size-source': 'git',
    });
  });
});
