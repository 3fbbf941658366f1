/**
 * The pull_request_target guard of the runtime (RELIABILITY C5), on real repositories: the PR's code
 * in the workspace is refused unless the step says `allow-unsafe: true`, however it was checked out.
 */
import { describe, expect, it } from 'vitest';
import { makePullRequestRepo, type PullRequestRepo } from '../../../../test/support/git-repo.js';
import type { EventContext, Gate, GateIO } from '../../src/gate.js';
import { inputsFromRecord, layerInputs } from '../../src/input-specs.js';
import { parseConfigFile } from '../../src/config-file.js';
import { untrustedCheckout } from '../../src/runtime/checkout-guard.js';
import { createLocalIO } from '../../src/runtime/local-io.js';
import { executeGate } from '../../src/runtime/run-gate.js';
import { createResult } from '../../src/result-builder.js';

/** A gate that reads nothing: whatever it returns shows the guard let it run. */
const probeGate: Gate<Record<string, never>> = {
  id: 'sarif',
  title: 'Probe',
  inputs: [],
  config: () => ({}),
  run: () => Promise.resolve(createResult('sarif', { verdict: 'pass', summary: 'ran' })),
};

function prRepo(): PullRequestRepo {
  return makePullRequestRepo({ 'a.txt': 'a\n' }, { 'a.txt': 'b\n' });
}

function ioOf(
  repo: PullRequestRepo,
  name = 'pull_request_target',
  extra: Record<string, unknown> = {},
): GateIO {
  const payload = repo.pullRequestEvent(extra);
  const event: EventContext = { name, payload, pullNumber: 7, baseSha: repo.baseSha, headSha: repo.headSha };
  return createLocalIO({ workspace: repo.dir, event, resultDir: repo.dir });
}

async function run(io: GateIO, inputs = inputsFromRecord({})): Promise<string> {
  return (await executeGate(probeGate, inputs, io)).summary;
}

describe('the pull_request_target guard of every gate', () => {
  it('refuses the PR head checked out, naming the commit and the way out', async () => {
    const repo = prRepo();
    expect(await run(ioOf(repo))).toBe(
      `Refusing an untrusted checkout in a privileged context: on pull_request_target the workspace is at the PR's commit ${repo.headSha.slice(0, 7)}, so the sarif gate would read the PR's own files with the base repository's secrets and a write token. Check out the base branch (actions/checkout's default on pull_request_target), or set the step input \`allow-unsafe: true\` if you accept the risk.`,
    );
  });

  it("refuses a checkout of the PR's merge ref, whose commit the payload does not name", async () => {
    const repo = prRepo();
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--no-ff', '--no-edit', 'feature');
    const merge = repo.git('rev-parse', 'HEAD');
    repo.git('update-ref', 'refs/remotes/pull/7/merge', merge);
    repo.git('reset', '-q', '--hard', repo.baseSha);
    repo.git('checkout', '-q', '--detach', 'refs/remotes/pull/7/merge');
    expect(await untrustedCheckout(ioOf(repo))).toBe(
      'the workspace is checked out at `refs/remotes/pull/7/merge`',
    );
  });

  it("refuses the PR's head branch checked out by name after the PR moved on", async () => {
    const repo = prRepo();
    repo.git('commit', '-q', '--allow-empty', '-m', 'pushed after the event');
    expect(await untrustedCheckout(ioOf(repo))).toBe("the workspace is on the PR's head branch `feature`");
  });

  it('lets the base branch through, and any other event', async () => {
    const repo = prRepo();
    expect(await run(ioOf(prRepo(), 'pull_request'))).toBe('ran');
    repo.git('checkout', '-q', 'main');
    expect(await run(ioOf(repo))).toBe('ran');
    // A fork's head branch named like the base branch is not proof: the default checkout is the base.
    expect(
      await untrustedCheckout(
        ioOf(repo, 'pull_request_target', { head: { ref: 'main', sha: repo.headSha, repo: {} } }),
      ),
    ).toBeUndefined();
  });

  it('runs when the step input says allow-unsafe: true', async () => {
    expect(await run(ioOf(prRepo()), inputsFromRecord({ 'allow-unsafe': 'true' }))).toBe('ran');
  });

  it('ignores allow-unsafe from anywhere but the step, and the config file refuses it', async () => {
    const fromFile = layerInputs(
      inputsFromRecord({}),
      inputsFromRecord({ 'allow-unsafe': 'true' }, 'config-file'),
    );
    expect(await run(ioOf(prRepo()), fromFile)).toMatch(/^Refusing an untrusted checkout/);
    expect(() =>
      parseConfigFile('sarif:\n  allow-unsafe: true\n', '.github/aeef-gates.yml', [probeGate]),
    ).toThrow(
      'The setting `sarif.allow-unsafe` cannot be set here: on pull_request_target this file may come from the PR itself; pass it as a step input in the config file `.github/aeef-gates.yml`.',
    );
  });
});
