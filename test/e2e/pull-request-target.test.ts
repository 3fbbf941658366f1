/**
 * The pull_request_target guard in the committed bundles, as a runner runs them: a gate other than
 * pr-size (which had the only guard) refuses a workspace at the PR head, and the umbrella too.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makePullRequestRepo, type PullRequestRepo } from '../support/git-repo.js';
import { runAction } from '../support/run-action.js';

const repos: PullRequestRepo[] = [];
afterAll(() => {
  for (const r of repos) rmSync(r.dir, { recursive: true, force: true });
});

function headCheckout(): PullRequestRepo {
  const repo = makePullRequestRepo(
    { 'a.txt': 'a\n' },
    { 'a.txt': 'b\n', 'lcov.info': 'SF:a.txt\nDA:1,1\nend_of_record\n' },
  );
  repos.push(repo);
  return repo;
}

describe('a gate on pull_request_target with the PR head checked out (bundles under Node 24)', () => {
  it.each(['coverage', 'gates'])('dist/%s refuses unless allow-unsafe: true', async (bundle) => {
    const repo = headCheckout();
    const base = {
      bundle,
      workspace: repo.dir,
      eventName: 'pull_request_target',
      event: repo.pullRequestEvent(),
    };
    const inputs: Record<string, string> =
      bundle === 'gates' ? { gates: 'coverage' } : { files: 'lcov.info' };
    const refused = await runAction({ ...base, inputs });
    expect(refused.exitCode).toBe(1);
    const summary = bundle === 'gates' ? refused.outputs['coverage-summary'] : refused.outputs.summary;
    expect(summary).toMatch(
      /^Refusing an untrusted checkout in a privileged context: on pull_request_target the workspace is at the PR's commit [0-9a-f]{7}, so the coverage gate/,
    );

    const allowed = await runAction({ ...base, inputs: { ...inputs, 'allow-unsafe': 'true' } });
    const ran = bundle === 'gates' ? allowed.outputs['coverage-summary'] : allowed.outputs.summary;
    expect(ran).not.toMatch(/untrusted checkout/);
  });
});
