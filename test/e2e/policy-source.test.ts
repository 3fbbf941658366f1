/**
 * policy-source under Node 24, as a runner runs the coverage bundle and the umbrella: a PR whose
 * head lowers `coverage.min-lines` in `.github/aeef-gates.yml` is judged by the base's 80 by
 * default, by its own 0 under `policy-source: head`, and the summary lists the lowered setting.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makePullRequestRepo, writeTree, type PullRequestRepo } from '../support/git-repo.js';
import { runAction, workflowCommands } from '../support/run-action.js';

const CONFIG = '.github/aeef-gates.yml';
const HALF = 'TN:\nSF:src/app.js\nDA:1,1\nDA:2,0\nLF:2\nLH:1\nend_of_record\n';
const repos: PullRequestRepo[] = [];
afterAll(() => {
  for (const r of repos) rmSync(r.dir, { recursive: true, force: true });
});

function lowering(extra = ''): PullRequestRepo {
  const r = makePullRequestRepo(
    {
      'src/app.js': 'a;\nb;\n',
      [CONFIG]: `gates: [coverage]\ncoverage:\n  files: coverage/lcov.info\n  min-lines: 80\n`,
    },
    { [CONFIG]: `gates: [coverage]\ncoverage:\n  files: coverage/lcov.info\n  min-lines: 0\n${extra}` },
  );
  writeTree(r.dir, { 'coverage/lcov.info': HALF });
  repos.push(r);
  return r;
}

/** The summary as a person reads it: Markdown backslash escapes removed. */
const text = (summary: string): string => summary.replaceAll('\\', '');

describe('policy-source (dist bundles under Node 24)', () => {
  it('coverage: the base file judges by default; the summary lists min-lines: 80 → 0', async () => {
    const r = lowering();
    const run = await runAction({ bundle: 'coverage', workspace: r.dir, event: r.pullRequestEvent() });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    expect(text(run.summary)).toContain('coverage.min-lines: 80 → 0');
    expect(text(run.summary)).toContain(`as it is at the base ${r.baseSha.slice(0, 7)} (read with git)`);
    expect(run.result).toMatchObject({
      policy: {
        source: 'base',
        origin: 'git',
        base: r.baseSha,
        changes: [{ setting: 'coverage.min-lines', base: '80', head: '0' }],
      },
    });
  });

  it('coverage: policy-source: head judges by the checkout', async () => {
    const r = lowering();
    const run = await runAction({
      bundle: 'coverage',
      workspace: r.dir,
      event: r.pullRequestEvent(),
      inputs: { 'policy-source': 'head' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(text(run.summary)).toContain('coverage.min-lines: 80 → 0');
    expect(workflowCommands(run.stdout).map((c) => c.command)).not.toContain('error');
  });

  it('the umbrella: the same, and a misspelt policy-source input is an error', async () => {
    const r = lowering();
    const base = await runAction({ bundle: 'gates', workspace: r.dir, event: r.pullRequestEvent() });
    expect(base.outputs['coverage-verdict']).toBe('fail');
    expect(text(base.summary)).toContain('coverage.min-lines: 80 → 0');
    const head = await runAction({
      bundle: 'gates',
      workspace: r.dir,
      event: r.pullRequestEvent(),
      inputs: { 'policy-source': 'head' },
    });
    expect(head.outputs['coverage-verdict']).toBe('pass');
    const typo = await runAction({
      bundle: 'gates',
      workspace: r.dir,
      event: r.pullRequestEvent(),
      inputs: { 'policy-sorce': 'head' },
    });
    expect(typo.exitCode).toBe(1);
    expect(typo.stdout).toContain('policy-source');
  });

  it('hostile values in the head file reach the summary escaped', async () => {
    const r = lowering('  exclude: "<img src=x onerror=alert(1)>|@admin ::error::x"\n');
    const run = await runAction({ bundle: 'coverage', workspace: r.dir, event: r.pullRequestEvent() });
    expect(run.summary).not.toContain('<img');
    expect(run.summary).toContain('&lt;img');
    expect(run.summary).not.toMatch(/@admin/);
    expect(workflowCommands(run.stdout).filter((c) => c.line.includes('::error::x'))).toEqual([]);
  });
});
