import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePullRequestRepo } from '../../../../test/support/git-repo.js';
import type { Gate } from '../../src/gate.js';
import { createResult } from '../../src/result-builder.js';
import { runGateAction } from '../../src/runtime/action.js';
import { useRunnerEnv } from './env.js';

const env = useRunnerEnv();

/** Reports the changed lines the runtime found, as an output. */
const changesGate: Gate<null> = {
  id: 'pr-size',
  title: 'PR size',
  inputs: [],
  config: () => null,
  async run(_config, io) {
    const changes = await io.changes();
    const lines = changes?.files.reduce((n, f) => n + f.additions, 0) ?? 0;
    return createResult('pr-size', {
      verdict: 'pass',
      summary: `${changes?.source ?? 'no'} changes`,
      outputs: { files: changes?.files.map((f) => f.path).join(',') ?? '', lines: String(lines) },
    });
  },
};

describe('runGateAction on a pull_request', () => {
  it('gives the gate the changed lines from git', async () => {
    const repo = makePullRequestRepo({ 'a.ts': 'one\n' }, { 'a.ts': 'one\ntwo\nthree\n', 'b.ts': 'new\n' });
    const event = path.join(env().runnerTemp, 'event.json');
    writeFileSync(event, JSON.stringify(repo.pullRequestEvent()));
    Object.assign(process.env, {
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
    });
    await expect(runGateAction(changesGate)).resolves.toBe('pass');
    expect(env().outputs()).toMatchObject({ summary: 'git changes', files: 'a.ts,b.ts', lines: '3' });
  });

  it('fails closed when the payload is malformed and the gate needs the diff', async () => {
    const event = path.join(env().runnerTemp, 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { number: 'x' } }));
    Object.assign(process.env, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event });
    await expect(runGateAction(changesGate)).resolves.toBe('error');
    expect(env().outputs().summary).toMatch(/pull_request/);
  });
});
