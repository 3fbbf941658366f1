import { describe, expect, it } from 'vitest';
import { mergeReports } from '../src/merge.js';
import { parseReport } from '../src/parse-report.js';
import { measurePatch } from '../src/patch.js';
import { computeTotals } from '../src/totals.js';
import { changeSet } from '../../../test/support/memory-io.js';

const model = (text: string) =>
  mergeReports([{ source: 'r', parsed: parseReport(text, { workspace: '/ws', file: 'r' }) }]);

describe('Go coverprofile', () => {
  const profile = [
    'mode: count',
    'github.com/o/r/pkg/a.go:3.10,5.2 2 1',
    'github.com/o/r/pkg/a.go:6.2,7.3 1 0',
    'github.com/o/r/pkg/a.go:6.2,7.3 1 2', // same block from a second test binary: merged, now covered
    'github.com/o/r/pkg/a.go:9.1,9.20 3 0',
  ].join('\n');

  it('counts statements as go tool cover does, merging duplicate blocks', () => {
    const t = computeTotals(model(profile));
    expect(t.statements).toEqual({ covered: 3, total: 6 });
    expect(t.lines).toEqual({ covered: 5, total: 6 });
    expect([t.functions, t.branches]).toEqual([null, null]);
  });

  it('matches module-prefixed paths to changed files by suffix', () => {
    const patch = measurePatch(model(profile), changeSet({ 'pkg/a.go': [[9, 9]] }), () => true);
    expect(patch.tally).toEqual({ covered: 0, total: 1 });
    expect(patch.uncovered).toEqual([{ file: 'pkg/a.go', start: 9, end: 9, lines: 1 }]);
  });

  it.each([
    ['a bad mode line', 'mode: fast\na.go:1.1,2.2 1 1'],
    ['a malformed block', 'mode: set\na.go:1.1-2.2 1 1'],
    ['a block ending before it starts', 'mode: set\na.go:5.1,2.2 1 1'],
    ['no block', 'mode: set\n'],
  ])('refuses %s', (_label, text) => {
    expect(() => parseReport(text, { workspace: '/ws', file: 'c.out' })).toThrow(
      /c\.out is not a valid Go coverprofile: line \d/,
    );
  });
});

describe('JaCoCo', () => {
  const xml = `<?xml version="1.0"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd"><report name="r"><group name="g"><package name="com/x"><sourcefile name="A.java"><line nr="3" mi="0" ci="3" mb="1" cb="1"/><line nr="4" mi="2" ci="0"/><line nr="5" mi="0" ci="0"/><counter type="LINE" missed="1" covered="1"/><counter type="BRANCH" missed="1" covered="1"/><counter type="METHOD" missed="0" covered="1"/></sourcefile></package></group></report>`;

  it('reads lines from mi/ci, branches and methods from the counters, inside groups', () => {
    const t = computeTotals(model(xml));
    expect(t).toEqual({
      lines: { covered: 1, total: 2 },
      statements: null,
      functions: { covered: 1, total: 1 },
      branches: { covered: 1, total: 2 },
    });
  });

  it('matches source-root-relative paths to changed files by suffix, and refuses ambiguity', () => {
    const m = model(xml);
    expect(measurePatch(m, changeSet({ 'src/main/java/com/x/A.java': [[1, 10]] }), () => true).tally).toEqual(
      { covered: 1, total: 2 },
    );
    const two = mergeReports([
      { source: 'a', parsed: parseReport(xml, { workspace: '/ws', file: 'a' }) },
      {
        source: 'b',
        parsed: parseReport(xml.replace('com/x', 'org/com/x'), { workspace: '/ws', file: 'b' }),
      },
    ]);
    expect(
      measurePatch(two, changeSet({ 'src/org/com/x/A.java': [[1, 10]] }), () => true).unreported,
    ).toEqual(['src/org/com/x/A.java']);
  });
});
