/**
 * The history branch against real git (a local bare repository as `origin`), issue 11 item 7: the
 * export writes only to a branch it created (marker file), never to the default branch or the one
 * being built; it keeps the entries it does not own; it orders records by append position, not by
 * a commit date; and it retries a lost push after a jittered backoff, failing at once otherwise.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inputsFromRecord, type EventContext, type GateIO } from '@aeef/gate-result';
import { createLocalIO, executeGate, writeResultFile } from '@aeef/gate-result/runtime';
import { describe, expect, it } from 'vitest';
import { kpiGate } from '../src/gate.js';
import { appendHistory, MARKER_FILE } from '../src/history-git.js';
import { KPI_SCHEMA, type KpiReport } from '../src/kpi-report.js';
import { gateResultFactory, metricFactory } from '../../../test/support/factories.js';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@e.invalid',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@e.invalid',
};
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim();

function setup() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'aeef-kpi-branch-'));
  const origin = path.join(root, 'origin.git');
  git(root, 'init', '-q', '--bare', '-b', 'main', origin);
  const workspace = path.join(root, 'ws');
  git(root, 'clone', '-q', origin, workspace);
  writeFileSync(path.join(workspace, 'README.md'), 'sample\n');
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '-m', 'init');
  git(workspace, 'push', '-q', 'origin', 'main');
  return { root, origin, workspace };
}

function pushEvent(commit: string, timestamp: string): EventContext {
  return {
    name: 'push',
    payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' }, head_commit: { timestamp } },
    repository: { owner: 'aeef', repo: 'sample' },
    headSha: commit,
  };
}

let dirs = 0;
async function resultDir(root: string, lines: number): Promise<string> {
  const dir = path.join(root, `results-${dirs++}`);
  await writeResultFile(dir, gateResultFactory({ metrics: [metricFactory({ value: lines })] }));
  return dir;
}

async function run(io: GateIO, inputs: Record<string, string>) {
  return executeGate(kpiGate, inputsFromRecord({ formats: 'json', ...inputs }), io);
}

async function pushRun(workspace: string, root: string, commit: string, timestamp: string, lines: number) {
  const io = createLocalIO({
    workspace,
    resultDir: await resultDir(root, lines),
    event: pushEvent(commit, timestamp),
  });
  return run(io, { 'history-branch': 'kpi-data' });
}

/** Every path, mode and blob of a branch, recursively. */
const fullTree = (origin: string, ref: string): string => git(origin, 'ls-tree', '-r', '-t', '-z', ref);

describe('the history branch', () => {
  it('refuses the default branch and leaves it untouched', async () => {
    const { root, origin, workspace } = setup();
    const before = git(origin, 'rev-parse', 'main');
    const io = createLocalIO({
      workspace,
      resultDir: await resultDir(root, 80),
      event: pushEvent('c', '2026-11-01T00:00:00Z'),
    });
    const result = await run(io, { 'history-branch': 'main' });
    expect(result.verdict).toBe('error');
    expect(result.summary).toMatch(/Refusing `history-branch: main`: it is the default branch/);
    expect(git(origin, 'rev-parse', 'main')).toBe(before);
  });

  it('refuses the branch a pull request builds, even when it only reads', async () => {
    const { root, workspace } = setup();
    const pr: EventContext = {
      name: 'pull_request',
      payload: { pull_request: { head: { ref: 'feature' }, base: { ref: 'main' } } },
      repository: { owner: 'aeef', repo: 'sample' },
      headSha: 'p',
      pullNumber: 1,
    };
    const io = createLocalIO({ workspace, resultDir: await resultDir(root, 80), event: pr });
    const result = await run(io, { 'history-branch': 'feature' });
    expect(result.verdict).toBe('error');
    expect(result.summary).toContain('it is the pull request head branch');
  });

  it('refuses an existing branch it did not create (a gh-pages site) and leaves it untouched', async () => {
    const { root, origin, workspace } = setup();
    // A Pages site with the same file names the export writes.
    git(workspace, 'checkout', '-q', '--orphan', 'gh-pages');
    git(workspace, 'rm', '-rfq', '.');
    writeFileSync(path.join(workspace, 'index.html'), '<h1>Our docs</h1>\n');
    writeFileSync(path.join(workspace, '.nojekyll'), '');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-q', '-m', 'site');
    git(workspace, 'push', '-q', 'origin', 'gh-pages');
    git(workspace, 'checkout', '-q', 'main');
    const before = git(origin, 'rev-parse', 'gh-pages');
    const io = createLocalIO({
      workspace,
      resultDir: await resultDir(root, 80),
      event: pushEvent('c', '2026-11-01T00:00:00Z'),
    });
    const result = await run(io, { 'history-branch': 'gh-pages' });
    expect(result.verdict).toBe('error');
    expect(result.summary).toContain(
      `was not created by the KPI export (its tree has no \`${MARKER_FILE}\`)`,
    );
    expect(git(origin, 'rev-parse', 'gh-pages')).toBe(before);
  });

  it('keeps entries it does not own: other files, directories and non-ASCII names', async () => {
    const { root, origin, workspace } = setup();
    expect((await pushRun(workspace, root, 'a', '2026-11-01T00:00:00Z', 80)).verdict).toBe('pass');
    // Someone adds a CNAME, a directory with non-ASCII names and a note inside history/.
    const other = path.join(root, 'other');
    git(root, 'clone', '-q', '-b', 'kpi-data', origin, other);
    writeFileSync(path.join(other, 'CNAME'), 'kpi.example.org\n');
    mkdirSync(path.join(other, 'données', 'sous dossier'), { recursive: true });
    writeFileSync(path.join(other, 'données', 'sous dossier', 'résumé été.txt'), 'ü\n');
    writeFileSync(path.join(other, 'history', 'README.md'), 'notes\n');
    writeFileSync(path.join(other, 'run.sh'), '#!/bin/sh\n');
    chmodSync(path.join(other, 'run.sh'), 0o755);
    git(other, 'add', '-A');
    git(other, 'commit', '-q', '-m', 'extras');
    git(other, 'push', '-q', 'origin', 'kpi-data');
    const extras = (tree: string): string[] =>
      tree
        .split('\0')
        .filter((e) => /\t(CNAME|données.*|history\/README\.md|run\.sh)$/.test(e))
        .sort();
    const kept = extras(fullTree(origin, 'kpi-data'));
    expect(kept).toHaveLength(6);

    expect((await pushRun(workspace, root, 'b', '2026-11-02T00:00:00Z', 81)).verdict).toBe('pass');
    expect(extras(fullTree(origin, 'kpi-data'))).toEqual(kept);
    expect(git(origin, 'show', 'kpi-data:history/2026-11.ndjson').split('\n')).toHaveLength(2);
  });

  it('writes a shields.io endpoint JSON per gate instance into badges/, keeping the others', async () => {
    const { root, origin, workspace } = setup();
    const dir = path.join(root, 'badge-results');
    await writeResultFile(
      dir,
      gateResultFactory({
        metrics: [metricFactory({ value: 91.256, threshold: { op: '>=', value: 80 }, verdict: 'pass' })],
      }),
    );
    await writeResultFile(
      dir,
      gateResultFactory({
        name: 'web',
        verdict: 'fail',
        metrics: [metricFactory({ value: 61.5, threshold: { op: '>=', value: 80 }, verdict: 'fail' })],
      }),
    );
    const io = createLocalIO({ workspace, resultDir: dir, event: pushEvent('a', '2026-11-01T00:00:00Z') });
    expect((await run(io, { 'history-branch': 'kpi-data' })).verdict).toBe('pass');
    const badge = (name: string): unknown => JSON.parse(git(origin, 'show', `kpi-data:badges/${name}`));
    expect(badge('coverage.json')).toEqual({
      schemaVersion: 1,
      label: 'coverage',
      message: 'pass · lines 91.25%',
      color: 'brightgreen',
    });
    expect(badge('coverage-web.json')).toEqual({
      schemaVersion: 1,
      label: 'coverage-web',
      message: 'fail · lines 61.5%',
      color: 'red',
    });
    // A later run of only the unnamed instance replaces its badge and keeps coverage-web's.
    await pushRun(workspace, root, 'b', '2026-11-02T00:00:00Z', 50);
    expect(badge('coverage-web.json')).toMatchObject({ message: 'fail · lines 61.5%' });
    expect(badge('coverage.json')).toMatchObject({ message: 'pass · lines 50%' });
  });

  it('orders records by append position: a commit dated 9999 does not disable max-regression', async () => {
    const { root, workspace } = setup();
    await pushRun(workspace, root, 'a', '2026-11-01T00:00:00Z', 90);
    await pushRun(workspace, root, 'dated', '9999-12-31T00:00:00Z', 0);
    await pushRun(workspace, root, 'c', '2026-11-03T00:00:00Z', 90);
    const pr: EventContext = {
      name: 'pull_request',
      payload: { pull_request: { head: { ref: 'f' }, base: { ref: 'main' } } },
      repository: { owner: 'aeef', repo: 'sample' },
      headSha: 'pr',
      pullNumber: 2,
    };
    const io = createLocalIO({ workspace, resultDir: await resultDir(root, 50), event: pr });
    const result = await run(io, { 'history-branch': 'kpi-data', 'max-regression': 'coverage.lines:1' });
    expect(result.verdict).toBe('fail');
    expect(result.summary).toContain('moved 40 points the wrong way');
  });

  it("compares a PR with its base branch's latest record, never with another branch's", async () => {
    const { root, workspace } = setup();
    await pushRun(workspace, root, 'a', '2026-11-01T00:00:00Z', 90);
    const pr = (base: string): EventContext => ({
      name: 'pull_request',
      payload: { pull_request: { head: { ref: 'f' }, base: { ref: base } } },
      repository: { owner: 'aeef', repo: 'sample' },
      headSha: 'pr',
      pullNumber: 3,
    });
    const check = async (base: string) =>
      run(createLocalIO({ workspace, resultDir: await resultDir(root, 50), event: pr(base) }), {
        'history-branch': 'kpi-data',
        'max-regression': 'coverage.lines:1',
      });
    const intoMain = await check('main');
    expect(intoMain.verdict).toBe('fail');
    expect(intoMain.details.flatMap((d) => d.notes ?? [])).toContain(
      'Compared with `kpi-data` (the latest record of `main`); only pushes to the default branch append to it.',
    );
    // main's 90 % is not the baseline of a PR into release: no record of release yet.
    const intoRelease = await check('release');
    expect(intoRelease.verdict).toBe('pass');
    expect(intoRelease.details.flatMap((d) => d.notes ?? [])).toContain(
      'Compared with `kpi-data` (no record of `release` yet); only pushes to the default branch append to it.',
    );
  });

  it('accepts the layout older versions wrote (no marker yet) and adds the marker', async () => {
    const { root, origin, workspace } = setup();
    const legacy = path.join(root, 'legacy');
    git(root, 'clone', '-q', origin, legacy);
    git(legacy, 'checkout', '-q', '--orphan', 'kpi-data');
    git(legacy, 'rm', '-rfq', '.');
    mkdirSync(path.join(legacy, 'history'));
    const old = { ...report(), commit: 'old' };
    writeFileSync(path.join(legacy, 'history', '2026-10.ndjson'), `${JSON.stringify(old)}\n`);
    writeFileSync(path.join(legacy, 'index.html'), '<!doctype html>\n');
    writeFileSync(path.join(legacy, '.nojekyll'), '');
    git(legacy, 'add', '-A');
    git(legacy, 'commit', '-q', '-m', 'legacy');
    git(legacy, 'push', '-q', 'origin', 'kpi-data');
    expect((await pushRun(workspace, root, 'new', '2026-11-01T00:00:00Z', 80)).verdict).toBe('pass');
    expect(git(origin, 'ls-tree', '--name-only', 'kpi-data')).toContain(MARKER_FILE);
    expect(git(origin, 'show', 'kpi-data:history/2026-11.ndjson')).toMatch(/^\{"seq":1,/);
  });

  it('retries a push lost to other runs after a jittered, growing backoff', async () => {
    const { root, origin, workspace } = setup();
    const other = path.join(root, 'other');
    git(root, 'clone', '-q', origin, other);
    const real = createLocalIO({ workspace, resultDir: path.join(root, 'unused') });
    const otherIO = createLocalIO({ workspace: other, resultDir: path.join(root, 'unused') });
    let pushes = 0;
    const racing = async (args: readonly string[], options?: { stdin?: string }): Promise<string> => {
      // Two other runs append just before each of our first two pushes.
      if (args[0] === 'push' && pushes++ < 2)
        await appendHistory(
          (a, o) => otherIO.git(a, o),
          'kpi-data',
          { ...report(), commit: `o${pushes}` },
          'KPIs',
          {
            sleep: () => Promise.resolve(),
            random: () => 0,
          },
        );
      return real.git(args, options);
    };
    const sleeps: number[] = [];
    const outcome = await appendHistory(racing, 'kpi-data', { ...report(), commit: 'ours' }, 'KPIs', {
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      random: () => 0.5,
    });
    expect(outcome.attempts).toBe(3);
    expect(sleeps).toEqual([188, 375]);
    const lines = git(origin, 'show', 'kpi-data:history/2026-11.ndjson').split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { seq: number; commit: string }).commit)).toEqual([
      'o1',
      'o2',
      'ours',
    ]);
    expect(lines.map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual([0, 1, 2]);
  });

  it('fails at once, without retrying, when the push is refused for another reason', async () => {
    const { root, origin, workspace } = setup();
    const hook = path.join(origin, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "permission denied" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    const io = createLocalIO({ workspace, resultDir: path.join(root, 'unused') });
    const sleeps: number[] = [];
    await expect(
      appendHistory((a, o) => io.git(a, o), 'kpi-data', report(), 'KPIs', {
        sleep: (ms) => {
          sleeps.push(ms);
          return Promise.resolve();
        },
        random: () => 0,
      }),
    ).rejects.toThrow(/Could not push the KPI history to `kpi-data` \(.*\); the job needs `contents: write`/);
    expect(sleeps).toEqual([]);
  });
});

function report(): KpiReport {
  return {
    schema: KPI_SCHEMA,
    repository: 'aeef/sample',
    ref: 'main',
    commit: 'c',
    event: 'push',
    pullNumber: null,
    timestamp: '2026-11-01T10:00:00.000Z',
    gates: [],
    kpis: [
      { id: 'coverage.lines', label: 'Lines', value: 80, unit: 'percent', direction: 'higher-is-better' },
    ],
    conflicts: [],
  };
}
