import { describe, expect, it } from 'vitest';
import { eventContextOf } from '../../src/runtime/changes-bridge.js';

describe(eventContextOf.name, () => {
  it("names the workflow and the run's branch: the PR head branch, else the ref name", () => {
    const pr = eventContextOf(
      'pull_request',
      { pull_request: { number: 7, base: { sha: 'a'.repeat(40) }, head: { sha: 'b'.repeat(40) } } },
      {
        GITHUB_REPOSITORY: 'acme/web',
        GITHUB_WORKFLOW: 'CI',
        GITHUB_HEAD_REF: 'feature/x',
        GITHUB_REF_NAME: '7/merge',
      },
    );
    expect(pr).toMatchObject({ workflow: 'CI', refName: 'feature/x', pullNumber: 7 });
    const push = eventContextOf(
      'push',
      { after: 'c'.repeat(40) },
      { GITHUB_REPOSITORY: 'acme/web', GITHUB_WORKFLOW: 'CI', GITHUB_HEAD_REF: '', GITHUB_REF_NAME: 'main' },
    );
    expect(push).toMatchObject({ workflow: 'CI', refName: 'main' });
  });

  it('leaves both out when the runner does not set them (the CLI)', () => {
    const local = eventContextOf('local', {}, {});
    expect(local.workflow).toBeUndefined();
    expect(local.refName).toBeUndefined();
  });
});
