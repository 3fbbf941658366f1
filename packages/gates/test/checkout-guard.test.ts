/**
 * Every registered gate refuses the PR's code on pull_request_target (only pr-size did): the guard
 * is the runtime's, so a gate added to the registry has it without a line of its own.
 */
import { inputsFromRecord } from '@aeef/gate-result';
import { createLocalIO, executeGate } from '@aeef/gate-result/runtime';
import { describe, expect, it } from 'vitest';
import { makePullRequestRepo } from '../../../test/support/git-repo.js';
import { GATES } from '../src/registry.js';

describe.each(GATES.map((g) => [g.id, g] as const))('the %s gate on pull_request_target', (_id, gate) => {
  it('refuses a workspace at the PR head unless allow-unsafe is set', async () => {
    const repo = makePullRequestRepo({ 'a.txt': 'a\n' }, { 'a.txt': 'b\n' });
    const io = createLocalIO({
      workspace: repo.dir,
      event: {
        name: 'pull_request_target',
        payload: repo.pullRequestEvent(),
        pullNumber: 7,
        headSha: repo.headSha,
      },
      resultDir: repo.dir,
    });
    const refused = await executeGate(gate, inputsFromRecord({}), io);
    expect(refused.verdict).toBe('error');
    expect(refused.summary).toMatch(
      new RegExp(
        `^Refusing an untrusted checkout in a privileged context: .* the ${gate.id} gate would read`,
      ),
    );
    const allowed = await executeGate(gate, inputsFromRecord({ 'allow-unsafe': 'true' }), io);
    expect(allowed.summary).not.toMatch(/untrusted checkout/);
  });
});
