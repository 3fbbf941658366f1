/**
 * The CLI decides exactly as the action does for the same inputs: the demo's gates through the CLI
 * bundle, through `executeGate` in-process with the config file's inputs, and through each
 * action's bundle (Node 24, runner env) with the same config file; verdicts and metrics must agree.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFileInputs, type GateResult } from '@aeef/gate-result';
import { createLocalIO, executeGate, loadConfigFile } from '@aeef/gate-result/runtime';
import { GATES } from '@aeef/gates';
import { REPO_ROOT } from '../../../test/support/paths.js';
import { runAction } from '../../../test/support/run-action.js';

const EXAMPLES = path.join(REPO_ROOT, 'examples');

const decision = (r: GateResult) => ({
  gate: r.gate,
  verdict: r.verdict,
  summary: r.summary,
  metrics: r.metrics,
});

function cliResults(): Promise<GateResult[]> {
  const args = [path.join(REPO_ROOT, 'dist', 'cli', 'index.js'), '--config', 'aeef-gates.yml', '--json'];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: EXAMPLES, encoding: 'utf8' }, (error, stdout) => {
      if (error) reject(new Error(`aeef-gates failed: ${error.message}`));
      else resolve(JSON.parse(stdout) as GateResult[]);
    });
  });
}

describe('the CLI and the action', () => {
  it('reach the same verdicts and metrics as executeGate with the config file', async () => {
    const config = await loadConfigFile(EXAMPLES, 'aeef-gates.yml', GATES);
    const io = createLocalIO({
      workspace: EXAMPLES,
      resultDir: mkdtempSync(path.join(os.tmpdir(), 'aeef-same-')),
    });
    const direct: GateResult[] = [];
    for (const gate of GATES.filter((g) => config?.gates?.includes(g.id))) {
      direct.push(await executeGate(gate, configFileInputs(config, gate.id), io));
    }
    const cli = await cliResults();
    expect(direct.map((r) => r.gate)).toEqual(['coverage', 'mutation', 'sarif', 'license']);
    expect(cli.map(decision)).toEqual(direct.map(decision));
  });

  it('reach the same verdicts and metrics as each action bundle with the same config file', async () => {
    const fromActions: GateResult[] = [];
    for (const gate of ['coverage', 'mutation', 'sarif', 'license']) {
      const action = await runAction({
        bundle: gate,
        workspace: EXAMPLES,
        eventName: 'workflow_dispatch',
        inputs: { 'config-file': 'aeef-gates.yml' },
      });
      expect(action.exitCode).toBe(0);
      fromActions.push(action.result as GateResult);
    }
    expect((await cliResults()).map(decision)).toEqual(fromActions.map(decision));
  });
});
