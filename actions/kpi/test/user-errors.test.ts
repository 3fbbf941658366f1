/**
 * What the user can fix reads as a sentence to act on, never as "Internal error ... Please report it":
 * a history branch the token may not push to, GitHub KPIs without a token, a malformed result file.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inputsFromRecord } from '@aeef/gate-result';
import { createLocalIO, executeGate } from '@aeef/gate-result/runtime';
import { describe, expect, it } from 'vitest';
import { kpiGate } from '../src/gate.js';
import { gateResultFactory } from '../../../test/support/factories.js';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@e.invalid',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@e.invalid',
};
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });

/** A clone whose origin refuses every push, as GitHub does for a token without `contents: write`. */
function readOnlyOrigin() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'aeef-kpi-ro-'));
  const origin = path.join(root, 'origin.git');
  git(root, 'init', '-q', '--bare', '-b', 'main', origin);
  const workspace = path.join(root, 'ws');
  git(root, 'clone', '-q', origin, workspace);
  writeFileSync(path.join(workspace, 'README.md'), 'sample\n');
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '-m', 'init');
  git(workspace, 'push', '-q', 'origin', 'main');
  const hook = path.join(origin, 'hooks', 'pre-receive');
  writeFileSync(
    hook,
    '#!/bin/sh\necho "Permission to aeef/sample.git denied to github-actions[bot]." >&2\nexit 1\n',
  );
  chmodSync(hook, 0o755);
  const resultDir = path.join(root, 'results');
  mkdirSync(resultDir);
  writeFileSync(path.join(resultDir, 'coverage.json'), JSON.stringify(gateResultFactory()));
  return { workspace, resultDir };
}

const event = {
  name: 'push',
  payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
  repository: { owner: 'aeef', repo: 'sample' },
  headSha: 'c1',
};

describe('the KPI gate on errors the user can fix', () => {
  it('says the job needs `contents: write` when the history branch cannot be pushed', async () => {
    const { workspace, resultDir } = readOnlyOrigin();
    const io = createLocalIO({ workspace, resultDir, event });
    const result = await executeGate(
      kpiGate,
      inputsFromRecord({ 'history-branch': 'kpi-data', formats: 'json' }),
      io,
    );
    expect(result.verdict).toBe('error');
    expect(result.summary).toMatch(/^Could not push the KPI history to `kpi-data` after \d+ attempts/);
    expect(result.summary).toContain('the job needs `contents: write`');
    expect(result.summary).not.toContain('Internal error');
  });

  it('names the token input when the GitHub KPIs have no token', async () => {
    const { workspace, resultDir } = readOnlyOrigin();
    const io = createLocalIO({ workspace, resultDir, event });
    const result = await executeGate(
      kpiGate,
      inputsFromRecord({ 'github-kpis': 'true', formats: 'json' }),
      io,
    );
    expect(result.verdict).toBe('error');
    expect(result.summary).toMatch(/^The GitHub KPIs need a token: set `github-token`/);
  });
});
