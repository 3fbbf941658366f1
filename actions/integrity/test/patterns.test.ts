import { describe, expect, it } from 'vitest';
import { ASSERTIONS, SKIPPED_TESTS, SUPPRESSIONS, appliesTo, firstMatch } from '../src/patterns.js';
import type { LinePattern } from '../src/patterns.js';
import { isTestFile } from '../src/test-files.js';

const pathFor = (row: LinePattern): string => `src/sample.test.${row.extensions?.[0] ?? 'ts'}`;

describe.each([
  ['suppressions', SUPPRESSIONS],
  ['skipped tests', SKIPPED_TESTS],
  ['assertions', ASSERTIONS],
] as const)('%s table', (_name, table) => {
  it.each(table.map((row) => [row.id, row] as const))('row %s matches its own example', (_id, row) => {
    expect(appliesTo(row, pathFor(row))).toBe(true);
    expect(row.pattern.test(row.example)).toBe(true);
  });

  it('has unique ids', () => {
    expect(new Set(table.map((row) => row.id)).size).toBe(table.length);
  });
});

describe('lines that are not findings', () => {
  it.each([
    ['src/a.ts', 'const ignored = istanbulReport.ignore;'],
    ['src/a.ts', 'skipNext(); // the skip list'],
    ['src/a.py', 'noqa_count = 0'],
    ['src/a.ts', "const label = 'type: ignore';"],
  ])('%s: %s has no suppression', (path, text) => {
    expect(firstMatch(SUPPRESSIONS, path, text)).toBeUndefined();
  });

  it.each([
    ['test/a.test.ts', "it('skips empty rows', () => {"],
    ['test/a.test.ts', 'const skip = rows.filter(Boolean);'],
    ['spec/a_spec.rb', "it 'returns pending orders' do"],
    ['pkg/a_test.go', 'func TestSkipList(t *testing.T) {'],
  ])('%s: %s is not a skipped test', (path, text) => {
    expect(firstMatch(SKIPPED_TESTS, path, text)).toBeUndefined();
  });
});

describe(isTestFile.name, () => {
  it.each([
    'src/sum.test.ts',
    'src/sum.spec.js',
    'tests/test_sum.py',
    'pkg/sum_test.go',
    'src/test/java/org/x/SumTest.java',
    'app/__tests__/sum.js',
    'spec/models/user_spec.rb',
    'Tests/SumTests.swift',
    'tests/conftest.py',
  ])('%s is a test file', (path) => expect(isTestFile(path)).toBe(true));

  it.each(['src/sum.ts', 'src/testing-library.ts', 'docs/test.md.txt', 'src/latest.py', 'contest/a.py'])(
    '%s is not a test file',
    (path) => expect(isTestFile(path)).toBe(false),
  );
});
