/**
 * A real workflow runner: nektos/act (installed by scripts/setup-act.sh; CI requires it) runs the
 * repository's own workflow .github/workflows/gates.yml in self-hosted mode, no Docker. act reads
 * every action.yml (`uses: ./actions/<gate>` and the umbrella `uses: ./`), runs the committed node24
 * bundles with the Node 24 first on the PATH, passes inputs and outputs between steps, and fails the
 * job when the workflow's own checks of the gates' outputs fail. `actions/checkout` of the repository
 * itself is served by act from the local clone, so nothing is fetched.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE24, REPO_ROOT } from '../support/paths.js';
import { reportSkip, requireProgram } from '../support/services.js';

const ACT = requireProgram('act', 'run `bash scripts/setup-act.sh` (nektos/act from the Go module proxy)', [
  path.join(REPO_ROOT, 'tools', 'go-bin', 'act'),
]);
const WORKFLOW = path.join('.github', 'workflows', 'gates.yml');

/** A git clone-like copy of what the workflow needs: the actions, their bundles and the sample. */
function repository(editWorkflow: (text: string) => string = (t) => t): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aeef-act-'));
  for (const part of ['action.yml', 'actions', 'dist', 'examples', WORKFLOW]) {
    cpSync(path.join(REPO_ROOT, part), path.join(dir, part), {
      recursive: true,
      filter: (src) =>
        !/[\\/](node_modules|src|test)$/.test(src) || src.startsWith(path.join(REPO_ROOT, 'examples')),
    });
  }
  const workflow = path.join(dir, WORKFLOW);
  writeFileSync(workflow, editWorkflow(readFileSync(workflow, 'utf8')));
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.invalid',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.invalid',
      },
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'sample');
  return dir;
}

function act(dir: string): Promise<{ code: number; output: string }> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'aeef-act-home-'));
  const env = {
    PATH: `${path.dirname(NODE24)}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: home, // act's cache and settings stay in the test's own directory
    // no Docker: self-hosted mode runs the steps on this machine
    DOCKER_HOST: '',
  };
  return new Promise((resolve) => {
    execFile(
      ACT.path!,
      ['push', '-W', WORKFLOW, '-P', 'ubuntu-latest=-self-hosted', '--action-offline-mode', '--no-recurse'],
      { cwd: dir, env, maxBuffer: 32 * 1024 * 1024, timeout: 240_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, output: stdout + stderr });
      },
    );
  });
}

describe.skipIf(reportSkip(ACT))('the workflow through nektos/act (self-hosted, Node 24)', () => {
  it('runs gates.yml: every gate action and the umbrella pass and the workflow checks their outputs', async () => {
    const { code, output } = await act(repository());
    expect(code, output).toBe(0);
    for (const step of [
      'actions/checkout@',
      './actions/coverage',
      './actions/mutation',
      './actions/sarif',
      './',
      'Check the outputs',
      'Check that the missing report failed the step',
    ]) {
      expect(output).toContain(`Success - Main ${step}`);
    }
    // the umbrella's own summary, written through act's GITHUB_STEP_SUMMARY
    expect(output).toMatch(
      /Coverage: passed[\s\S]*Mutation score: passed[\s\S]*Static analysis: passed[\s\S]*Licenses: passed/,
    );
    // the deliberately missing report failed its step, as the gate must (fail closed)
    expect(output).toContain('No SARIF file matches `files` (reports/does-not-exist.sarif)');
    expect(output).toContain('Job succeeded');
  }, 300_000);

  it("fails the job when a gate's output is not what the workflow expects", async () => {
    const dir = repository((t) =>
      t.replace('test "$COVERAGE_LINES" = 91.3', 'test "$COVERAGE_LINES" = 99.9'),
    );
    const { code, output } = await act(dir);
    expect(code).not.toBe(0);
    expect(output).toContain('Failure - Main Check the outputs');
    expect(output).toContain('Job failed');
  }, 300_000);
});
