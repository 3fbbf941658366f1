import fc from 'fast-check';
import { ReportError } from '@aeef/gate-result';
import { calculateMutationTestMetrics } from 'mutation-testing-metrics';
import type { MutationTestResult } from 'mutation-testing-report-schema';
import { describe, expect, it } from 'vitest';
import { parseMutationReport } from '../src/report-reader.js';
import { countMutants, scoreCounts } from '../src/score.js';
import { reportObject, reportText } from './factory.js';

const sut = parseMutationReport;

function withMutant(patch: Record<string, unknown>): string {
  const report = reportObject({ 'src/a.ts': [{ status: 'Killed' }] });
  const file = (report.files as Record<string, { mutants: Record<string, unknown>[] }>)['src/a.ts'];
  Object.assign(file?.mutants[0] ?? {}, patch);
  return JSON.stringify(report);
}

describe(parseMutationReport.name, () => {
  it.each([
    ['0-byte', ''],
    ['whitespace-only', ' \n\t '],
    ['BOM-only', '\uFEFF'],
  ])('rejects a %s file as empty (B3)', (_, text) => {
    expect(() => sut(text, 'reports/m.json')).toThrow('The report reports/m.json is empty.');
  });

  it('rejects truncated JSON without partial totals (B4)', () => {
    const text = reportText({ 'a.ts': [{ status: 'Killed' }] });
    expect(() => sut(text.slice(0, text.length - 10), 'm.json')).toThrow(/ends before its JSON is complete/);
  });

  it('names the position of a syntax error but never echoes the text', () => {
    const error = (() => {
      try {
        sut('{"schemaVersion":"2",\n"files": x}', 'm.json');
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ReportError);
    expect(error?.message).toMatch(/^The report m\.json is not valid JSON/);
    expect(error?.message).not.toContain('schemaVersion');
    expect(() => sut('{"a":1,}', 'm.json')).toThrow(/not valid JSON at line 1, column 8/);
  });

  it('rejects an unknown status with its JSON path (B6)', () => {
    expect(() => sut(withMutant({ status: 'Pwned' }), 'm.json')).toThrow(
      'The report m.json does not match mutation-testing-report-schema: files["src/a.ts"].mutants[0].status must be one of Killed, Survived, NoCoverage, CompileError, RuntimeError, Timeout, Ignored, Pending.',
    );
  });

  it.each([['3'], ['1.x'], [''], [3]])('rejects schemaVersion %j (B6)', (version) => {
    const text = JSON.stringify({
      ...reportObject({ 'a.ts': [{ status: 'Killed' }] }),
      schemaVersion: version,
    });
    expect(() => sut(text, 'm.json')).toThrow(/schemaVersion must match pattern/);
  });

  it.each([['1'], ['1.0'], ['1.7'], ['2'], ['2.0.0'], [1], [2]])('accepts schemaVersion %j', (version) => {
    const text = JSON.stringify({
      ...reportObject({ 'a.ts': [{ status: 'Killed' }] }),
      schemaVersion: version,
    });
    expect(sut(text, 'm.json').schemaVersion).toBe(String(version));
  });

  it.each([
    [
      'a number as a string',
      { location: { start: { line: '5', column: 1 }, end: { line: 5, column: 2 } } },
      /start\.line must be integer/,
    ],
    [
      'a negative line',
      { location: { start: { line: -1, column: 1 }, end: { line: 5, column: 2 } } },
      /start\.line must be >= 1/,
    ],
    [
      '-0',
      { location: { start: { line: 1, column: -0 }, end: { line: 5, column: 2 } } },
      /start\.column must be >= 1/,
    ],
    [
      'a fractional line',
      { location: { start: { line: 1.5, column: 1 }, end: { line: 5, column: 2 } } },
      /must be integer/,
    ],
  ])('rejects %s (B13)', (_, patch, message) => {
    expect(() => sut(withMutant(patch), 'm.json')).toThrow(message);
  });

  it('rejects 1e400 (B13)', () => {
    const text = withMutant({}).replace('"line":1,', '"line":1e400,');
    expect(() => sut(text, 'm.json')).toThrow(
      /holds the number 1e400 at line \d+, column \d+, which is beyond the range of a double/,
    );
  });

  it('rejects a duplicate key before JSON.parse hides it (B12)', () => {
    const text = withMutant({}).replace('"status":"Killed"', '"status":"Survived","status":"Killed"');
    expect(() => sut(text, 'm.json')).toThrow(/repeats the key "status"/);
  });

  it('rejects deep nesting without crashing (B20)', () => {
    expect(() => sut(`{"config":${'['.repeat(200_000)}}`, 'm.json')).toThrow(/nests deeper than/);
  });

  it("applies the schema's uniqueItems to identical mutants, not to distinct ones sharing an id", () => {
    const report = reportObject({
      'a.ts': [
        { status: 'Killed', id: '1' },
        { status: 'Killed', id: '1' },
      ],
    });
    expect(() => sut(JSON.stringify(report), 'm.json')).toThrow(
      /files\["a\.ts"\]\.mutants must not have duplicate items \(0 and 1\)/,
    );
    const distinct = reportObject({
      'a.ts': [
        { status: 'Killed', id: '1' },
        { status: 'Survived', id: '1' },
      ],
    });
    expect(sut(JSON.stringify(distinct), 'm.json').files.get('a.ts')?.mutants).toHaveLength(2);
  });

  it.each(['__proto__', 'constructor', 'hasOwnProperty', 'toString'])(
    'counts a file named %s like the oracle (B11)',
    (key) => {
      const text = `{"schemaVersion":"2","thresholds":{"high":80,"low":60},"files":{"${key}":{"language":"js","source":"x","mutants":[{"id":"1","mutatorName":"M","location":{"start":{"line":1,"column":1},"end":{"line":1,"column":2}},"status":"Survived"}]},"b.js":{"language":"js","source":"x","mutants":[{"id":"2","mutatorName":"M","location":{"start":{"line":1,"column":1},"end":{"line":1,"column":2}},"status":"Killed"}]}}}`;
      const report = sut(text, 'm.json');
      expect([...report.files.keys()]).toEqual([key, 'b.js']);
      const scores = scoreCounts(countMutants([...report.files.values()].flatMap((f) => f.mutants)));
      const oracle = calculateMutationTestMetrics(JSON.parse(text) as MutationTestResult)
        .systemUnderTestMetrics.metrics;
      expect([scores.survived, scores.killed, scores.score]).toEqual([
        oracle.survived,
        oracle.killed,
        oracle.mutationScore,
      ]);
      expect(scores.survived).toBe(1);
    },
  );

  it('rejects XML that is not PIT with a clear sentence', () => {
    expect(() => sut('<?xml version="1.0"?><coverage/>', 'm.xml')).toThrow(
      'The report m.xml is XML, not mutation-testing-report-schema JSON.',
    );
  });

  it('reads the exclusive end of a location: column 1 of a later line does not touch it', () => {
    const report = reportObject({ 'a.ts': [{ status: 'Survived' }] });
    const file = (report.files as Record<string, { mutants: { location: unknown }[] }>)['a.ts'];
    if (file?.mutants[0])
      file.mutants[0].location = { start: { line: 3, column: 5 }, end: { line: 5, column: 1 } };
    const mutant = sut(JSON.stringify(report), 'm.json').files.get('a.ts')?.mutants[0];
    expect([mutant?.startLine, mutant?.endLine]).toEqual([3, 4]);
  });

  it('never crashes: any input gives a model or a ReportError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          try {
            sut(text, 'm.json');
          } catch (error) {
            expect(error).toBeInstanceOf(ReportError);
          }
        },
      ),
    );
  });
});
