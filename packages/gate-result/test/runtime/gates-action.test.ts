import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Gate } from '../../src/gate.js';
import { runGateAction, runGatesAction, selectConfiguredGates } from '../../src/runtime/action.js';
import { useRunnerEnv } from './env.js';
import { testGate, type TestConfig } from './test-gate.js';

const env = useRunnerEnv();
const licenseGate: Gate<TestConfig> = {
  ...testGate,
  id: 'license',
  title: 'Licenses',
  run: async (config, io) => ({ ...(await testGate.run(config, io)), gate: 'license' }),
};
const GATES = [testGate, licenseGate];
const umbrella = {
  select: selectConfiguredGates,
  extraInputs: [{ name: 'gates', kind: 'list' as const, description: 'Gates.' }],
};

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(env().workspace, file)), { recursive: true });
  writeFileSync(path.join(env().workspace, file), text);
}

describe(runGatesAction.name, () => {
  it('runs the gates of the config file, inputs overriding it, one summary and one exit code', async () => {
    write(
      '.github/aeef-gates.yml',
      'gates: [coverage, license]\ncoverage:\n  threshold: 95\nlicense:\n  threshold: 10\n',
    );
    write('report.json', '{"value": 90}');
    await expect(runGatesAction(GATES, umbrella)).resolves.toBe('fail');
    expect(process.exitCode).toBe(1);
    expect(env().outputs()).toMatchObject({
      verdict: 'fail',
      'coverage-verdict': 'fail',
      'license-verdict': 'pass',
      'coverage-lines': '90',
    });
    const summary = env().summary();
    expect(summary).toContain('## ❌ Coverage: failed');
    expect(summary).toContain('## ✅ Licenses: passed');
    expect(
      JSON.parse(readFileSync(path.join(env().runnerTemp, 'aeef-gates', 'license.json'), 'utf8')),
    ).toMatchObject({ gate: 'license', verdict: 'pass' });

    process.exitCode = undefined;
    process.env['INPUT_GATES'] = 'coverage';
    write('.github/aeef-gates.yml', 'gates: [coverage, license]\ncoverage:\n  threshold: 85\n');
    await expect(runGatesAction(GATES, umbrella)).resolves.toBe('pass');
    expect(env().outputs()['license-verdict']).toBe('pass'); // from the first run; this run wrote coverage only
  });

  // A gate input on the umbrella used to reach every gate that has it (here both): refused instead.
  it("refuses a gate's input given to the umbrella and points to the config file's sections", async () => {
    write('report.json', '{"value": 90}');
    process.env['INPUT_GATES'] = 'coverage, license';
    process.env['INPUT_THRESHOLD'] = '95';
    process.env['INPUT_IF-MISSING'] = 'warn'; // an umbrella input: fine
    await expect(runGatesAction(GATES, umbrella)).resolves.toBe('error');
    expect(process.exitCode).toBe(1);
    expect(env().outputs().summary).toBe(
      "This action runs several gates and takes no gate inputs, got `threshold` (coverage, license): set each in its gate's section of the config file `.github/aeef-gates.yml` (e.g. `coverage:` then `threshold: ...`, see docs/configuration.md), or use the single-gate action `aeef/gates/actions/coverage@v1`.",
    );
    expect(env().outputs()['coverage-verdict']).toBeUndefined();
  });

  it('still runs a single gate with its own inputs', async () => {
    write('report.json', '{"value": 90}');
    process.env['INPUT_THRESHOLD'] = '95';
    await expect(runGateAction(testGate)).resolves.toBe('fail');
  });

  it('fails the step when no gate is selected or the config file is invalid', async () => {
    await expect(runGatesAction(GATES, umbrella)).resolves.toBe('error');
    expect(env().outputs().summary).toBe(
      'No gate selected: set the `gates` input or `gates:` in `.github/aeef-gates.yml`.',
    );
    write('.github/aeef-gates.yml', 'gates: [coverage]\ncoverage:\n  treshold: 95\n');
    await expect(runGatesAction(GATES, umbrella)).resolves.toBe('error');
    expect(env().summary()).toContain(
      'Unknown setting \\`coverage.treshold\\` \\(did you mean \\`threshold\\`?\\)',
    );
  });

  it('gives a single gate its config-file section and a missing explicit config file is an error', async () => {
    write('ci/gates.yml', 'coverage:\n  threshold: 95\n');
    write('report.json', '{"value": 90}');
    process.env['INPUT_CONFIG-FILE'] = 'ci/gates.yml';
    await expect(runGateAction(testGate)).resolves.toBe('fail');
    process.env['INPUT_CONFIG-FILE'] = 'ci/missing.yml';
    await expect(runGateAction(testGate)).resolves.toBe('error');
    expect(env().outputs().summary).toBe('The config file `ci/missing.yml` was not found.');
  });

  it('keeps working-directory inside the workspace', async () => {
    write('sub/report.json', '{"value": 90}');
    process.env['INPUT_WORKING-DIRECTORY'] = 'sub';
    await expect(runGateAction(testGate)).resolves.toBe('pass');
    process.env['INPUT_WORKING-DIRECTORY'] = '../..';
    await expect(runGateAction(testGate)).resolves.toBe('error');
    expect(env().outputs().summary).toBe(
      'Expected `working-directory` to be an existing directory inside the workspace, got `../..`.',
    );
    delete process.env['INPUT_WORKING-DIRECTORY'];
    process.env.GITHUB_WORKSPACE = path.join(env().workspace, 'nowhere');
    await expect(runGateAction(testGate)).resolves.toBe('error');
    expect(env().outputs().summary).toMatch(
      /^The workspace `.*nowhere` \(GITHUB_WORKSPACE\) does not exist\.$/,
    );
  });
});
