import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/errors.js';
import { formatMetricOutput, resultOutputs } from '../src/outputs.js';
import { createResult } from '../src/result-builder.js';

describe(formatMetricOutput.name, () => {
  it.each([
    [79.996, '79.99'],
    [79.5, '79.5'],
    [80, '80'],
    [0.29 * 100, '29'],
    [null, ''],
    [Number.NaN, ''],
    [1234, '1234'],
  ])('%s → %j', (value, expected) => {
    expect(formatMetricOutput(value)).toBe(expected);
  });
});

describe(resultOutputs.name, () => {
  it('gives verdict, summary, result-file, every metric and the extras', () => {
    const result = createResult('pr-size', {
      verdict: 'pass',
      summary: 'Small.',
      metrics: [{ id: 'lines', label: 'Lines', value: 12, unit: 'lines', verdict: 'none' }],
      outputs: { size: 's' },
    });
    expect(resultOutputs(result, '/tmp/r.json')).toEqual({
      verdict: 'pass',
      summary: 'Small.',
      'result-file': '/tmp/r.json',
      enforced: 'true',
      lines: '12',
      size: 's',
    });
  });

  // RELIABILITY E10
  it.each(['a\nb', 'x\r', 'ghadelimiter_123'])('refuses the value %j', (value) => {
    const result = createResult('pr-size', { verdict: 'pass', summary: 's', outputs: { size: value } });
    expect(() => resultOutputs(result, 'f')).toThrow(ConfigError);
  });
});
