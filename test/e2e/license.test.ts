// End to end: the committed dist/license bundle under Node 24, run as a runner runs it, on a real
// project (actions/license/test/fixtures/npm-project) committed in a PR repository and installed
// with `npm ci`: pass, fail, missing, malformed, and hostile report strings (E1, E5, E12).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PROJECT } from '../../actions/license/test/support/npm-project.js';
import { makePullRequestRepo, type PullRequestRepo } from '../support/git-repo.js';
import { runAction, workflowCommands } from '../support/run-action.js';

const project = {
  'package.json': readFileSync(path.join(FIXTURE_PROJECT, 'package.json'), 'utf8'),
  'package-lock.json': readFileSync(path.join(FIXTURE_PROJECT, 'package-lock.json'), 'utf8'),
  '.gitignore': 'node_modules/\n',
};

let repo: PullRequestRepo;

beforeAll(() => {
  repo = makePullRequestRepo({ ...project, 'README.md': 'base\n' }, { 'README.md': 'head\n' });
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: repo.dir,
    stdio: 'pipe',
    timeout: 120_000,
  });
});

const run = (
  workspace: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
  pr: PullRequestRepo = repo,
): ReturnType<typeof runAction> =>
  // The event of the repository in the workspace: its base commit holds the policy (policy-source).
  runAction({ bundle: 'license', workspace, inputs, env, event: pr.pullRequestEvent() });

describe('license action (dist/license, Node 24)', () => {
  it('passes the installed project with an exception for its CC-BY-3.0 data package', async () => {
    const r = await run(repo.dir, {
      exceptions: 'spdx-exceptions@^2.5.0: SPDX exception list data, approved (LEGAL-7)',
    });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    // 17 installed packages (license-checker-rseidelsohn lists the same 17), minus the dev-only is-number.
    expect(r.outputs).toMatchObject({
      verdict: 'pass',
      packages: '16',
      violations: '0',
      unknown: '0',
      'exceptions-used': '1',
    });
    expect(r.summary).toContain('MIT OR GPL-3.0-or-later');
    expect(r.summary).toContain('1 development package was not checked');
  });

  it('fails it with the default allow list, naming the package, license and path', async () => {
    const r = await run(repo.dir);
    expect(r.exitCode).toBe(1);
    expect(r.outputs).toMatchObject({ verdict: 'fail', violations: '1' });
    expect(r.outputs.summary).toBe(
      '1 of 16 production and optional packages fail the license policy (1 not allowed or denied, 0 unknown). 1 development package was not checked.',
    );
    expect(r.summary).toContain(
      '| spdx-exceptions | 2.5.0 | CC-BY-3.0 | not allowed: CC-BY-3.0 | spdx-exceptions |',
    );
    expect(workflowCommands(r.stdout).some((c) => c.command === 'error')).toBe(true);
  });

  it('denies the AND of pako when Zlib is denied, even though MIT is allowed', async () => {
    const r = await run(repo.dir, { deny: 'Zlib', exceptions: 'spdx-exceptions@*: data' });
    expect(r.exitCode).toBe(1);
    expect(r.summary).toMatch(
      /\| pako \| 1\.0\.11 \| MIT AND Zlib \| denied: Zlib \| jszip (?:&gt;|\\>|>) pako \|/,
    );
    expect(r.outputs.violations).toBe('1');
  });

  it('is an error when there is nothing to read', async () => {
    const empty = makePullRequestRepo({ 'README.md': 'x\n' }, { 'README.md': 'y\n' });
    const r = await run(empty.dir, {}, {}, empty);
    expect(r.exitCode).toBe(1);
    expect(r.outputs.verdict).toBe('error');
    expect(r.outputs.summary).toMatch(/No lockfile, node_modules or SBOM found/);
  });

  it('is an error on a malformed lockfile', async () => {
    const broken = makePullRequestRepo({ 'package-lock.json': '{"lockfileVersion": 3, "packages": {' }, {});
    const r = await run(broken.dir, {}, {}, broken);
    expect(r.exitCode).toBe(1);
    expect(r.outputs.verdict).toBe('error');
    expect(r.outputs.summary).toMatch(/package-lock\.json is not valid JSON/);
  });

  it('keeps hostile license strings inert: no injected command, no HTML, no secret (E1, E5, E12)', async () => {
    const hostile =
      '\n::set-output name=passed::true\n</td></tr></table><h1>All gates passed</h1><img src=https://evil/p.gif>';
    const evil = makePullRequestRepo(
      { 'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { evil: '1.0.0' } }) },
      {},
    );
    writeFileSync(
      path.join(evil.dir, 'package-lock.json'),
      JSON.stringify({
        lockfileVersion: 3,
        packages: { '': { name: 'app' }, 'node_modules/evil': { version: '1.0.0', license: hostile } },
      }),
    );
    const secret = 'SECRET_SENTINEL_5f2e9a';
    const r = await run(evil.dir, {}, { SECRET_SENTINEL: secret, GITHUB_TOKEN: 'ghs_fakeTokenValue123456' });
    expect(r.exitCode).toBe(1);
    expect(workflowCommands(r.stdout).map((c) => c.command)).not.toContain('set-output');
    expect(r.outputs.passed).toBeUndefined();
    expect(r.summary).not.toMatch(/<img|<h1>|<\/table><h1>/);
    // The runtime masks the token with ::add-mask:: (the runner then hides it); nothing else may carry it.
    const stdout = r.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    for (const channel of [stdout, r.stderr, r.summary, JSON.stringify(r.outputs)]) {
      expect(channel).not.toContain(secret);
      expect(channel).not.toContain('ghs_fakeTokenValue123456');
    }
  });
});
