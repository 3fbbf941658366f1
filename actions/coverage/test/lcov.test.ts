import { describe, expect, it } from 'vitest';
import { ReportError } from '@aeef/gate-result';
import { parseLcov } from '../src/lcov.js';
import { parseReport } from '../src/parse-report.js';
import { mergeReports } from '../src/merge.js';
import { computeTotals } from '../src/totals.js';

const ctx = { workspace: '/ws', file: 'lcov.info' };
const totalsOf = (text: string) => {
  const parsed = parseLcov(text, ctx);
  return computeTotals(mergeReports([{ source: 'lcov.info', parsed }]));
};

describe(parseLcov.name, () => {
  it('counts per-file figures from DA/FNDA/BRDA, never from LF/LH (B10: lcov --summary gives 1 of 1)', () => {
    const t = totalsOf('SF:a.js\nDA:1,3\nLF:100\nLH:100\nend_of_record\n');
    expect(t.lines).toEqual({ covered: 1, total: 1 });
  });

  it('refuses a record without end_of_record, naming the line (B4)', () => {
    expect(() => parseLcov('SF:a.js\nDA:1,1\nDA:2,0\n', ctx)).toThrow(
      /line 3 ends inside the record of a\.js \(end_of_record missing/,
    );
    expect(() => parseLcov('SF:a.js\nDA:1,1\nSF:b.js\nend_of_record\n', ctx)).toThrow(ReportError);
  });

  it('counts __proto__, constructor, hasOwnProperty and toString as file names (B11)', () => {
    const names = ['__proto__', 'constructor', 'hasOwnProperty', 'toString'];
    const text = names.map((n) => `SF:${n}\nDA:1,1\nDA:2,0\nend_of_record\n`).join('');
    const parsed = parseLcov(text, ctx);
    expect(parsed.files.map((f) => f.path)).toEqual(names);
    expect(computeTotals(mergeReports([{ source: 'x', parsed }])).lines).toEqual({ covered: 4, total: 8 });
  });

  it('reads counts as lcov does: negative as 0, exponents, u64 max, "-" as not taken', () => {
    const t = totalsOf(
      'SF:a\nDA:1,-3\nDA:2,1.0e+19\nDA:3,18446744073709551615\nBRDA:1,0,0,-\nBRDA:1,0,1,2\nend_of_record\n',
    );
    expect(t.lines).toEqual({ covered: 2, total: 3 });
    expect(t.branches).toEqual({ covered: 1, total: 2 });
    expect(parseLcov('SF:a\nDA:1,-3\nend_of_record\n', ctx).notes[0]).toMatch(
      /negative hit counts were read as 0/,
    );
  });

  it('refuses a hit count that is not a number and a line number that is not whole', () => {
    expect(() => parseLcov('SF:a\nDA:1,abc\nend_of_record\n', ctx)).toThrow(
      /line 2 has a hit count that is not a number/,
    );
    expect(() => parseLcov('SF:a\nDA:1.5,1\nend_of_record\n', ctx)).toThrow(
      /line number that is not a whole number/,
    );
  });

  it('sums hits of a file listed twice and of duplicate lines (shards in one file)', () => {
    const t = totalsOf('SF:a\nDA:1,0\nDA:2,0\nend_of_record\nSF:./a\nDA:1,2\nend_of_record\n');
    expect(t.lines).toEqual({ covered: 1, total: 2 });
  });

  it('treats functions and branches without records as not measured (null), not 0%', () => {
    const t = totalsOf('SF:a\nDA:1,1\nend_of_record\n');
    expect([t.statements, t.functions, t.branches]).toEqual([null, null, null]);
  });
});

describe(parseReport.name, () => {
  it.each([
    ['0-byte', ''],
    ['whitespace-only', ' \n\t\n'],
    ['BOM-only', '\uFEFF'],
  ])('refuses a %s report as empty (B3)', (_label, text) => {
    expect(() => parseReport(text, ctx)).toThrow(/lcov\.info is empty/);
  });

  it('says which format it detected, by content not name', () => {
    const parsed = parseReport('TN:\nSF:a\nDA:1,1\nend_of_record\n', {
      workspace: '/ws',
      file: 'coverage.json',
    });
    expect(parsed.detected).toBe('lcov tracefile');
  });
});
