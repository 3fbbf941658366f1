/**
 * The umbrella bundle (dist/gates) under Node 24, as a runner runs `uses: aeef/gates@v1`: every gate
 * configured in .github/aeef-gates.yml on the sample project's real reports, in a real PR repository.
 * One process, one summary, one exit code, and the KPI export sees every other gate's result.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makePullRequestRepo, type PullRequestRepo } from '../support/git-repo.js';
import { REPO_ROOT } from '../support/paths.js';
import { runAction, workflowCommands } from '../support/run-action.js';

const EXAMPLES = path.join(REPO_ROOT, 'examples');
const CART = readFileSync(path.join(EXAMPLES, 'src', 'cart.js'), 'utf8');
// The PR adds formatPrice (the last function of the sample): its lines are the changed lines.
const BASE_CART = `${CART.slice(0, CART.indexOf('export function formatPrice'))}`;

const CONFIG = `gates: [coverage, mutation, sarif, license, pr-size, kpi]
coverage:
  files: reports/coverage/lcov.info
  exclude: test/**
  min-lines: 80
mutation:
  files: reports/mutation/mutation.json
  min-score: 60
sarif:
  files: reports/semgrep.sarif
license:
  sources: package-lock.json
pr-size:
  max-lines: 400
kpi:
  formats: json,openmetrics
`;

const repos: PullRequestRepo[] = [];
afterAll(() => {
  for (const r of repos) rmSync(r.dir, { recursive: true, force: true });
});

function sampleRepo(config: string): PullRequestRepo {
  // The config file is the base branch's (on a pull_request the policy is read at the base commit).
  const repo = makePullRequestRepo(
    {
      'src/cart.js': BASE_CART,
      'package.json': readFileSync(path.join(EXAMPLES, 'package.json'), 'utf8'),
      '.github/aeef-gates.yml': config,
    },
    { 'src/cart.js': CART },
  );
  // Reports and the lockfile arrive as a CI run leaves them: untracked files in the workspace.
  for (const item of ['reports', 'test', 'package-lock.json']) {
    cpSync(path.join(EXAMPLES, item), path.join(repo.dir, item), { recursive: true });
  }
  repos.push(repo);
  return repo;
}

describe('the umbrella action (dist/gates under Node 24)', () => {
  it('runs every configured gate in one step and the KPI export sees each result', async () => {
    const repo = sampleRepo(CONFIG);
    const r = await runAction({ bundle: 'gates', workspace: repo.dir, event: repo.pullRequestEvent() });
    expect(r.stderr).toBe('');
    expect(r.outputs.verdict, r.stdout).toBe('pass');
    expect(r.exitCode).toBe(0);
    for (const gate of ['coverage', 'mutation', 'sarif', 'license', 'pr-size', 'kpi']) {
      expect(r.outputs[`${gate}-verdict`], gate).toBe('pass');
    }
    // Numbers of the producing tools: node --test's lcov (src/cart.js 21/23 lines), StrykerJS (20/30).
    expect(r.outputs['coverage-lines']).toBe('91.3');
    expect(r.outputs['mutation-score']).toBe('66.66');
    expect(r.outputs['pr-size-source']).toBe('git');

    const kpi = JSON.parse(readFileSync(r.outputs['kpi-kpi-file']!, 'utf8')) as {
      gates: { gate: string; verdict: string }[];
      kpis: { id: string; value: number | null }[];
    };
    expect(kpi.gates.map((g) => g.gate)).toEqual(['coverage', 'mutation', 'sarif', 'license', 'pr-size']);
    expect(kpi.kpis.find((k) => k.id === 'gates.pass-rate')?.value).toBe(100);
    expect(kpi.kpis.find((k) => k.id === 'coverage.lines')?.value).toBeCloseTo(91.304, 2);
    expect(readFileSync(r.outputs['kpi-openmetrics-file']!, 'utf8')).toContain(
      'aeef_gate_verdict{gate="pr-size",verdict="pass"} 1',
    );

    // One combined summary with a section per gate.
    for (const title of [
      'Coverage',
      'Mutation score',
      'Static analysis',
      'Licenses',
      'PR size',
      'KPI export',
    ]) {
      expect(r.summary).toContain(`## ✅ ${title}: passed`);
    }
    // Only the gates' own annotations reach the log.
    expect(
      workflowCommands(r.stdout).every((c) => ['warning', 'notice', 'error', 'add-mask'].includes(c.command)),
    ).toBe(true);
  });

  it('fails the one step when any gate fails, and still exports the KPIs', async () => {
    const repo = sampleRepo(CONFIG.replace('min-lines: 80', 'min-lines: 95'));
    const r = await runAction({ bundle: 'gates', workspace: repo.dir, event: repo.pullRequestEvent() });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.outputs['coverage-verdict']).toBe('fail');
    expect(r.outputs['kpi-verdict']).toBe('pass');
    expect(r.stdout).toMatch(/^::error::.*Coverage failed/m);
  });

  it('is an error when no gate is configured, never a pass', async () => {
    const repo = sampleRepo('coverage:\n  min-lines: 80\n');
    const r = await runAction({ bundle: 'gates', workspace: repo.dir, event: repo.pullRequestEvent() });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/No gate selected/);
  });

  it('is an error naming the key when the config file has a typo', async () => {
    const repo = sampleRepo(CONFIG.replace('min-lines: 80', 'min-line: 80'));
    const r = await runAction({ bundle: 'gates', workspace: repo.dir, event: repo.pullRequestEvent() });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/min-line/);
    expect(r.stdout).toMatch(/min-lines/);
  });

  it('runs only the gates named in the gates input', async () => {
    const repo = sampleRepo(CONFIG);
    writeFileSync(path.join(repo.dir, 'unused.txt'), 'x');
    const r = await runAction({
      bundle: 'gates',
      workspace: repo.dir,
      event: repo.pullRequestEvent(),
      inputs: { gates: 'sarif' },
    });
    expect(r.exitCode).toBe(0);
    expect(r.outputs['sarif-verdict']).toBe('pass');
    expect(r.outputs['coverage-verdict']).toBeUndefined();
  });
});
