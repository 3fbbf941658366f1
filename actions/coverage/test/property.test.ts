/** Property: no input, however malformed, crashes a parser: it yields a model or a ReportError. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReportError } from '@aeef/gate-result';
import { mergeReports } from '../src/merge.js';
import { parseReport } from '../src/parse-report.js';
import { computeTotals } from '../src/totals.js';

function parsesOrRefuses(text: string): void {
  try {
    const parsed = parseReport(text, { workspace: '/ws', file: 'r' });
    const totals = computeTotals(mergeReports([{ source: 'r', parsed }]));
    for (const t of Object.values(totals)) if (t !== null) expect(t.covered).toBeLessThanOrEqual(t.total);
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
  }
}

const lcovLine = fc.oneof(
  fc.constantFrom('TN:', 'SF:a.js', 'SF:', 'end_of_record', 'LF:3', '# c', '', 'VER:2'),
  fc
    .tuple(
      fc.constantFrom('DA', 'FN', 'FNDA', 'BRDA', 'FNL', 'FNA'),
      fc.array(fc.oneof(fc.nat(), fc.string(), fc.constant('-'), fc.double().map(String)), { maxLength: 5 }),
    )
    .map(([t, parts]) => `${t}:${parts.join(',')}`),
);
const xmlish = fc.oneof(
  fc.constantFrom(
    '<coverage>',
    '</coverage>',
    '<packages>',
    '</packages>',
    '<package>',
    '</package>',
    '<classes>',
    '</classes>',
    '<lines>',
    '</lines>',
    '<project>',
    '</project>',
    '<sources><source>/ws</source></sources>',
  ),
  fc
    .record({ n: fc.oneof(fc.nat(), fc.string()), h: fc.oneof(fc.nat(), fc.string()) })
    .map(
      ({ n, h }) =>
        `<line number="${n}" hits="${h}" num="${n}" count="${h}" type="cond" condition-coverage="${h}% (${n}/${h})"/>`,
    ),
  fc.constant('<class filename="a.py">'),
  fc.constant('</class>'),
  fc.constant('<file name="a.ts">'),
  fc.constant('</file>'),
);
const json = fc.jsonValue().map((v) => JSON.stringify(v));
const istanbulish = fc
  .record({
    s: fc.dictionary(fc.constantFrom('0', '1', '2'), fc.jsonValue()),
    statementMap: fc.dictionary(fc.constantFrom('0', '1', '2'), fc.jsonValue()),
    b: fc.dictionary(fc.string(), fc.jsonValue()),
    f: fc.jsonValue(),
  })
  .map((fcov) => JSON.stringify({ 'a.js': { path: 'a.js', fnMap: {}, branchMap: {}, ...fcov } }));

describe('parsers under arbitrary input', () => {
  it.each(['null', '"x"', '{"start":null}', '{"start":{"line":"1"}}', '[]'])(
    'refuse a statementMap location %s',
    (loc) => {
      const text = `{"a.js":{"path":"a.js","statementMap":{"0":${loc}},"fnMap":{},"branchMap":{},"s":{"0":1},"f":{},"b":{}}}`;
      expect(() =>
        computeTotals(
          mergeReports([{ source: 'r', parsed: parseReport(text, { workspace: '/ws', file: 'r' }) }]),
        ),
      ).toThrow(ReportError);
    },
  );

  it('never crash on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), parsesOrRefuses), { numRuns: 300 });
  });
  it('never crash on lcov-like lines', () => {
    fc.assert(
      fc.property(fc.array(lcovLine, { maxLength: 30 }), (lines) => parsesOrRefuses(lines.join('\n'))),
      { numRuns: 400 },
    );
  });
  it('never crash on XML-like documents', () => {
    fc.assert(
      fc.property(fc.array(xmlish, { maxLength: 20 }), (parts) =>
        parsesOrRefuses(`<?xml version="1.0"?>${parts.join('')}`),
      ),
      { numRuns: 300 },
    );
  });
  it('never crash on JSON and istanbul-shaped JSON', () => {
    fc.assert(fc.property(json, parsesOrRefuses), { numRuns: 300 });
    fc.assert(fc.property(istanbulish, parsesOrRefuses), { numRuns: 300 });
  });
});
