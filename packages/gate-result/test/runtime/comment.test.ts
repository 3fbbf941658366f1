/**
 * The sticky PR comment (issue 15) against a local GitHub: created once, updated in place, never
 * an attacker's, found past page 1, cut under 65,536 characters, and never part of the verdict.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  linkHeader,
  startGitHubServer,
  type GitHubServer,
  type Reply,
  type SeenRequest,
} from '../../../../test/support/github-server.js';
import { commentBody, commentMarker, COMMENT_MAX_CHARS } from '../../src/runtime/comment.js';
import { runGateAction } from '../../src/runtime/action.js';
import { useRunnerEnv } from './env.js';
import { testGate } from './test-gate.js';

const env = useRunnerEnv();
const MARKER = commentMarker('coverage');
const COMMENTS = '/repos/o/r/issues/7/comments';

interface StoredComment {
  id: number;
  body: string;
  user: { login: string };
}

/** A GitHub holding one PR's comments; `me` is the token's login (GET /user). */
function fakeGitHub(options: { me?: string | 403; comments?: StoredComment[]; refusePost?: boolean } = {}) {
  const comments = options.comments ?? [];
  let next = 1000;
  const route = (request: SeenRequest, server: GitHubServer): Reply => {
    if (request.method === 'GET' && request.path === '/user') {
      if (options.me === 403)
        return { status: 403, body: { message: 'Resource not accessible by integration' } };
      return { body: { login: options.me ?? 'ci-bot' } };
    }
    if (request.method === 'GET' && request.path === COMMENTS) {
      const perPage = Number(request.query.get('per_page') ?? 30);
      const page = Number(request.query.get('page') ?? 1);
      const last = Math.max(1, Math.ceil(comments.length / perPage));
      return {
        headers: { link: linkHeader(server.url, COMMENTS, page, last, perPage) },
        body: comments.slice((page - 1) * perPage, page * perPage),
      };
    }
    if (request.method === 'POST' && request.path === COMMENTS) {
      if (options.refusePost === true)
        return { status: 403, body: { message: 'Resource not accessible by integration' } };
      const body = (JSON.parse(request.body) as { body: string }).body;
      const comment = {
        id: next++,
        body,
        user: { login: options.me === 403 ? 'github-actions[bot]' : (options.me ?? 'ci-bot') },
      };
      comments.push(comment);
      return { status: 201, body: comment };
    }
    const patch = /^\/repos\/o\/r\/issues\/comments\/(\d+)$/.exec(request.path);
    if (request.method === 'PATCH' && patch !== null) {
      const comment = comments.find((c) => c.id === Number(patch[1]));
      if (comment === undefined) return { status: 404, body: { message: 'Not Found' } };
      comment.body = (JSON.parse(request.body) as { body: string }).body;
      return { body: comment };
    }
    return { status: 404, body: { message: `no route ${request.method} ${request.path}` } };
  };
  return { comments, route };
}

let server: GitHubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function onPullRequest(route: Parameters<typeof startGitHubServer>[0]): Promise<GitHubServer> {
  server = await startGitHubServer(route);
  const event = path.join(env().runnerTemp, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      pull_request: { number: 7, base: { sha: 'a'.repeat(40) }, head: { sha: 'b'.repeat(40) } },
    }),
  );
  Object.assign(process.env, {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_API_URL: server.url,
    GITHUB_TOKEN: 'ghs_test',
  });
  return server;
}

function report(value: number, findings = 0): void {
  const list = Array.from({ length: findings }, (_, i) => ({
    file: `src/f${i}.ts`,
    line: 1,
    message: 'x'.repeat(200),
  }));
  writeFileSync(path.join(env().workspace, 'report.json'), JSON.stringify({ value, findings: list }));
}

const writes = (s: GitHubServer): string[] =>
  s.requests.filter((r) => r.method !== 'GET').map((r) => r.method);

describe('the sticky PR comment', () => {
  it('is created by the first failing run and updated in place by the second (one PATCH, no POST)', async () => {
    const github = fakeGitHub();
    const s = await onPullRequest(github.route);
    report(50);
    await runGateAction(testGate);
    expect(writes(s)).toEqual(['POST']);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body.startsWith(MARKER)).toBe(true);
    expect(github.comments[0]?.body).toContain('# ❌ Coverage: failed');

    s.requests.length = 0;
    process.exitCode = undefined;
    report(60);
    await runGateAction(testGate);
    expect(writes(s)).toEqual(['PATCH']);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body).toContain('lines 60% &lt; 80%');

    // A later pass marks it resolved (an edit, never a delete).
    s.requests.length = 0;
    process.exitCode = undefined;
    report(90);
    await runGateAction(testGate);
    expect(writes(s)).toEqual(['PATCH']);
    expect(github.comments[0]?.body).toContain('**Resolved**');
    expect(github.comments[0]?.body).toContain('# ✅ Coverage: passed');
  });

  it('creates nothing on a pass when no comment exists (auto)', async () => {
    const s = await onPullRequest(fakeGitHub().route);
    report(90);
    await runGateAction(testGate);
    expect(writes(s)).toEqual([]);
  });

  it("leaves another user's comment holding our marker alone and writes its own", async () => {
    const forged = { id: 1, body: `${MARKER}\nAll gates passed, merge away!`, user: { login: 'attacker' } };
    const github = fakeGitHub({ comments: [forged] });
    const s = await onPullRequest(github.route);
    report(50);
    await runGateAction(testGate);
    expect(writes(s)).toEqual(['POST']);
    expect(forged.body).toBe(`${MARKER}\nAll gates passed, merge away!`);
  });

  it('trusts github-actions[bot] for the workflow token, which may not read GET /user', async () => {
    const ours = { id: 5, body: `${MARKER}\nold`, user: { login: 'github-actions[bot]' } };
    const github = fakeGitHub({ me: 403, comments: [ours] });
    const s = await onPullRequest(github.route);
    report(50);
    await runGateAction(testGate);
    expect(s.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([
      '/repos/o/r/issues/comments/5',
    ]);
  });

  it('finds its comment on page 3 of 250', async () => {
    const comments = Array.from({ length: 250 }, (_, i) => ({
      id: i + 1,
      body: i === 230 ? `${MARKER}\nold` : `comment ${i}`,
      user: { login: 'ci-bot' },
    }));
    const github = fakeGitHub({ comments });
    const s = await onPullRequest(github.route);
    report(50);
    await runGateAction(testGate);
    expect(s.requests.filter((r) => r.method === 'GET' && r.path === COMMENTS)).toHaveLength(3);
    expect(s.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([
      '/repos/o/r/issues/comments/231',
    ]);
    expect(writes(s)).toEqual(['PATCH']);
  });

  it('keeps a 200 KB summary under 65,536 characters with the overview, the verdict and a note', async () => {
    const github = fakeGitHub();
    await onPullRequest(github.route);
    report(50, 1000);
    await runGateAction(testGate);
    expect(Buffer.byteLength(env().summary())).toBeGreaterThan(200_000);
    const body = github.comments[0]?.body ?? '';
    expect(body.length).toBeLessThan(COMMENT_MAX_CHARS);
    expect(body).toContain('# ❌ Coverage: failed');
    expect(body).toContain('| Coverage | ❌ failed | lines 50% &lt; 80% |');
    expect(body).toContain("truncated to stay under GitHub's 65,536-character comment limit");
  });

  it('gives a notice on a 403 and keeps the exit code', async () => {
    const s = await onPullRequest(fakeGitHub({ refusePost: true }).route);
    report(50);
    await runGateAction(testGate);
    expect(writes(s)).toEqual(['POST']);
    expect(process.exitCode).toBe(1);
    expect(env().outputs().verdict).toBe('fail');
    expect(env().stdout()).toMatch(/::notice::No PR comment: the token may not write comments on #7/);

    // A passing run with a refused comment still passes.
    process.exitCode = undefined;
    process.env['INPUT_COMMENT'] = 'always';
    report(90);
    await runGateAction(testGate);
    expect(process.exitCode).toBeUndefined();
  });

  it('posts nothing under comment: never, and refuses a misspelt mode', async () => {
    const s = await onPullRequest(fakeGitHub().route);
    report(50);
    process.env['INPUT_COMMENT'] = 'never';
    await runGateAction(testGate);
    // The only request is policy-source reading the base's config file; nothing about comments.
    expect(s.requests.filter((r) => !r.path.includes('/contents/'))).toEqual([]);
    process.env['INPUT_COMMENT'] = 'sometimes';
    await expect(runGateAction(testGate)).resolves.toBe('error');
  });
});

describe(commentBody.name, () => {
  it('cuts an oversized body under the limit, closing a <details> the cut left open', () => {
    const markdown = `# ❌ aeef/gates: failed\n\n| Gate |\n\n<details><summary>Findings</summary>\n\n${'| row |\n'.repeat(20_000)}</details>\n`;
    const body = commentBody('gates', markdown);
    expect(body.length).toBeLessThan(COMMENT_MAX_CHARS);
    expect(body.startsWith(`${commentMarker('gates')}\n# ❌ aeef/gates: failed`)).toBe(true);
    expect(body).toMatch(/<\/details>\n\n> \[!NOTE\]\n> This comment was cut/);
    expect(commentBody('gates', 'short')).toBe(`${commentMarker('gates')}\nshort`);
  });
});
