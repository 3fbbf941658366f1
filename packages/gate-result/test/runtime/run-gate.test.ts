import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, MissingReportError } from '../../src/errors.js';
import type { Gate } from '../../src/gate.js';
import { inputsFromRecord } from '../../src/input-specs.js';
import { createRecordingLogger } from '../../src/logger.js';
import { createResult } from '../../src/result-builder.js';
import { createLocalIO } from '../../src/runtime/local-io.js';
import { executeGate } from '../../src/runtime/run-gate.js';

const io = () =>
  createLocalIO({
    workspace: mkdtempSync(path.join(os.tmpdir(), 'aeef-exec-')),
    log: createRecordingLogger(),
  });

function gateThat(run: Gate<unknown>['run']): Gate<unknown> {
  return {
    id: 'license',
    title: 'License',
    inputs: [{ name: 'github-token', kind: 'secret', description: 'Token.' }],
    config: () => ({}),
    run,
  };
}

describe(executeGate.name, () => {
  it('keeps a ConfigError sentence as the summary', async () => {
    const sut = gateThat(() =>
      Promise.reject(new ConfigError('The allowlist names `MIT2`, which is not an SPDX id.')),
    );
    const result = await executeGate(sut, inputsFromRecord({}), io());
    expect(result).toMatchObject({
      verdict: 'error',
      summary: 'The allowlist names `MIT2`, which is not an SPDX id.',
    });
  });

  it('calls anything else an internal error, clipped, with the stack in the debug log only', async () => {
    const log = createRecordingLogger();
    const sut = gateThat(() => Promise.reject(new TypeError(`x is undefined ${'z'.repeat(500)}`)));
    const result = await executeGate(sut, inputsFromRecord({}), { ...io(), log });
    expect(result.summary).toMatch(
      /^Internal error in the license gate: x is undefined z+\.\.\. Please report it\.$/,
    );
    expect(result.summary.length).toBeLessThan(400);
    expect(log.lines.some((l) => l.level === 'debug' && l.line.includes('TypeError'))).toBe(true);
  });

  it('refuses a malformed result instead of publishing it', async () => {
    const sut = gateThat(() =>
      Promise.resolve({
        ...createResult('license', { verdict: 'pass', summary: 's' }),
        verdict: 'ok' as never,
      }),
    );
    expect((await executeGate(sut, inputsFromRecord({}), io())).verdict).toBe('error');
  });

  it('never turns a thrown non-Error into a pass', async () => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the point of the test
    const sut = gateThat(() => Promise.reject('boom'));
    expect(await executeGate(sut, inputsFromRecord({}), io())).toMatchObject({
      verdict: 'error',
      summary: 'Internal error in the license gate: boom. Please report it.',
    });
  });

  it('applies if-missing to MissingReportError only', async () => {
    const missing = gateThat(() =>
      Promise.reject(new MissingReportError('r.json', 'The report `r.json` was not found.')),
    );
    const broken = gateThat(() => Promise.reject(new ConfigError('The report `r.json` is empty.')));
    const skip = inputsFromRecord({ 'if-missing': 'skip' });
    expect((await executeGate(missing, skip, io())).verdict).toBe('pass');
    expect((await executeGate(broken, skip, io())).verdict).toBe('error');
    expect((await executeGate(missing, inputsFromRecord({ 'if-missing': 'maybe' }), io())).summary).toBe(
      'Expected `if-missing` to be one of `fail`, `warn`, `skip`, got `maybe`.',
    );
  });

  it('drops secrets from the recorded config and measures the duration', async () => {
    const token = 'ghs_0123456789abcdefghijklmnopqrstuvwxyz';
    const sut = gateThat(() =>
      Promise.resolve(
        createResult('license', {
          verdict: 'pass',
          summary: 's',
          config: { token, auth: `Bearer ${token}`, allow: ['MIT'] },
        }),
      ),
    );
    let now = 0;
    const timed = { ...io(), now: () => (now += 7) };
    const result = await executeGate(sut, inputsFromRecord({ 'github-token': token }), timed);
    expect(result.config).toEqual({ allow: ['MIT'] });
    expect(result.durationMs).toBe(7);
  });

  it('turns a near-miss input name into an error naming the intended input', async () => {
    const sut = gateThat(() => Promise.resolve(createResult('license', { verdict: 'pass', summary: 's' })));
    const result = await executeGate(sut, inputsFromRecord({}), io(), { inputNames: ['if-mising'] });
    expect(result.summary).toBe(
      'Unknown input `if-mising`: did you mean `if-missing`? (A misspelt input would silently leave the default in force.)',
    );
  });
});
