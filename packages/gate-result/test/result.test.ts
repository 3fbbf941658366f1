import { describe, expect, it } from 'vitest';
import { floor2, judge, percent, worstVerdict } from '../src/result.js';

describe(judge.name, () => {
  it.each([
    [80, { op: '>=', value: 80 }, 'pass'],
    [79.996, { op: '>=', value: 80 }, 'fail'],
    [null, { op: '>=', value: 0 }, 'fail'],
    [Number.NaN, { op: '>=', value: 0 }, 'fail'],
    [3, { op: '<=', value: 2 }, 'fail'],
    [2, { op: '<=', value: 2 }, 'pass'],
    [5, undefined, 'none'],
  ] as const)('%s against %j is %s', (value, threshold, expected) => {
    expect(judge(value, threshold)).toBe(expected);
  });
});

describe(floor2.name, () => {
  it('never rounds up', () => {
    expect(floor2(79.999)).toBe(79.99);
    expect(floor2(28.999999999999996)).toBe(29);
    expect(floor2(100)).toBe(100);
    expect(floor2(0)).toBe(0);
  });
});

describe(percent.name, () => {
  it('treats 0/0 as not measurable', () => {
    expect(percent(0, 0)).toBeNull();
    expect(percent(1, 4)).toBe(25);
  });
});

describe(worstVerdict.name, () => {
  it('orders error > fail > warn > pass', () => {
    expect(worstVerdict([])).toBe('pass');
    expect(worstVerdict(['pass', 'warn'])).toBe('warn');
    expect(worstVerdict(['fail', 'warn', 'error', 'pass'])).toBe('error');
  });
});
