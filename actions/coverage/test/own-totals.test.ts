/**
 * Issue 11, fail-open 6: a report taken whole gives the producer's own totals, the summary says
 * where the elements disagree, and per-item counting no longer loses functions.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputsFromRecord, withDefaults, type GateResult } from '@aeef/gate-result';
import { memoryIO } from '../../../test/support/memory-io.js';
import { REPO_ROOT } from '../../../test/support/paths.js';
import { coverageGate } from '../src/gate.js';
import { parseLcov } from '../src/lcov.js';
import { mergeReports } from '../src/merge.js';
import { parseReport } from '../src/parse-report.js';
import { computeTotals } from '../src/totals.js';

const fixture = (name: string): string =>
  readFileSync(path.join(REPO_ROOT, 'test/fixtures', 'coverage', name), 'utf8');
const run = (files: Record<string, string>, values: Record<string, string>): Promise<GateResult> =>
  coverageGate.run(
    coverageGate.config(withDefaults(inputsFromRecord({ 'min-lines': '0', ...values }), coverageGate.inputs)),
    memoryIO(files, undefined),
  );
const metric = (r: GateResult, id: string) => r.metrics.find((m) => m.id === id)?.value;
const notes = (r: GateResult): string => r.details.flatMap((d) => d.notes ?? []).join('\n');

describe("the producer's own totals", () => {
  it("istanbul's Cobertura header: 35 branches, not the 16 its lines place", async () => {
    const r = await run({ 'c.xml': fixture('cobertura-istanbul-nyc.xml') }, { files: 'c.xml' });
    const branches = r.metrics.find((m) => m.id === 'branches');
    expect(branches?.value).toBe(100);
    expect(notes(r)).toContain(
      "c.xml: branches 35 of 35 from the <coverage> root attributes, the producer's own totals; its elements give 16 of 16.",
    );
  });

  it("gcovr's header counts 31 of 38 line elements; the gate says 81.57%, as gcovr does, and why", async () => {
    const r = await run({ 'c.xml': fixture('cobertura-gcovr-windows-gcc14.xml') }, { files: 'c.xml' });
    expect(metric(r, 'lines')).toBeCloseTo((31 / 38) * 100, 10);
    expect(notes(r)).toContain('c.xml: lines 31 of 38 from the <coverage> root attributes');
    expect(notes(r)).toContain('its elements give 23 of 24');
  });

  it('uses the elements when the report is not taken whole (exclude, or shards)', async () => {
    const text = fixture('cobertura-gcovr-windows-gcc14.xml');
    const excluded = await run({ 'c.xml': text }, { files: 'c.xml', exclude: 'nothing/**' });
    expect(metric(excluded, 'lines')).toBeCloseTo((23 / 24) * 100, 10);
    const lcov = 'SF:z.c\nDA:1,1\nend_of_record\n';
    const shards = await run({ 'c.xml': text, 'z.info': lcov }, { files: 'c.xml, z.info' });
    expect(metric(shards, 'lines')).toBeCloseTo((24 / 25) * 100, 10);
  });

  it('lcov LF/LH are the totals, but never raise a figure above the records (B10)', async () => {
    const honest = await run(
      { 'l.info': 'SF:a.js\nDA:1,1\nDA:2,0\nLF:4\nLH:1\nend_of_record\n' },
      { files: 'l.info' },
    );
    expect(metric(honest, 'lines')).toBe(25);
    const inflated = await run(
      { 'l.info': 'SF:a.js\nDA:1,0\nLF:100\nLH:100\nend_of_record\n' },
      { files: 'l.info' },
    );
    expect(metric(inflated, 'lines')).toBe(0);
    expect(notes(inflated)).toContain(
      "l.info: its LF/LH, FNF/FNH and BRF/BRH lines give lines 100 of 100, more than its elements (0 of 1); used the elements, since a report's own totals never raise a figure.",
    );
  });
});

describe('per-item counting', () => {
  it('counts 18 same-named lcov functions as 18, pairing each FNDA with its FN', () => {
    const fn = Array.from({ length: 18 }, (_, i) => `FN:${i * 10 + 1},render`).join('\n');
    const fnda = Array.from({ length: 18 }, (_, i) => `FNDA:${i % 3 === 0 ? 0 : 4},render`).join('\n');
    const text = `SF:a.js\n${fn}\n${fnda}\nFNF:18\nFNH:12\nDA:1,1\nend_of_record\n`;
    const parsed = parseLcov(text, { workspace: '/ws', file: 'l.info' });
    expect(computeTotals(mergeReports([{ source: 'l.info', parsed }])).functions).toEqual({
      covered: 12,
      total: 18,
    });
    expect(parsed.declared?.totals.functions).toEqual({ covered: 12, total: 18 });
  });

  it('merges shards of same-named functions per function, not per name', () => {
    const shard = (hits: number[]) =>
      `SF:a.js\nFN:1,render\nFN:9,render\n${hits.map((h) => `FNDA:${h},render`).join('\n')}\nDA:1,1\nend_of_record\n`;
    const a = parseLcov(shard([1, 0]), { workspace: '/ws', file: 'a' });
    const b = parseLcov(shard([0, 0]), { workspace: '/ws', file: 'b' });
    const totals = computeTotals(
      mergeReports([
        { source: 'a', parsed: a },
        { source: 'b', parsed: b },
      ]),
    );
    expect(totals.functions).toEqual({ covered: 1, total: 2 });
  });

  it('does not count a Cobertura <method> without <line> (excluded by the producer) as missed', () => {
    const xml = `<?xml version="1.0"?><coverage><packages><package name="p"><classes><class name="A" filename="a.py"><methods><method name="run" signature=""><lines><line number="1" hits="1"/></lines></method><method name="excluded" signature=""><lines/></method><method name="bare" signature=""/></methods><lines><line number="1" hits="1"/></lines></class></classes></package></packages></coverage>`;
    const parsed = parseReport(xml, { workspace: '/ws', file: 'c.xml' });
    const totals = computeTotals(mergeReports([{ source: 'c.xml', parsed }]));
    expect(totals.functions).toEqual({ covered: 1, total: 1 });
  });
});
