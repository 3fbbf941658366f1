/**
 * The CLI's policy: without `--base` the working tree's config file; with `--base <ref>` the file as
 * it is at that ref, and the settings the working tree changes listed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../../test/support/paths.js';
import type { GateResult } from '@aeef/gate-result';
import {
  makePullRequestRepo,
  writeTree,
  type PullRequestRepo,
  type Tree,
} from '../../../test/support/git-repo.js';
import { runCli, type CliHost } from '../src/main.js';

const CONFIG = '.github/aeef-gates.yml';
const HALF = 'TN:\nSF:src/app.js\nDA:1,1\nDA:2,0\nLF:2\nLH:1\nend_of_record\n';
const repos: PullRequestRepo[] = [];
afterAll(() => {
  for (const r of repos) rmSync(r.dir, { recursive: true, force: true });
});

function repo(base: Tree, head: Tree): PullRequestRepo {
  const r = makePullRequestRepo({ 'src/app.js': 'a;\nb;\n', ...base }, head);
  writeTree(r.dir, { 'coverage/lcov.info': HALF });
  repos.push(r);
  return r;
}

async function cli(dir: string, args: string[]) {
  let stdout = '';
  let stderr = '';
  const host: CliHost = {
    cwd: dir,
    env: {},
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  };
  const code = await runCli(['coverage', '--set', 'coverage.files=coverage/lcov.info', ...args], host);
  return { code, stdout, stderr };
}

const lowering = () =>
  repo({ [CONFIG]: 'coverage:\n  min-lines: 80\n' }, { [CONFIG]: 'coverage:\n  min-lines: 0\n' });

describe('aeef-gates policy source', () => {
  it('with --base main, judges by main’s file and lists the lowered setting', async () => {
    const r = lowering();
    const run = await cli(r.dir, ['--base', 'main', '--no-color']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('coverage.min-lines: 80 → 0');
    expect(run.stdout).toContain(
      `as it is at the base ${r.baseSha.slice(0, 7)} (read with git), from \`--base main\``,
    );
  });

  it('--policy-source head takes the working tree’s file, still listing the change', async () => {
    const r = lowering();
    const run = await cli(r.dir, ['--base', 'main', '--policy-source', 'head', '--json']);
    expect(run.code).toBe(0);
    const [result] = JSON.parse(run.stdout) as GateResult[];
    expect(result?.policy).toMatchObject({
      source: 'head',
      origin: 'checkout',
      changes: [{ setting: 'coverage.min-lines', base: '80', head: '0' }],
    });
  });

  it('without --base the working tree is the policy', async () => {
    const run = await cli(lowering().dir, ['--json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as GateResult[])[0]?.policy).toEqual({
      source: 'head',
      reason: 'the command line without `--base`',
      file: CONFIG,
      origin: 'checkout',
    });
  });

  it('--set still wins over the base file', async () => {
    expect((await cli(lowering().dir, ['--base', 'main', '--set', 'coverage.min-lines=50'])).code).toBe(0);
  });

  it('--policy-source base needs --base; other values are usage errors', async () => {
    const r = lowering();
    const without = await cli(r.dir, ['--policy-source', 'base']);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('needs `--base <ref>`');
    expect((await cli(r.dir, ['--policy-source', 'pr'])).code).toBe(2);
  });

  it('the committed bundle does the same with --base main', () => {
    const r = lowering();
    const run = (args: string[]) => {
      try {
        return {
          code: 0,
          stdout: execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist/cli/index.js'), ...args], {
            cwd: r.dir,
            encoding: 'utf8',
            env: { PATH: process.env.PATH },
          }),
        };
      } catch (error) {
        const failed = error as { status: number; stdout: string };
        return { code: failed.status, stdout: failed.stdout };
      }
    };
    const base = run([
      'coverage',
      '--set',
      'coverage.files=coverage/lcov.info',
      '--base',
      'main',
      '--no-color',
    ]);
    expect(base.code).toBe(1);
    expect(base.stdout).toContain('coverage.min-lines: 80 → 0');
    const head = run([
      'coverage',
      '--set',
      'coverage.files=coverage/lcov.info',
      '--base',
      'main',
      '--policy-source',
      'head',
    ]);
    expect(head.code).toBe(0);
  });
});
