/**
 * `max-drop` against the base branch's figures from the KPI history branch (issue 15 item 6), on a
 * real git repository with a bare `origin`: the history is written by the KPI export's own append
 * code, read back by append position (not by timestamp), explicit `baseline-files` still win, a
 * named instance reads its own figures, and a branch the export did not create is refused.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  decidingFigure,
  inputsFromRecord,
  renderOverview,
  type EventContext,
  type GateResult,
} from '@aeef/gate-result';
import { createLocalIO, executeGate } from '@aeef/gate-result/runtime';
import { appendHistory } from '@aeef/action-kpi/history';
import { describe, expect, it } from 'vitest';
import { coverageGate } from '../src/gate.js';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@e.invalid',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@e.invalid',
};
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim();

/** 4 executable lines, 3 covered: 75%. */
const HEAD_LCOV = 'SF:src/a.js\nDA:1,1\nDA:2,1\nDA:3,1\nDA:4,0\nend_of_record\n';
/** 4 of 4: 100%. */
const BASE_LCOV = 'SF:src/a.js\nDA:1,1\nDA:2,1\nDA:3,1\nDA:4,1\nend_of_record\n';

function setup() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'aeef-cov-history-'));
  const origin = path.join(root, 'origin.git');
  git(root, 'init', '-q', '--bare', '-b', 'main', origin);
  const workspace = path.join(root, 'ws');
  git(root, 'clone', '-q', origin, workspace);
  writeFileSync(path.join(workspace, 'README.md'), 'sample\n');
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '-m', 'init');
  git(workspace, 'push', '-q', 'origin', 'main');
  writeFileSync(path.join(root, 'head.info'), HEAD_LCOV);
  writeFileSync(path.join(workspace, 'lcov.info'), HEAD_LCOV);
  writeFileSync(path.join(workspace, 'base.info'), BASE_LCOV);
  return { root, origin, workspace };
}

const HEAD = 'c'.repeat(40);
const prEvent: EventContext = {
  name: 'pull_request',
  payload: { pull_request: { base: { ref: 'main' }, head: { ref: 'feature' } } },
  repository: { owner: 'aeef', repo: 'sample' },
  headSha: HEAD,
};

/** Appends a default-branch record holding `figures` (`coverage.lines` → 90) with the export's code. */
async function append(
  workspace: string,
  ref: string,
  commit: string,
  timestamp: string,
  figures: Record<string, number>,
) {
  const io = createLocalIO({ workspace, resultDir: path.join(workspace, '..', 'kpi-results') });
  await appendHistory(
    (args, options) => io.git(args, options),
    'kpi-data',
    {
      schema: 'aeef.kpi/v1',
      repository: 'aeef/sample',
      ref,
      commit,
      event: 'push',
      pullNumber: null,
      timestamp,
      gates: [],
      kpis: Object.entries(figures).map(([id, value]) => ({
        id,
        label: id,
        value,
        unit: 'percent' as const,
        direction: 'higher-is-better' as const,
      })),
      conflicts: [],
    },
    'KPIs',
    { sleep: () => Promise.resolve(), random: () => 0 },
  );
}

async function runCoverage(workspace: string, values: Record<string, string>): Promise<GateResult> {
  const io = createLocalIO({ workspace, resultDir: path.join(workspace, '..', 'results'), event: prEvent });
  return executeGate(coverageGate, inputsFromRecord({ files: 'lcov.info', 'min-lines': '0', ...values }), io);
}

const drop = (r: GateResult) => r.metrics.find((m) => m.id === 'lines-drop');

describe('max-drop against the KPI history branch', () => {
  it("measures the drop against the base branch's latest record, by append position", async () => {
    const { workspace } = setup();
    await append(workspace, 'refs/heads/main', 'a'.repeat(40), '2026-11-02T00:00:00Z', {
      'coverage.lines': 90,
    });
    // Another branch's record is never the baseline, however late.
    await append(workspace, 'refs/heads/release', 'b'.repeat(40), '2026-11-03T00:00:00Z', {
      'coverage.lines': 99,
    });
    // Appended last, dated earliest (the author sets commit dates): still the latest record of main.
    await append(workspace, 'refs/heads/main', 'd'.repeat(40), '2020-01-01T00:00:00Z', {
      'coverage.lines': 80,
    });
    const pass = await runCoverage(workspace, { 'max-drop': '5' });
    expect(pass.verdict, pass.summary).toBe('pass');
    // 80 % on main, 75 % here: 5 points.
    expect(drop(pass)).toMatchObject({ value: 5, verdict: 'pass', threshold: { op: '<=', value: 5 } });
    const notes = pass.details.flatMap((d) => d.notes ?? []).join('\n');
    expect(notes).toContain(
      'the latest record of `main` at dddddddddddd in the KPI history branch `kpi-data`',
    );
    const fail = await runCoverage(workspace, { 'max-drop': '4.99' });
    expect(fail.verdict).toBe('fail');
    expect(fail.summary).toContain('drop vs baseline');
  }, 60_000);

  it("shows the base branch's figure in the overview when the history record was used", async () => {
    const { workspace } = setup();
    await append(workspace, 'refs/heads/main', 'a'.repeat(40), '2026-11-02T00:00:00Z', {
      'coverage.lines': 80,
    });
    const fail = await runCoverage(workspace, { 'max-drop': '4.5' });
    expect(drop(fail)?.base).toEqual({ metric: 'lines', value: 80, setting: 'max-drop' });
    expect(renderOverview([fail])).toContain(
      // Parentheses are escaped by the summary's Markdown escaping; they render as written.
      '| Coverage | ❌ failed | lines 75% \\(base 80%, max-drop 4.5\\) | [coverage](#gate-coverage) |',
    );
    const pass = await runCoverage(workspace, { 'max-drop': '5', 'min-lines': '70' });
    expect(decidingFigure(pass)).toBe('lines 75% ≥ 70% (base 80%)');
    // Explicit baseline files are not the base branch's record: the plain drop figure.
    const files = await runCoverage(workspace, { 'max-drop': '4.5', 'baseline-files': 'base.info' });
    expect(drop(files)?.base).toBeUndefined();
    expect(decidingFigure(files)).toBe('lines-drop 25% > 4.5%');
  }, 60_000);

  it('lets explicit baseline-files win over the history', async () => {
    const { workspace } = setup();
    await append(workspace, 'refs/heads/main', 'a'.repeat(40), '2026-11-02T00:00:00Z', {
      'coverage.lines': 76,
    });
    const r = await runCoverage(workspace, { 'max-drop': '10', 'baseline-files': 'base.info' });
    // 100 % in base.info, not the history's 76 %.
    expect(drop(r)?.value).toBe(25);
    expect(r.verdict).toBe('fail');
  }, 60_000);

  it("reads a named instance's own figures (coverage-web.lines)", async () => {
    const { workspace } = setup();
    await append(workspace, 'refs/heads/main', 'a'.repeat(40), '2026-11-02T00:00:00Z', {
      'coverage.lines': 100,
      'coverage-web.lines': 77.5,
    });
    const r = await runCoverage(workspace, { 'max-drop': '3', name: 'web' });
    expect(drop(r)?.value).toBe(2.5);
    expect(r.verdict).toBe('pass');
  }, 60_000);

  it('is an error that says how to get a baseline when there is none', async () => {
    const { workspace } = setup();
    const none = await runCoverage(workspace, { 'max-drop': '1' });
    expect(none.verdict).toBe('error');
    expect(none.summary).toContain(
      '`max-drop` has no baseline: the KPI history branch `kpi-data` does not exist',
    );
    expect(none.summary).toContain('set `baseline-files`');
    await append(workspace, 'refs/heads/release', 'a'.repeat(40), '2026-11-02T00:00:00Z', {
      'coverage.lines': 90,
    });
    const other = await runCoverage(workspace, { 'max-drop': '1' });
    expect(other.summary).toContain('holds no record of `main` yet');
    await append(workspace, 'refs/heads/main', 'b'.repeat(40), '2026-11-02T00:00:00Z', {
      'mutation.score': 90,
    });
    const noCoverage = await runCoverage(workspace, { 'max-drop': '1' });
    expect(noCoverage.summary).toContain('holds no `coverage` figures');
  }, 60_000);

  it('refuses a history branch the KPI export did not create', async () => {
    const { workspace } = setup();
    git(workspace, 'checkout', '-q', '-b', 'site');
    writeFileSync(path.join(workspace, 'index.html'), '<p>site</p>\n');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-q', '-m', 'site');
    git(workspace, 'push', '-q', 'origin', 'site');
    const r = await runCoverage(workspace, { 'max-drop': '1', 'history-branch': 'site' });
    expect(r.verdict).toBe('error');
    expect(r.summary).toContain('Refusing `history-branch: site`');
  }, 60_000);
});
