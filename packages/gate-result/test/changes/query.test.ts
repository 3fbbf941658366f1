import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changedFileOf,
  changedRangesOf,
  isLineChanged,
  touchesChangedLines,
} from '../../src/changes/query.js';
import type { ChangeSet, ChangedFile } from '../../src/gate.js';

const file = (
  path: string,
  ranges: [number, number][],
  overrides: Partial<ChangedFile> = {},
): ChangedFile => ({
  path,
  status: 'modified',
  additions: 0,
  deletions: 0,
  binary: false,
  ranges: ranges.map(([start, end]) => ({ start, end })),
  ...overrides,
});

const changeSet = (files: ChangedFile[]): ChangeSet => ({
  source: 'git',
  event: 'pull_request',
  base: 'a',
  head: 'b',
  files,
});

const SET = changeSet([
  file('src/a.ts', [
    [3, 4],
    [10, 10],
    [20, 25],
  ]),
  file('src/gone.ts', [], { status: 'deleted' }),
]);

describe(isLineChanged.name, () => {
  it.each([
    [2, false],
    [3, true],
    [4, true],
    [5, false],
    [10, true],
    [11, false],
    [25, true],
    [26, false],
  ])('line %i of src/a.ts → %s', (line, expected) => {
    expect(isLineChanged(SET, 'src/a.ts', line)).toBe(expected);
  });

  it('is false for files not in the change set and for deleted files', () => {
    expect(isLineChanged(SET, 'src/other.ts', 3)).toBe(false);
    expect(isLineChanged(SET, 'src/gone.ts', 1)).toBe(false);
  });
});

describe(touchesChangedLines.name, () => {
  it.each([
    [1, 2, false],
    [1, 3, true],
    [5, 9, false],
    [5, 10, true],
    [11, 19, false],
    [24, 40, true],
    [26, 99, false],
    [1, 100, true],
  ])('src/a.ts lines %i-%i → %s', (start, end, expected) => {
    expect(touchesChangedLines(SET, 'src/a.ts', start, end)).toBe(expected);
  });

  it('agrees with a linear scan on random ranges and queries', () => {
    const ranges = fc
      .uniqueArray(fc.integer({ min: 1, max: 300 }), { maxLength: 60 })
      .map((starts) => [...starts].sort((a, b) => a - b))
      .map((starts) =>
        starts.filter((s, i) => i === 0 || s > starts[i - 1]! + 1).map((s): [number, number] => [s, s]),
      );
    fc.assert(
      fc.property(
        ranges,
        fc.integer({ min: 1, max: 310 }),
        fc.integer({ min: 0, max: 20 }),
        (list, start, length) => {
          const set = changeSet([file('x', list)]);
          const expected = list.some(([s, e]) => s <= start + length && e >= start);
          expect(touchesChangedLines(set, 'x', start, start + length)).toBe(expected);
        },
      ),
    );
  });
});

describe(changedRangesOf.name, () => {
  it('returns the ranges of a file and an empty list otherwise', () => {
    expect(changedRangesOf(SET, 'src/a.ts')).toHaveLength(3);
    expect(changedRangesOf(SET, 'nope.ts')).toEqual([]);
    expect(changedFileOf(SET, 'src/a.ts')?.status).toBe('modified');
  });
});
