/**
 * The KPI gate end to end through the real IO (a temp workspace, real result files) and a local
 * bare repository as `origin` for the history branch.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inputsFromRecord, type EventContext, type GateIO } from '@aeef/gate-result';
import { createLocalIO, executeGate, writeResultFile } from '@aeef/gate-result/runtime';
import { describe, expect, it } from 'vitest';
import { kpiGate } from '../src/gate.js';
import { parseHistory } from '../src/history-record.js';
import { gateResultFactory, metricFactory } from '../../../test/support/factories.js';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@e.invalid',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@e.invalid',
};
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim();

function setup() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'aeef-kpi-'));
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

/** Result files as the gates' runtime writes them (recorded in the directory's ledger). */
async function resultDirWith(root: string, name: string, lines: number): Promise<string> {
  const dir = path.join(root, name);
  await writeResultFile(dir, gateResultFactory({ metrics: [metricFactory({ value: lines })] }));
  await writeResultFile(dir, gateResultFactory({ gate: 'sarif', verdict: 'fail', metrics: [] }));
  return dir;
}

async function runKpi(io: GateIO, inputs: Record<string, string>) {
  return executeGate(kpiGate, inputsFromRecord(inputs), io);
}

function historyOf(origin: string): ReturnType<typeof parseHistory> {
  const listing = git(origin, 'ls-tree', '--name-only', 'kpi-data:history').split('\n');
  return parseHistory(listing.map((f) => git(origin, 'show', `kpi-data:history/${f}`) + '\n'));
}

describe('the KPI gate', () => {
  it('exports every format from the result files of this job', async () => {
    const { root, workspace } = setup();
    const resultDir = await resultDirWith(root, 'results', 91.3);
    const io = createLocalIO({ workspace, resultDir, event: pushEvent('c1', '2026-11-01T00:00:00Z') });
    const result = await runKpi(io, {});
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('2 gate result(s)');
    const kpi = JSON.parse(readFileSync(result.outputs['kpi-file']!, 'utf8')) as {
      schema: string;
      gates: unknown[];
    };
    expect(kpi.schema).toBe('aeef.kpi/v1');
    expect(kpi.gates).toHaveLength(2);
    expect(readFileSync(result.outputs['openmetrics-file']!, 'utf8')).toContain(
      'aeef_gate_metric{gate="coverage",metric="lines",unit="percent"} 91.3',
    );
    expect(readFileSync(result.outputs['csv-file']!, 'utf8')).toContain('coverage.lines');
    expect(JSON.parse(readFileSync(result.outputs['benchmark-file']!, 'utf8'))).toContainEqual({
      name: 'coverage.lines',
      unit: '%',
      value: 91.3,
    });
    expect(result.metrics[0]).toMatchObject({ id: 'pass-rate', value: 50 });
  });

  it('is an error naming the file when a result file passed in is malformed', async () => {
    const { root, workspace } = setup();
    const resultDir = await resultDirWith(root, 'results', 80);
    mkdirSync(path.join(workspace, 'artifacts'));
    writeFileSync(path.join(workspace, 'artifacts', 'mutation.json'), '{"schema":"aeef.gate-result/v1"');
    const result = await runKpi(createLocalIO({ workspace, resultDir }), { results: 'artifacts/*.json' });
    expect(result.verdict).toBe('error');
    expect(result.summary).toMatch(/mutation\.json is not valid JSON/);
  });

  it('is an error when no result file exists, unless if-missing says otherwise', async () => {
    const { root, workspace } = setup();
    const io = createLocalIO({ workspace, resultDir: path.join(root, 'empty') });
    expect((await runKpi(io, {})).verdict).toBe('error');
    expect((await runKpi(io, { 'if-missing': 'skip' })).verdict).toBe('pass');
  });

  it('appends one record per run to the history branch and renders the dashboard', async () => {
    const { root, origin, workspace } = setup();
    for (const [i, lines] of [80, 82].entries()) {
      const io = createLocalIO({
        workspace,
        resultDir: await resultDirWith(root, `r${i}`, lines),
        event: pushEvent(`c${i}`, `2026-11-0${i + 1}T00:00:00Z`),
      });
      const result = await runKpi(io, { 'history-branch': 'kpi-data', formats: 'json' });
      expect(result.verdict, result.summary).toBe('pass');
      expect(result.outputs['dashboard-url']).toBe('https://aeef.github.io/sample/');
    }
    const history = historyOf(origin);
    expect(history.records.map((r) => r.commit)).toEqual(['c0', 'c1']);
    expect(git(origin, 'ls-tree', '--name-only', 'kpi-data')).toBe(
      '.aeef-kpi-history\n.nojekyll\nbadges\nhistory\nindex.html',
    );
    expect(git(origin, 'show', 'kpi-data:index.html')).toContain('data-kpi="coverage.lines"');
  });

  it('retries when another run pushed to the history branch first', async () => {
    const { root, origin, workspace } = setup();
    const first = createLocalIO({
      workspace,
      resultDir: await resultDirWith(root, 'a', 80),
      event: pushEvent('a', '2026-11-01T00:00:00Z'),
    });
    await runKpi(first, { 'history-branch': 'kpi-data', formats: 'json' });

    // A second clone stands for a concurrent job: it appends just before our first push attempt.
    const other = path.join(root, 'other');
    git(root, 'clone', '-q', origin, other);
    const otherIO = createLocalIO({
      workspace: other,
      resultDir: await resultDirWith(root, 'b', 81),
      event: pushEvent('b', '2026-11-02T00:00:00Z'),
    });
    const real = createLocalIO({
      workspace,
      resultDir: await resultDirWith(root, 'c', 82),
      event: pushEvent('c', '2026-11-03T00:00:00Z'),
    });
    let pushes = 0;
    const racing: GateIO = {
      ...real,
      async git(args, options) {
        if (args[0] === 'push' && pushes++ === 0)
          await runKpi(otherIO, { 'history-branch': 'kpi-data', formats: 'json' });
        return real.git(args, options);
      },
    };
    const result = await runKpi(racing, { 'history-branch': 'kpi-data', formats: 'json' });
    expect(result.verdict, result.summary).toBe('pass');
    expect(result.details.find((d) => d.title === 'Notes')?.notes?.join(' ')).toContain('2 push attempt(s)');
    expect(historyOf(origin).records.map((r) => r.commit)).toEqual(['a', 'b', 'c']);
  });

  it('fails a regression bar against the last record, and PR runs only compare', async () => {
    const { root, origin, workspace } = setup();
    await runKpi(
      createLocalIO({
        workspace,
        resultDir: await resultDirWith(root, 'a', 85),
        event: pushEvent('a', '2026-11-01T00:00:00Z'),
      }),
      {
        'history-branch': 'kpi-data',
        formats: 'json',
      },
    );
    const pr: EventContext = {
      name: 'pull_request',
      payload: {},
      repository: { owner: 'aeef', repo: 'sample' },
      headSha: 'pr1',
      pullNumber: 3,
    };
    const result = await runKpi(
      createLocalIO({ workspace, resultDir: await resultDirWith(root, 'b', 83.5), event: pr }),
      {
        'history-branch': 'kpi-data',
        'max-regression': 'coverage.lines:1',
        formats: 'json',
      },
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toContain('moved 1.5 points the wrong way');
    expect(historyOf(origin).records).toHaveLength(1);
  });
});
