/**
 * The committed integrity bundle under Node 24, run exactly as a runner runs it (INPUT_*,
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH) on real temporary PR repositories.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makePullRequestRepo } from '../support/git-repo.js';
import type { PullRequestRepo, Tree } from '../support/git-repo.js';
import { runAction, workflowCommands } from '../support/run-action.js';

const TEST = `import { expect, it } from 'vitest';
import { sum } from '../src/sum.js';

it('adds', () => {
  expect(sum(1, 2)).toBe(3);
});
`;
const HOSTILE =
  '::set-output name=approved::true <img src=https://evil.invalid/p.gif> **bold** [x](https://evil.invalid)';

const repos: PullRequestRepo[] = [];
const repoOf = (base: Tree, head: Tree): PullRequestRepo => {
  const repo = makePullRequestRepo(base, head);
  repos.push(repo);
  return repo;
};
afterEach(() => {
  for (const repo of repos.splice(0)) rmSync(repo.dir, { recursive: true, force: true });
});

describe('integrity bundle (e2e)', () => {
  it('passes a PR that weakens nothing, exit 0', async () => {
    const repo = repoOf(
      { 'src/sum.ts': 'export const sum = (a, b) => a + b;\n', 'test/sum.test.ts': TEST },
      { 'src/sum.ts': 'export const sum = (a: number, b: number): number => a + b;\n' },
    );
    const run = await runAction({ bundle: 'integrity', workspace: repo.dir, event: repo.pullRequestEvent() });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: 'pass', findings: '0', approved: 'true' });
    expect(run.outputs.summary).toBe('No change weakens verification.');
  });

  it('fails a skipped test and an added suppression with annotations at their lines; hostile text stays text', async () => {
    const repo = repoOf(
      { 'src/sum.ts': 'export const sum = (a, b) => a + b;\n', 'test/sum.test.ts': TEST },
      {
        'src/sum.ts': `/* istanbul ignore next */ // ${HOSTILE}\nexport const sum = (a, b) => a + b;\n`,
        'test/sum.test.ts': TEST.replace("it('adds'", "it.skip('adds'"),
      },
    );
    const run = await runAction({ bundle: 'integrity', workspace: repo.dir, event: repo.pullRequestEvent() });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: 'fail', findings: '2', approved: 'false' });
    expect(run.outputs.summary).toContain('suppressions, skipped-tests');
    const commands = workflowCommands(run.stdout);
    const errors = commands.filter((c) => c.command === 'error').map((c) => c.line);
    expect(errors.some((line) => line.includes('file=src/sum.ts,line=1'))).toBe(true);
    expect(errors.some((line) => line.includes('file=test/sum.test.ts,line=4'))).toBe(true);
    // The hostile line reaches no workflow command, output or Markdown unescaped.
    expect(commands.map((c) => c.command)).not.toContain('set-output');
    expect(run.outputs.approved).toBe('false');
    expect(run.summary).not.toContain('<img');
    expect(run.summary).not.toMatch(/\[x\]\(https:\/\/evil/);
  });

  it('fails a deleted test file and is an error without a diff (workflow_dispatch)', async () => {
    const repo = repoOf({ 'src/sum.ts': 'x\n', 'test/sum.test.ts': TEST }, { 'test/sum.test.ts': null });
    const run = await runAction({ bundle: 'integrity', workspace: repo.dir, event: repo.pullRequestEvent() });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: 'fail', findings: '1' });
    const none = await runAction({
      bundle: 'integrity',
      workspace: repo.dir,
      eventName: 'workflow_dispatch',
      event: { repository: { full_name: 'aeef/sample' } },
    });
    expect(none.exitCode).toBe(1);
    expect(none.outputs.verdict).toBe('error');
    expect(none.outputs.summary).toContain('has none');
  });

  it('runs in the umbrella', async () => {
    const repo = repoOf({ 'a.py': 'import os\n' }, { 'a.py': 'import os  # noqa: F401\n' });
    const run = await runAction({
      bundle: 'gates',
      workspace: repo.dir,
      event: repo.pullRequestEvent(),
      inputs: { gates: 'integrity' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['integrity-verdict']).toBe('fail');
    expect(run.summary).toContain('Integrity');
  });
});
