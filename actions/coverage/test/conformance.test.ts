/**
 * Conformance: every coverage file in test/fixtures/coverage either yields the producing
 * tool's own totals or is refused with the expected clear error. The expected values and their
 * provenance live in fixtures/expected-totals.json, written by oracle/compute-expected.mjs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportError } from '@aeef/gate-result';
import { fixturePath } from '../../../test/support/paths.js';
import { mergeReports } from '../src/merge.js';
import { METRIC_IDS, type Tally } from '../src/model.js';
import { parseReport } from '../src/parse-report.js';
import { assertMeasurable, computeTotals, measured, reconcileTotals } from '../src/totals.js';

interface Expected {
  expect: 'totals' | 'error';
  totals?: Partial<Record<(typeof METRIC_IDS)[number], Tally | null>>;
  error?: string;
  oracle: string;
}

const expected = JSON.parse(
  readFileSync(path.join(import.meta.dirname, 'fixtures', 'expected-totals.json'), 'utf8'),
) as {
  fixtures: Record<string, Expected>;
};
const dir = path.dirname(fixturePath('coverage', 'lcov-empty-file.info'));

function summarise(name: string): Record<string, Tally | null> {
  const text = readFileSync(path.join(dir, name), 'utf8');
  const parsed = parseReport(text, { workspace: '/home/runner/work/repo/repo', file: name });
  const computed = computeTotals(mergeReports([{ source: name, parsed }]));
  assertMeasurable(computed, name);
  // Taken whole: the producer's own totals where the report carries them.
  const { totals } = reconcileTotals(
    computed,
    parsed.format === 'istanbul' ? undefined : parsed.declared,
    name,
  );
  return Object.fromEntries(METRIC_IDS.map((m) => [m, measured(totals[m])]));
}

describe('coverage fixtures conformance', () => {
  it('has an oracle entry for every shared coverage fixture', () => {
    expect(Object.keys(expected.fixtures).sort()).toEqual(readdirSync(dir).sort());
  });

  for (const [name, want] of Object.entries(expected.fixtures)) {
    if (want.expect === 'totals') {
      it(`${name}: totals equal ${want.oracle}`, () => {
        const got = summarise(name);
        for (const [metric, tally] of Object.entries(want.totals ?? {}))
          expect({ metric, tally: got[metric] }).toEqual({ metric, tally });
      });
    } else {
      it(`${name}: refused with "${want.error}"`, () => {
        let caught: unknown;
        try {
          summarise(name);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(ReportError);
        expect((caught as ReportError).message).toContain(want.error);
        expect((caught as ReportError).message).toContain(name);
      });
    }
  }
});
