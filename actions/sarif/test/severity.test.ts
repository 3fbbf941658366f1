import { describe, expect, it } from 'vitest';
import { bandOf, parseSecuritySeverity } from '../src/severity.js';

describe(bandOf.name, () => {
  it.each([
    [10, 'critical'],
    [9.0, 'critical'],
    [8.9, 'high'],
    [7.0, 'high'],
    [6.99, 'medium'],
    [4.0, 'medium'],
    [3.9, 'low'],
    [0.1, 'low'],
    [0, undefined],
  ])('%s → %s (GitHub bands)', (score, band) => {
    expect(bandOf(score)).toBe(band);
  });
});

describe(parseSecuritySeverity.name, () => {
  it.each([
    ['8.8', 8.8],
    [' 9 ', 9],
    [7.5, 7.5],
    ['0.0', 0],
    [undefined, undefined],
    [null, undefined],
  ])('reads %j', (value, expected) => {
    expect(parseSecuritySeverity(value, 'r.sarif', 'rule-a')).toBe(expected);
  });

  it.each([['high'], ['NaN'], [''], ['11'], ['-1'], ['1e1'], [true], [{}], ['8,8']])(
    'rejects %j with the file and rule named (B27)',
    (value) => {
      expect(() => parseSecuritySeverity(value, 'r.sarif', 'rule-a')).toThrow(
        /^r\.sarif: rule rule-a has properties\.security-severity .*; expected a number from 0\.0 to 10\.0\.$/,
      );
    },
  );
});
