import { InputError, inputsFromRecord, withDefaults } from '@aeef/gate-result';
import { readRunnerInputs } from '@aeef/gate-result/runtime';
import { describe, expect, it } from 'vitest';
import { INPUT_SPECS, readMutationConfig } from '../src/config.js';

/** Config from real `INPUT_*` variables, with the spec defaults overlaid as the runtime does. */
function fromEnv(env: Record<string, string>) {
  return readMutationConfig(withDefaults(readRunnerInputs(env).inputs, INPUT_SPECS));
}

describe(readMutationConfig.name, () => {
  it('applies the defaults: the usual StrykerJS path, min-score 60, every opt-out off', () => {
    expect(fromEnv({})).toEqual({
      files: ['reports/mutation/mutation.json'],
      minScore: 60,
      minCoveredScore: undefined,
      minPatchScore: undefined,
      maxSurvived: undefined,
      allowEmpty: false,
      allowPending: false,
      allowMissingSources: false,
    });
  });

  it('reads every input', () => {
    expect(
      fromEnv({
        INPUT_FILES: 'a/mutation.json\npackages/*/reports/mutation/mutation.json',
        'INPUT_MIN-SCORE': '72.5',
        'INPUT_MIN-COVERED-SCORE': '80',
        'INPUT_MIN-PATCH-SCORE': '100',
        'INPUT_MAX-SURVIVED': '0',
        'INPUT_ALLOW-EMPTY': 'true',
        'INPUT_ALLOW-PENDING': 'TRUE',
        'INPUT_ALLOW-MISSING-SOURCES': 'false',
      }),
    ).toEqual({
      files: ['a/mutation.json', 'packages/*/reports/mutation/mutation.json'],
      minScore: 72.5,
      minCoveredScore: 80,
      minPatchScore: 100,
      maxSurvived: 0,
      allowEmpty: true,
      allowPending: true,
      allowMissingSources: false,
    });
  });

  it.each(['', '  '])(
    'reads a blank min-score (%j) as unset, so the default 60 applies, never 0 (A1)',
    (value) => {
      expect(fromEnv({ 'INPUT_MIN-SCORE': value }).minScore).toBe(60);
    },
  );

  it('requires min-score when no default is overlaid (A1)', () => {
    expect(() => readMutationConfig(inputsFromRecord({ files: 'm.json' }))).toThrow(
      'Expected `min-score` to be a number from 0 to 100, but it is empty or unset.',
    );
  });

  it.each(['80%', '0x50', '1e400', '-1', '101', 'NaN', 'Infinity', '80,5', '1e2'])(
    'rejects min-score %j (A2)',
    (value) => {
      expect(() => fromEnv({ 'INPUT_MIN-SCORE': value })).toThrow(InputError);
      expect(() => fromEnv({ 'INPUT_MIN-PATCH-SCORE': value })).toThrow(/`min-patch-score`/);
    },
  );

  it.each(['1.5', '-1', 'many'])('rejects max-survived %j', (value) => {
    expect(() => fromEnv({ 'INPUT_MAX-SURVIVED': value })).toThrow(/`max-survived`/);
  });

  it('rejects a boolean that is not true or false', () => {
    expect(() => fromEnv({ 'INPUT_ALLOW-EMPTY': 'yes' })).toThrow(/`allow-empty`/);
  });

  it('rejects files patterns that climb out of the workspace (B16)', () => {
    expect(() => fromEnv({ INPUT_FILES: '../../etc/passwd' })).toThrow(/`files`/);
  });
});
