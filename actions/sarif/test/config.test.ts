import { describe, expect, it } from 'vitest';
import { InputError, type Inputs } from '@aeef/gate-result';
import { readSarifConfig } from '../src/config.js';

function inputs(values: Record<string, string>): Inputs {
  return {
    get: (name) => (values[name] === undefined ? undefined : { value: values[name], source: 'input' }),
  };
}

describe(readSarifConfig.name, () => {
  it('applies the defaults', () => {
    expect(readSarifConfig(inputs({ files: 'a.sarif, b/*.sarif\nc.sarif.json' }))).toEqual({
      files: ['a.sarif', 'b/*.sarif', 'c.sarif.json'],
      failOnLevel: 'error',
      failOnSeverity: 'high',
      maxFindings: 0,
      newOnly: 'false',
      baselineFiles: [],
      include: [],
      exclude: [],
      ignoreRules: [],
    });
  });

  it.each([
    [{}, 'files', /Expected `files` to be at least one SARIF file or glob, but it is empty or unset\./],
    [{ files: '   ' }, 'files', /Expected `files`/],
    [
      { files: 'a', 'fail-on-level': 'fatal' },
      'fail-on-level',
      /Expected `fail-on-level` to be one of `error`, `warning`, `note`, `none`, got `fatal`\./,
    ],
    [
      { files: 'a', 'fail-on-severity': 'HIGH' },
      'fail-on-severity',
      /one of `critical`, `high`, `medium`, `low`, `none`, got `HIGH`/,
    ],
    [
      { files: 'a', 'max-findings': '-1' },
      'max-findings',
      /Expected `max-findings` to be a whole number from 0 to 1000000000, got `-1`\./,
    ],
    [{ files: 'a', 'max-findings': '1.5' }, 'max-findings', /got `1\.5`/],
    [{ files: 'a', 'max-findings': '1e3' }, 'max-findings', /got `1e3`/],
    [{ files: 'a', 'new-only': 'true' }, 'new-only', /one of `false`, `diff`, `baseline`/],
    [{ files: 'a', 'new-only': 'baseline' }, 'baseline-files', /Expected `baseline-files`/],
    [{ files: 'a', 'fail-on-level': 'none', 'fail-on-severity': 'none' }, 'fail-on-level', /both are `none`/],
  ])('rejects %j naming %s (A1)', (values, input, message) => {
    let error: unknown;
    try {
      readSarifConfig(inputs(values));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe(input);
    expect((error as Error).message).toMatch(message);
  });
});
