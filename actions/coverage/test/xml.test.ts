import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../test/support/paths.js';
import { mergeReports } from '../src/merge.js';
import { parseReport } from '../src/parse-report.js';
import { parseXml } from '../src/xml.js';
import { assertMeasurable, computeTotals } from '../src/totals.js';

const run = (text: string, workspace = '/ws') => {
  const parsed = parseReport(text, { workspace, file: 'coverage.xml' });
  const model = mergeReports([{ source: 'coverage.xml', parsed }]);
  const totals = computeTotals(model);
  assertMeasurable(totals, 'coverage.xml');
  return { parsed, model, totals };
};
const cobertura = (lines: string, attrs = '') =>
  `<?xml version="1.0"?><coverage ${attrs}><sources><source>/ws/src</source></sources><packages><package name="p"><classes><class name="a" filename="a.py"><lines>${lines}</lines></class></classes></package></packages></coverage>`;

describe('Cobertura', () => {
  it('recomputes from lines when line-rate and branches-valid are NaN (B31)', () => {
    const { totals } = run(
      cobertura(
        '<line number="1" hits="1"/><line number="2" hits="0"/>',
        'line-rate="NaN" branch-rate="NaN" branches-valid="NaN"',
      ),
    );
    expect(totals.lines).toEqual({ covered: 1, total: 2 });
    expect(totals.branches).toBeNull();
  });

  it('refuses an empty <packages/> and a report without <sources> with no lines as "no measurable lines" (B31)', () => {
    expect(() => run('<coverage line-rate="NaN"><packages/></coverage>')).toThrow(/no measurable lines/);
    expect(() =>
      run('<coverage line-rate="1"><packages><package><classes/></package></packages></coverage>'),
    ).toThrow(/no measurable lines/);
  });

  it.each(['85,5', '1.234', '-1', 'NaN', '1e3'])(
    'refuses the locale or odd number hits="%s" (B32)',
    (hits) => {
      expect(() => run(cobertura(`<line number="1" hits="${hits}"/>`))).toThrow(
        /expected a non-negative whole number/,
      );
    },
  );

  it('joins <source> roots inside the workspace, strips a BOM, normalises Windows paths', () => {
    expect([...run(cobertura('<line number="1" hits="1"/>')).model.files.keys()]).toEqual(['src/a.py']);
    const coverlet = readFileSync(
      fixturePath('coverage', 'cobertura-coverlet-bom-windows-paths.xml'),
      'utf8',
    );
    const keys = [...run(coverlet).model.files.keys()];
    expect(keys).toContain('EDlib/Exceptions/APIException.cs');
    expect(keys.every((k) => !k.includes('\\'))).toBe(true);
  });

  it('refuses truncated XML with its position (B4)', () => {
    expect(() => run(cobertura('<line number="1" hits="1"/>').slice(0, 150))).toThrow(
      /coverage\.xml is not well-formed XML: line 1/,
    );
  });

  it('does not expand entities (no billion laughs)', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${cobertura('<line number="1" hits="1"/>').replace('<?xml version="1.0"?>', '').replace('name="a"', 'name="&b;"')}`;
    expect(run(bomb).totals.lines).toEqual({ covered: 1, total: 1 });
  });
});

describe('Clover', () => {
  it('uses per-file metrics for statements, conditionals and methods, lines from <line>', () => {
    const xml = `<coverage clover="3.2.0"><project><metrics statements="0" coveredstatements="0"/><file name="a.ts" path="/ws/a.ts"><metrics statements="3" coveredstatements="2" conditionals="4" coveredconditionals="1" methods="2" coveredmethods="1"/><line num="1" count="1" type="stmt"/><line num="2" count="0" type="cond" truecount="1" falsecount="1"/><line num="3" count="4" type="stmt"/></file></project></coverage>`;
    const { totals, model } = run(xml);
    expect([...model.files.keys()]).toEqual(['a.ts']);
    expect(totals).toEqual({
      lines: { covered: 2, total: 3 },
      statements: { covered: 2, total: 3 },
      functions: { covered: 1, total: 2 },
      branches: { covered: 1, total: 4 },
    });
  });
});

describe('XML parsed-size budget', () => {
  it('refuses a Cobertura report of more than 1,000,000 tags before parsing it', () => {
    const text = `<coverage line-rate="1"><lines>${'<line number="1" hits="1"/>'.repeat(1_000_001)}</lines></coverage>`;
    const started = performance.now();
    expect(() => parseXml(text, 'big.xml')).toThrow(
      /^The report big\.xml holds more than 1,000,000 XML tags, over the parsed-size limit/,
    );
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
