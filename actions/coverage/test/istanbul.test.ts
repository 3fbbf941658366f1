import { readFileSync } from 'node:fs';
import libCoverage from 'istanbul-lib-coverage';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../test/support/paths.js';
import { mergeReports } from '../src/merge.js';
import { parseReport, type AnyParsed } from '../src/parse-report.js';
import { computeTotals } from '../src/totals.js';

const ws = '/Users/benjamincoe/oss';
const fixture = (name: string) => readFileSync(fixturePath('coverage', name), 'utf8');
const totalsOf = (...parts: [string, AnyParsed][]) =>
  computeTotals(mergeReports(parts.map(([source, parsed]) => ({ source, parsed }))));

function fileCoverage(path: string, s: Record<string, unknown>) {
  const statementMap = Object.fromEntries(
    Object.keys(s).map((k, i) => [k, { start: { line: i + 1, column: 0 }, end: { line: i + 1, column: 5 } }]),
  );
  return { path, statementMap, fnMap: {}, branchMap: {}, s, f: {}, b: {} };
}

describe('istanbul coverage-final.json', () => {
  it('merges shards as istanbul-lib-coverage does (oracle: createCoverageMap().merge())', () => {
    const a = JSON.parse(fixture('istanbul-coverage-final-missing-lines-branches.json')) as Record<
      string,
      unknown
    >;
    const b = JSON.parse(fixture('istanbul-coverage-final-missing-decl.json')) as Record<string, unknown>;
    const oracle = libCoverage.createCoverageMap(structuredClone(a) as never);
    oracle.merge(structuredClone(b) as never);
    const want = oracle.getCoverageSummary();
    const t = totalsOf(
      ['a.json', parseReport(JSON.stringify(a), { workspace: ws, file: 'a.json' })],
      ['b.json', parseReport(JSON.stringify(b), { workspace: ws, file: 'b.json' })],
    );
    expect(t.lines).toEqual({ covered: want.lines.covered, total: want.lines.total });
    expect(t.statements).toEqual({ covered: want.statements.covered, total: want.statements.total });
    expect(t.branches).toEqual({ covered: want.branches.covered, total: want.branches.total });
    expect(t.functions).toEqual({ covered: want.functions.covered, total: want.functions.total });
  });

  it('makes absolute paths workspace-relative', () => {
    const parsed = parseReport(fixture('istanbul-coverage-final-missing-decl.json'), {
      workspace: ws,
      file: 'c.json',
    });
    expect(parsed.format === 'istanbul' && [...parsed.istanbul.data.keys()]).toEqual([
      'test-exclude/index.js',
    ]);
  });

  it('counts __proto__ and constructor as file names (B11)', () => {
    const json = `{"__proto__": ${JSON.stringify(fileCoverage('__proto__', { 0: 1, 1: 0 }))}, "constructor": ${JSON.stringify(fileCoverage('constructor', { 0: 1 }))}}`;
    const t = totalsOf(['x', parseReport(json, { workspace: '/ws', file: 'x' })]);
    expect(t.statements).toEqual({ covered: 2, total: 3 });
  });

  it.each([
    ['a number as a string', '"3"', /invalid hit count in s of a/],
    ['a negative count', '-1', /invalid hit count in s of a/],
    ['1e400', '1e400', /The report x holds the number 1e400 at line 1, column \d+/],
  ])('refuses %s as a hit count (B13)', (_label, count, message) => {
    const json = JSON.stringify({ a: fileCoverage('a', { 0: 0 }) }).replace(
      '"s":{"0":0}',
      `"s":{"0":${count}}`,
    );
    expect(() => totalsOf(['x', parseReport(json, { workspace: '/ws', file: 'x' })])).toThrow(message);
  });

  it('refuses a duplicate file key written with an escape (B12)', () => {
    const a = JSON.stringify(fileCoverage('a', { 0: 0 }));
    const json = `{"a": ${a}, "\\u0061": ${a}}`;
    expect(() => parseReport(json, { workspace: '/ws', file: 'x' })).toThrow(/repeats the key "a"/);
  });

  it('reads the coverageMap of a jest --json report', () => {
    const parsed = parseReport(fixture('jest-json-report-with-coveragemap.json'), {
      workspace: '/jest/examples',
      file: 'report.json',
    });
    expect(parsed.detected).toBe('jest --json report (coverageMap)');
  });

  it('refuses truncated JSON with a clear error (B4)', () => {
    const text = fixture('istanbul-coverage-final-missing-decl.json').slice(0, 5000);
    expect(() => parseReport(text, { workspace: ws, file: 'c.json' })).toThrow(
      /c\.json is not valid JSON .*truncated\?/,
    );
  });
});

describe('istanbul coverage-summary.json', () => {
  const summary = (entries: Record<string, unknown>) =>
    JSON.stringify({ total: entries[Object.keys(entries)[0]!], ...entries });
  const block = (covered: unknown, total: unknown) => ({ total, covered, skipped: 0, pct: 0 });
  const entry = (c: unknown, t: unknown) => ({
    lines: block(c, t),
    statements: block(c, t),
    functions: block(0, 0),
    branches: block(0, 0),
  });

  it('counts __proto__, constructor, hasOwnProperty, toString entries (B11)', () => {
    const text = `{"total": ${JSON.stringify(entry(4, 8))}, "__proto__": ${JSON.stringify(entry(1, 2))}, "constructor": ${JSON.stringify(entry(1, 2))}, "hasOwnProperty": ${JSON.stringify(entry(1, 2))}, "toString": ${JSON.stringify(entry(1, 2))}}`;
    const t = totalsOf(['s', parseReport(text, { workspace: '/ws', file: 's' })]);
    expect(t.lines).toEqual({ covered: 4, total: 8 });
  });

  it.each([
    ['a string', '85.5', 100],
    ['a fraction', 1.5, 2],
    ['a negative', -1, 2],
    ['covered above total', 3, 2],
  ])('refuses %s as a count (B13)', (_label, covered, total) => {
    expect(() =>
      parseReport(summary({ 'a.js': entry(covered, total) }), { workspace: '/ws', file: 's.json' }),
    ).toThrow(/s\.json has (an invalid number|covered above total)/);
  });

  it('has no line detail and says so', () => {
    const parsed = parseReport(summary({ 'a.js': entry(1, 2) }), { workspace: '/ws', file: 's.json' });
    expect(parsed.format === 'istanbul-summary' && parsed.notes[0]).toMatch(/no line detail/);
  });
});
