import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGateAction } from '../../src/runtime/action.js';
import { useRunnerEnv } from './env.js';
import { testGate } from './test-gate.js';

const env = useRunnerEnv();

describe(runGateAction.name, () => {
  it('passes: outputs, summary, result file, exit code 0', async () => {
    const { workspace, runnerTemp } = env();
    writeFileSync(path.join(workspace, 'report.txt'), '85.129\n');
    await expect(runGateAction(testGate)).resolves.toBe('pass');
    expect(process.exitCode ?? 0).toBe(0);
    const outputs = env().outputs();
    expect(outputs).toMatchObject({
      verdict: 'pass',
      lines: '85.12',
      'result-file': path.join(runnerTemp, 'aeef-gates', 'coverage.json'),
    });
    const result = JSON.parse(readFileSync(outputs['result-file']!, 'utf8'));
    expect(result).toMatchObject({
      schema: 'aeef.gate-result/v1',
      gate: 'coverage',
      verdict: 'pass',
      inputs: ['report.txt'],
    });
    expect(env().summary()).toContain('## ✅ Coverage: passed');
  });

  it('fails with one line stating actual vs threshold, exit code 1', async () => {
    writeFileSync(path.join(env().workspace, 'report.txt'), '79.996\n');
    process.env['INPUT_THRESHOLD'] = '80';
    await expect(runGateAction(testGate)).resolves.toBe('fail');
    expect(process.exitCode).toBe(1);
    expect(env().outputs()).toMatchObject({ verdict: 'fail', lines: '79.99' });
    // The toolkit percent-encodes `%` in command data.
    expect(env().stdout()).toContain('::error::Coverage failed: Value 79.996%25 is below 80%25.');
  });

  it('turns a missing report into an error, or a warning/skip on request', async () => {
    await expect(runGateAction(testGate)).resolves.toBe('error');
    expect(env().outputs().summary).toBe('The report `report.txt` was not found.');
    process.exitCode = undefined;
    process.env['INPUT_IF-MISSING'] = 'warn';
    await expect(runGateAction(testGate)).resolves.toBe('warn');
    expect(process.exitCode ?? 0).toBe(0);
    process.env['INPUT_IF-MISSING'] = 'skip';
    await expect(runGateAction(testGate)).resolves.toBe('pass');
    expect(env().outputs().summary).toMatch(/^Skipped on request \(`if-missing: skip`\)/);
  });

  it('rejects a misspelt input instead of using the default (A4)', async () => {
    writeFileSync(path.join(env().workspace, 'report.txt'), '85\n');
    process.env['INPUT_THRESOLD'] = '95';
    await expect(runGateAction(testGate)).resolves.toBe('error');
    expect(env().outputs().summary).toContain('Unknown input `thresold`: did you mean `threshold`?');
  });

  it('reports an internal error as such', async () => {
    writeFileSync(path.join(env().workspace, 'report.txt'), 'abc\n');
    await expect(runGateAction(testGate)).resolves.toBe('error');
    expect(env().outputs().summary).toBe(
      'Internal error in the coverage gate: bad number in report.txt. Please report it.',
    );
  });
});
