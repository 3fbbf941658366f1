/**
 * policy-source with the real coverage gate and a real PR repository whose head lowers
 * `coverage.min-lines` in `.github/aeef-gates.yml`: the base's 80 judges a 50% report by default,
 * `policy-source: head` takes the head's 0, and the summary lists the lowered setting.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runGateAction } from '@aeef/gate-result/runtime';
import {
  makePullRequestRepo,
  writeTree,
  type PullRequestRepo,
  type Tree,
} from '../../../test/support/git-repo.js';
import { startGitHubServer, type GitHubServer } from '../../../test/support/github-server.js';
import { useRunnerEnv } from '../../../packages/gate-result/test/runtime/env.js';
import { coverageGate } from '../src/gate.js';

const CONFIG = '.github/aeef-gates.yml';
const BASE_CONFIG = 'coverage:\n  min-lines: 80\n';
const LOWERED = 'coverage:\n  min-lines: 0\n';
/** Two executable lines, one hit: 50% line coverage. */
const HALF = 'TN:\nSF:src/app.js\nDA:1,1\nDA:2,0\nLF:2\nLH:1\nend_of_record\n';

const env = useRunnerEnv();
const dirs: string[] = [];
let server: GitHubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function repo(base: Tree, head: Tree): PullRequestRepo {
  const r = makePullRequestRepo({ 'src/app.js': 'a;\nb;\n', ...base }, head);
  writeTree(r.dir, { 'coverage/lcov.info': HALF });
  dirs.push(r.dir);
  return r;
}

async function run(
  r: PullRequestRepo,
  inputs: Record<string, string> = {},
  eventName = 'pull_request',
  dir = r.dir,
) {
  const event = path.join(env().runnerTemp, 'event.json');
  const payload =
    eventName === 'push'
      ? { before: r.baseSha, after: r.headSha, repository: { full_name: 'aeef/sample' } }
      : r.pullRequestEvent();
  writeFileSync(event, JSON.stringify(payload));
  Object.assign(process.env, {
    GITHUB_WORKSPACE: dir,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: event,
  });
  for (const [name, value] of Object.entries({ files: 'coverage/lcov.info', ...inputs }))
    process.env[`INPUT_${name.toUpperCase()}`] = value;
  const verdict = await runGateAction(coverageGate);
  // Markdown escapes (\` \( ...) removed: the assertions read the text a person sees.
  return { verdict, summary: env().summary().replaceAll('\\', ''), outputs: env().outputs() };
}

describe('policy-source with git', () => {
  it('judges by the base file by default and lists what the head would lower', async () => {
    const r = repo({ [CONFIG]: BASE_CONFIG }, { [CONFIG]: LOWERED });
    const { verdict, summary } = await run(r);
    expect(verdict).toBe('fail');
    expect(summary).toContain(`as it is at the base ${r.baseSha.slice(0, 7)} (read with git)`);
    expect(summary).toContain('coverage.min-lines: 80 → 0');
    expect(summary).toContain('config file would change 1 setting (not in force)');
  });

  it('judges by the head file with policy-source: head, and still lists the change', async () => {
    const r = repo({ [CONFIG]: BASE_CONFIG }, { [CONFIG]: LOWERED });
    const { verdict, summary } = await run(r, { 'policy-source': 'head' });
    expect(verdict).toBe('pass');
    expect(summary).toContain('in the checkout, from `policy-source: head`');
    expect(summary).toContain('coverage.min-lines: 80 → 0');
  });

  it('applies on pull_request_review events too', async () => {
    const r = repo({ [CONFIG]: BASE_CONFIG }, { [CONFIG]: LOWERED });
    expect((await run(r, {}, 'pull_request_review')).verdict).toBe('fail');
  });

  it('lets step inputs win over the base file', async () => {
    const r = repo({ [CONFIG]: BASE_CONFIG }, { [CONFIG]: LOWERED });
    expect((await run(r, { 'min-lines': '40' })).verdict).toBe('pass');
  });

  it('a head that deletes the file is still judged by the base file', async () => {
    const r = repo({ [CONFIG]: BASE_CONFIG }, { [CONFIG]: null });
    const { verdict, summary } = await run(r);
    expect(verdict).toBe('fail');
    expect(summary).toContain('coverage.min-lines: 80 → (unset)');
  });

  it("with no file at the base, the defaults judge, never the PR's new file", async () => {
    const r = repo({}, { [CONFIG]: 'coverage:\n  if-missing: skip\n' });
    const { verdict, summary } = await run(r, { files: 'missing/lcov.info' });
    expect(verdict).toBe('error');
    expect(summary).toContain('does not exist at the base');
    expect(summary).toContain('coverage.if-missing: (unset) → skip');
  });

  it('a malformed base file is an error, not a fallback to the head', async () => {
    const r = repo({ [CONFIG]: 'coverage:\n  min-lines: [\n' }, { [CONFIG]: LOWERED });
    const { verdict, outputs } = await run(r);
    expect(verdict).toBe('error');
    expect(outputs.summary).toContain(`${CONFIG}@${r.baseSha.slice(0, 7)}`);
  });

  it('on push the checkout is the policy', async () => {
    const r = repo({ [CONFIG]: BASE_CONFIG }, { [CONFIG]: LOWERED });
    const { verdict, summary } = await run(r, {}, 'push');
    expect(verdict).toBe('pass');
    expect(summary).toContain('in the checkout, from the default on push');
  });
});

describe('policy-source through the contents API', () => {
  /** A workspace without the base commit: a git repository holding only the head's files. */
  function shallow(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aeef-shallow-'));
    dirs.push(dir);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    writeTree(dir, { [CONFIG]: LOWERED, 'src/app.js': 'a;\nb;\n', 'coverage/lcov.info': HALF });
    return dir;
  }

  async function viaApi(status: number, body: unknown) {
    const r = repo({ [CONFIG]: BASE_CONFIG }, { [CONFIG]: LOWERED });
    // The gate's own diff comes from the API too in a clone without the base: no changed files.
    server = await startGitHubServer((request) =>
      request.path.endsWith('/pulls/7/files') ? { body: [] } : { status, body },
    );
    process.env.GITHUB_API_URL = server.url;
    process.env['INPUT_GITHUB-TOKEN'] = 'ghs_policyToken0123456789';
    const result = await run(r, {}, 'pull_request', shallow());
    return { ...result, r, requests: server.requests };
  }

  it('reads the base file at the base ref', async () => {
    const content = Buffer.from(BASE_CONFIG).toString('base64');
    const { verdict, summary, requests, r } = await viaApi(200, {
      type: 'file',
      encoding: 'base64',
      size: 27,
      content,
    });
    expect(verdict).toBe('fail');
    expect(summary).toContain('(read through the contents API)');
    expect(summary).toContain('coverage.min-lines: 80 → 0');
    const contents = requests.find((q) => q.path.includes('/contents/'));
    expect(contents?.path).toBe('/repos/aeef/sample/contents/.github/aeef-gates.yml');
    expect(contents?.query.get('ref')).toBe(r.baseSha);
  });

  it("a 404 there means no file at the base: the defaults (min-lines 80), not the head's 0", async () => {
    const { verdict, summary } = await viaApi(404, { message: 'Not Found' });
    expect(verdict).toBe('fail');
    expect(summary).toContain('does not exist at the base');
    expect(summary).toContain('coverage.min-lines: (unset) → 0');
  });

  it('another API error is an error naming the permission', async () => {
    const { verdict, outputs } = await viaApi(403, { message: 'Resource not accessible by integration' });
    expect(verdict).toBe('error');
    expect(outputs.summary).toMatch(/Could not read the base policy.*contents: read/);
  });

  it('no token and no base commit is an error, not the head file', async () => {
    const r = repo({ [CONFIG]: BASE_CONFIG }, { [CONFIG]: LOWERED });
    const { verdict, outputs } = await run(r, {}, 'pull_request', shallow());
    expect(verdict).toBe('error');
    expect(outputs.summary).toMatch(/not in the clone.*fetch-depth: 0/);
  });
});
