/**
 * The committed provenance bundle under Node 24, run as a runner runs it (INPUT_*, GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH) on real temporary PR repositories, with a local REST peer
 * for the reviews; the in-toto statement it writes is checked against both JSON schemas.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { makePullRequestRepo, writeTree } from '../support/git-repo.js';
import type { PullRequestRepo, Tree } from '../support/git-repo.js';
import { linkHeader, startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { REPO_ROOT } from '../support/paths.js';
import { runAction, workflowCommands, type ActionRun } from '../support/run-action.js';

const TOKEN = 'ghs_provenanceE2eSecretToken0123456789ab';
const HOSTILE =
  '::set-output name=approved::true <img src=https://evil.invalid/p.gif> **bold** [x](https://evil.invalid) %0A::error::forged';
const TEMPLATE = `## Summary

<!-- What does this change do? -->

## AI assistance

<!-- Did you use AI tools? Check one and name the tool. -->
- [ ] No AI tools were used
- [ ] AI tools were used (name them below)
`;

const repos: string[] = [];
const servers: GitHubServer[] = [];
afterEach(async () => {
  for (const dir of repos.splice(0)) rmSync(dir, { recursive: true, force: true });
  for (const server of servers.splice(0)) await server.close();
});

interface Commit {
  files: Tree;
  message: string;
  author?: [string, string];
}

/** A PR repository whose branch holds the given commits, each by its own author. */
function prRepo(
  commits: Commit[],
  base: Tree = { 'README.md': 'sample\n' },
): PullRequestRepo & { head: string } {
  const repo = makePullRequestRepo({ ...base, '.github/pull_request_template.md': TEMPLATE }, {});
  repos.push(repo.dir);
  // makePullRequestRepo's own (empty) head commit is a human's; the test's commits follow it.
  for (const commit of commits) {
    writeTree(repo.dir, commit.files);
    const [name, email] = commit.author ?? ['Dana Human', 'dana@example.invalid'];
    execFileSync('git', ['add', '-A'], { cwd: repo.dir });
    execFileSync('git', ['commit', '-q', '--allow-empty', '-m', commit.message], {
      cwd: repo.dir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: name,
        GIT_AUTHOR_EMAIL: email,
        GIT_COMMITTER_NAME: 'Dana Human',
        GIT_COMMITTER_EMAIL: 'dana@example.invalid',
        GIT_AUTHOR_DATE: '2026-01-02T00:00:00Z',
        GIT_COMMITTER_DATE: '2026-01-02T00:00:00Z',
        GIT_CONFIG_NOSYSTEM: '1',
      },
    });
  }
  const head = repo.git('rev-parse', 'HEAD');
  return { ...repo, headSha: head, head };
}

function event(repo: PullRequestRepo, pr: Record<string, unknown>): Record<string, unknown> {
  const payload = repo.pullRequestEvent({ user: { login: 'dana', type: 'User' }, labels: [], ...pr });
  const pull = payload.pull_request as { head: { sha: string } };
  pull.head.sha = repo.headSha;
  return payload;
}

/** Reviews: `[login, association, commit]` each, APPROVED. */
async function api(repo: PullRequestRepo, reviews: [string, string, string][]): Promise<GitHubServer> {
  const server = await startGitHubServer((request) => {
    if (request.path === '/repos/aeef/sample/pulls/7/commits')
      return { body: [{ sha: repo.headSha, author: { login: 'dana' }, committer: { login: 'dana' } }] };
    if (request.path === '/repos/aeef/sample/pulls/7/reviews')
      return {
        body: reviews.map(([login, association, commit], i) => ({
          id: i + 1,
          user: { login, type: 'User' },
          state: 'APPROVED',
          commit_id: commit,
          submitted_at: `2026-01-03T00:00:0${i}Z`,
          author_association: association,
        })),
      };
    return { status: 404, body: { message: 'Not Found' } };
  });
  servers.push(server);
  return server;
}

const withApi = (server: GitHubServer, inputs: Record<string, string> = {}) => ({
  inputs: { 'github-token': TOKEN, ...inputs },
  env: { GITHUB_API_URL: server.url },
});

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validateStatement = ajv.compile(
  readJson(path.join(REPO_ROOT, 'test/fixtures/provenance/in-toto-statement-v1.schema.json')) as object,
);
const validatePredicate = ajv.compile(
  readJson(path.join(REPO_ROOT, 'actions/provenance/schema/provenance-predicate-v1.schema.json')) as object,
);

interface Statement {
  _type: string;
  subject: { name: string; digest: { gitCommit: string } }[];
  predicateType: string;
  predicate: {
    aiInvolved: boolean;
    commits: { sha: string; aiInvolved: boolean; tools: string[] }[];
    disclosure: { filled: boolean; required: boolean };
    review: { met: boolean | null; approvals: { login: string; commit: string }[] };
    results: { gate: string; file: string; digest: { sha256: string }; writtenByThisJob: boolean }[];
  };
}

function statementOf(run: ActionRun): Statement {
  const file = run.outputs['attestation-file'] ?? '';
  expect(path.basename(file)).toBe('provenance.intoto.json');
  const statement = readJson(file) as Statement;
  expect(validateStatement(statement), JSON.stringify(validateStatement.errors)).toBe(true);
  expect(validatePredicate(statement.predicate), JSON.stringify(validatePredicate.errors)).toBe(true);
  expect(statement.predicateType).toBe('https://aeef.dev/provenance/v1');
  return statement;
}

const CLAUDE_COMMIT: Commit = {
  files: { 'src/a.ts': 'export const a = 1;\nexport const b = 2;\n' },
  message:
    'Add a and b\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n',
};
const HUMAN_COMMIT: Commit = {
  files: { 'src/c.ts': 'export const c = 3;\n' },
  message: 'Add c\n\nCo-authored-by: Claude Monet <claude@monet.example>\n',
};

describe('provenance bundle (e2e)', () => {
  it('passes a human-only PR (a co-author named Claude is a person) and attests it', async () => {
    const repo = prRepo([HUMAN_COMMIT]);
    const run = await runAction({
      bundle: 'provenance',
      workspace: repo.dir,
      event: event(repo, { body: TEMPLATE }),
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      verdict: 'pass',
      'ai-assisted': 'false',
      commits: '2',
      'ai-commits': '0',
      'ai-lines': '0',
      'ai-share': '0',
      tools: '',
      approved: 'true',
      approvals: '',
    });
    const statement = statementOf(run);
    expect(statement.subject).toEqual([
      { name: `https://github.com/aeef/sample/commit/${repo.head}`, digest: { gitCommit: repo.head } },
    ]);
    expect(statement.predicate.aiInvolved).toBe(false);
    expect(statement.predicate.review.met).toBeNull();
  });

  it('fails an AI-involved PR whose template section is untouched, with the sentence that says what to add', async () => {
    const repo = prRepo([CLAUDE_COMMIT, HUMAN_COMMIT]);
    const server = await api(repo, [['maintainer', 'MEMBER', repo.head]]);
    const run = await runAction({
      bundle: 'provenance',
      workspace: repo.dir,
      event: event(repo, { body: TEMPLATE }),
      ...withApi(server),
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({
      verdict: 'fail',
      'ai-assisted': 'true',
      commits: '3',
      'ai-commits': '1',
      'ai-lines': '2',
      // 2 of the 3 added lines: 66.666…, floored.
      'ai-share': '66.66',
      tools: 'Claude Code',
      approved: 'true',
      approvals: '1',
    });
    expect(run.outputs.summary).toContain(
      'Add a section headed "AI assistance" to the pull request description',
    );
    const statement = statementOf(run);
    expect(statement.predicate.disclosure).toMatchObject({ required: true, filled: false });
    expect(statement.predicate.commits.map((c) => c.aiInvolved)).toEqual([false, true, false]);
  });

  it('passes the same PR with the section filled in and a MEMBER approval of the head; not without the approval', async () => {
    const repo = prRepo([CLAUDE_COMMIT]);
    const body =
      TEMPLATE.replace('- [ ] AI tools were used', '- [x] AI tools were used') +
      '\nClaude Code wrote the first draft.\n';
    const approved = await api(repo, [['maintainer', 'MEMBER', repo.head]]);
    const run = await runAction({
      bundle: 'provenance',
      workspace: repo.dir,
      event: event(repo, { body }),
      ...withApi(approved),
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      verdict: 'pass',
      approved: 'true',
      approvals: '1',
      'ai-assisted': 'true',
    });
    const statement = statementOf(run);
    expect(statement.predicate.review).toMatchObject({
      met: true,
      approvals: [{ login: 'maintainer', commit: repo.head }],
    });
    expect(run.summary).toMatch(/maintainer/);

    const stale = await api(repo, [['maintainer', 'MEMBER', repo.baseSha]]);
    const unapproved = await runAction({
      bundle: 'provenance',
      workspace: repo.dir,
      event: event(repo, { body }),
      ...withApi(stale),
    });
    expect(unapproved.exitCode).toBe(1);
    expect(unapproved.outputs).toMatchObject({ verdict: 'fail', approved: 'false', approvals: '0' });
    expect(unapproved.outputs.summary).toContain('needs an approving review of the head commit');
    for (const out of [run, unapproved]) {
      const printed = `${out.stdout}${out.stderr}${out.summary}`.replace(/^::add-mask::.*$/gm, '');
      expect(printed).not.toContain(TOKEN);
    }
  });

  it('detects a PR opened by the Copilot agent and an Aider author; require-trailers names the commit without one', async () => {
    const repo = prRepo([
      {
        files: { 'x.py': 'x = 1\n' },
        message: 'aider: add x',
        author: ['Dana Human (aider)', 'dana@example.invalid'],
      },
    ]);
    const server = await api(repo, [['maintainer', 'OWNER', repo.head]]);
    const body = '## AI disclosure\n\nAider and Copilot.\n';
    const run = await runAction({
      bundle: 'provenance',
      workspace: repo.dir,
      event: event(repo, { body, user: { login: 'Copilot', type: 'Bot' } }),
      ...withApi(server, { 'require-trailers': 'true' }),
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: 'fail', tools: 'Aider,GitHub Copilot', 'ai-commits': '1' });
    expect(run.outputs.summary).toContain('Add a trailer naming the tool');
  });

  it('keeps hostile commit messages, author names and PR bodies out of every workflow command, output and Markdown', async () => {
    const repo = prRepo([
      {
        files: { 'h.txt': 'h\n' },
        message: `${HOSTILE}\n\nCo-authored-by: ${HOSTILE} <noreply@anthropic.com>\nAssisted-by: ${HOSTILE}\n`,
        author: [`Eve ${HOSTILE.slice(0, 40)} (aider)`, 'eve@example.invalid'],
      },
    ]);
    const server = await api(repo, []);
    const body = `## AI assistance\n\n${HOSTILE}\n<!-- ${HOSTILE}`;
    const run = await runAction({
      bundle: 'provenance',
      workspace: repo.dir,
      event: event(repo, { body, labels: [{ name: HOSTILE }] }),
      ...withApi(server, { 'ai-identities': 'label:ai-generated' }),
    });
    expect(run.exitCode).toBe(1);
    const commands = workflowCommands(run.stdout).map((c) => c.command);
    expect(commands).not.toContain('set-output');
    expect(run.stdout).not.toMatch(/^::error::forged/m);
    expect(run.outputs.approved).toBe('false');
    expect(run.outputs.tools).toBe('Aider,Claude Code');
    expect(run.summary).not.toContain('<img');
    expect(run.summary).not.toMatch(/\[x\]\(https:\/\/evil/);
    for (const [name, value] of Object.entries(run.outputs)) {
      if (name !== 'summary') expect(value, name).not.toContain('evil');
    }
    statementOf(run);
  });

  it('reads the commits from the API (all pages, line counts per commit) when the clone lacks them', async () => {
    const repo = prRepo([CLAUDE_COMMIT]);
    // A workspace that is a git repository without the PR's commits (a shallow or foreign checkout).
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'aeef-empty-'));
    repos.push(workspace);
    execFileSync('git', ['init', '-q'], { cwd: workspace });
    writeFileSync(path.join(workspace, 'README.md'), 'x\n');
    const page = (sha: string, login: string, name: string, message: string) => ({
      sha,
      parents: [{ sha: repo.baseSha }],
      author: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
      committer: { login: 'web-flow', type: 'User' },
      commit: {
        author: { name, email: `${login}@example.invalid` },
        committer: { name: 'GitHub', email: 'noreply@github.com' },
        message,
      },
    });
    const shas = ['a'.repeat(40), 'b'.repeat(40)];
    const server = await startGitHubServer((request, self) => {
      if (request.path === '/repos/aeef/sample/pulls/7/commits') {
        const n = Number(request.query.get('page') ?? '1');
        return n === 1
          ? {
              headers: { link: linkHeader(self.url, request.path, 1, 2) },
              body: [page(shas[0]!, 'copilot-swe-agent[bot]', 'Copilot', 'Initial plan')],
            }
          : { body: [page(shas[1]!, 'dana', 'Dana', 'Fix typo')] };
      }
      if (request.path.startsWith('/repos/aeef/sample/commits/'))
        return { body: { stats: { additions: request.path.endsWith(shas[0]!) ? 30 : 10, deletions: 0 } } };
      if (request.path === '/repos/aeef/sample/pulls/7/reviews') return { body: [] };
      return { status: 404, body: { message: 'Not Found' } };
    });
    servers.push(server);
    const run = await runAction({
      bundle: 'provenance',
      workspace,
      event: event(repo, { body: '## AI assistance\n\n- [x] Copilot coding agent\n' }),
      ...withApi(server, { 'ai-min-approvals': '0' }),
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      verdict: 'pass',
      commits: '2',
      'ai-commits': '1',
      'ai-lines': '30',
      'ai-share': '75',
      tools: 'GitHub Copilot',
    });
    expect(statementOf(run).predicate.commits.map((c) => c.sha)).toEqual(shas);
  });

  it('lists every result file of the job in the umbrella, with its sha256', async () => {
    const repo = prRepo([HUMAN_COMMIT]);
    const run = await runAction({
      bundle: 'gates',
      workspace: repo.dir,
      event: event(repo, { body: '' }),
      inputs: { gates: 'pr-size,provenance' },
    });
    expect(run.outputs['provenance-verdict']).toBe('pass');
    const dir = path.join(run.runnerTemp, 'aeef-gates');
    const statement = readJson(path.join(dir, 'provenance.intoto.json')) as Statement;
    expect(validatePredicate(statement.predicate), JSON.stringify(validatePredicate.errors)).toBe(true);
    const sizes = statement.predicate.results.filter((r) => r.gate === 'pr-size');
    expect(sizes).toHaveLength(1);
    expect(sizes[0]!.writtenByThisJob).toBe(true);
    const bytes = readFileSync(path.join(dir, sizes[0]!.file));
    expect(sizes[0]!.digest.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
