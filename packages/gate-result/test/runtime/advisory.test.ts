/**
 * Issue 15: the overview first, `enforce: false` (advisory) and the annotation cap shared by all
 * gates of one step, through the whole runtime.
 */
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

function findings(n: number, prefix: string): { file: string; line: number; message: string }[] {
  return Array.from({ length: n }, (_, i) => ({
    file: `src/${prefix}${i}.ts`,
    line: i + 1,
    message: `${prefix}${i}`,
  }));
}

const errorCommands = (): string[] =>
  env()
    .stdout()
    .split('\n')
    .filter((l) => l.startsWith('::error'));

describe('advisory mode (enforce: false)', () => {
  it('keeps the real verdict, sets enforced=false, says so in the summary and exits 0', async () => {
    write('report.json', '{"value": 50}');
    process.env['INPUT_ENFORCE'] = 'false';
    await expect(runGateAction(testGate)).resolves.toBe('fail');
    expect(process.exitCode).toBeUndefined();
    expect(env().outputs()).toMatchObject({ verdict: 'fail', enforced: 'false' });
    const summary = env().summary();
    expect(summary.split('\n')[0]).toBe('# ❌ Coverage: advisory: would fail');
    expect(summary).toContain(
      '| Coverage | ❌ advisory: would fail | lines 50% &lt; 80% | [coverage](#gate-coverage) |',
    );
    // No failure line: the step passes; a warning says what would have failed.
    expect(errorCommands().filter((l) => l.startsWith('::error::'))).toEqual([]);
    expect(env().stdout()).toContain('::warning::advisory: would fail');
    // The result file (read by the KPI export) keeps the real verdict.
    const file = JSON.parse(readFileSync(path.join(env().runnerTemp, 'aeef-gates', 'coverage.json'), 'utf8'));
    expect(file).toMatchObject({ verdict: 'fail', enforced: false });
  });

  it('fails the step as before when enforced (the default)', async () => {
    write('report.json', '{"value": 50}');
    await runGateAction(testGate);
    expect(process.exitCode).toBe(1);
    expect(env().outputs()).toMatchObject({ verdict: 'fail', enforced: 'true' });
  });

  it('may be set per gate in the config file: an enforced gate still fails the umbrella', async () => {
    write(
      '.github/aeef-gates.yml',
      'gates: [coverage, license]\ncoverage:\n  enforce: false\nlicense:\n  threshold: 10\n',
    );
    write('report.json', '{"value": 50}');
    await expect(runGatesAction(GATES, umbrella)).resolves.toBe('fail');
    expect(process.exitCode).toBeUndefined();
    expect(env().outputs()).toMatchObject({
      verdict: 'fail',
      enforced: 'false',
      'coverage-verdict': 'fail',
      'coverage-enforced': 'false',
      'license-enforced': 'true',
    });

    process.exitCode = undefined;
    write('.github/aeef-gates.yml', 'gates: [coverage, license]\ncoverage:\n  enforce: false\n');
    await runGatesAction(GATES, umbrella);
    expect(process.exitCode).toBe(1);
    expect(env().outputs()).toMatchObject({ verdict: 'fail', enforced: 'true' });
  });

  it('treats a malformed enforce as enforced: the gate cannot decide and fails', async () => {
    write('report.json', '{"value": 90}');
    process.env['INPUT_ENFORCE'] = 'maybe';
    await expect(runGateAction(testGate)).resolves.toBe('error');
    expect(process.exitCode).toBe(1);
  });
});

describe('the overview and the shared annotation cap', () => {
  it('starts the umbrella summary with the combined verdict and one row per gate', async () => {
    write(
      '.github/aeef-gates.yml',
      'gates: [coverage, license]\ncoverage:\n  threshold: 95\nlicense:\n  threshold: 10\n',
    );
    write('report.json', '{"value": 90}');
    await runGatesAction(GATES, { ...umbrella, heading: 'aeef/gates' });
    const lines = env().summary().split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '# ❌ aeef/gates: failed',
      '',
      '| Gate | Verdict | Deciding figure | Details |',
      '| --- | --- | --- | --- |',
      '| Coverage | ❌ failed | lines 90% &lt; 95% | [coverage](#gate-coverage) |',
      '| Licenses | ✅ passed | lines 90% ≥ 10% | [license](#gate-license) |',
    ]);
    expect(lines).toContain('<a id="gate-license"></a>');
  });

  // The README promises 10 errors per step; two gates used to emit 10 each plus the failure line.
  it('emits at most 10 errors across all gates of a step, the failure line always kept', async () => {
    write('.github/aeef-gates.yml', 'gates: [coverage, license]\n');
    write('report.json', JSON.stringify({ value: 50, findings: findings(12, 'f') }));
    await runGatesAction(GATES, umbrella);
    const errors = errorCommands();
    expect(errors).toHaveLength(10);
    expect(errors.at(-1)).toMatch(/^::error::Coverage failed/);
    // What was left out is counted in each gate's section: 24 findings, 9 shown.
    const summary = env().summary();
    expect(summary).toContain('12 findings; 3 errors beyond the annotation limit are not annotated.');
    expect(summary).toContain('12 findings; 12 errors beyond the annotation limit are not annotated.');
  });
});

describe('instances', () => {
  it('runs each `coverage:<name>` section as its own instance: two result files, two overview rows', async () => {
    write(
      '.github/aeef-gates.yml',
      'gates: [coverage]\ncoverage:web:\n  report: web.json\ncoverage:api:\n  report: api.json\n  enforce: false\n',
    );
    write('web.json', '{"value": 90}');
    write('api.json', '{"value": 50}');
    await expect(runGatesAction(GATES, umbrella)).resolves.toBe('fail');
    expect(process.exitCode).toBeUndefined();
    const dir = path.join(env().runnerTemp, 'aeef-gates');
    const read = (f: string): unknown => JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    expect(read('coverage-web.json')).toMatchObject({ gate: 'coverage', name: 'web', verdict: 'pass' });
    expect(read('coverage-api.json')).toMatchObject({ name: 'api', verdict: 'fail', enforced: false });
    expect(env().outputs()).toMatchObject({
      'coverage-web-verdict': 'pass',
      'coverage-api-verdict': 'fail',
      'coverage-api-enforced': 'false',
      'coverage-api-name': 'api',
      summary: 'coverage-web: pass, coverage-api: fail (advisory)',
    });
    const summary = env().summary();
    expect(summary).toContain(
      '| Coverage \\(web\\) | ✅ passed | lines 90% ≥ 80% | [coverage-web](#gate-coverage-web) |',
    );
    expect(summary).toContain(
      '| Coverage \\(api\\) | ❌ advisory: would fail | lines 50% &lt; 80% | [coverage-api](#gate-coverage-api) |',
    );
  });

  it('names the result file of a single gate after its `name` input, with that config section', async () => {
    write('.github/aeef-gates.yml', 'coverage:web:\n  report: web.json\n');
    write('web.json', '{"value": 90}');
    process.env['INPUT_NAME'] = 'web';
    await expect(runGateAction(testGate)).resolves.toBe('pass');
    expect(env().outputs()).toMatchObject({ name: 'web', verdict: 'pass' });
    expect(env().outputs()['result-file']).toMatch(/coverage-web\.json$/);
  });

  it('refuses an instance name that is not kebab-case', async () => {
    write('.github/aeef-gates.yml', 'gates: [coverage]\ncoverage:Web App:\n  report: web.json\n');
    await expect(runGatesAction(GATES, umbrella)).resolves.toBe('error');
    expect(env().summary()).toContain('must be kebab-case');
  });
});
