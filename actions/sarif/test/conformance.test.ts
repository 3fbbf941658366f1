/**
 * Every SARIF file in test/fixtures/sarif is read or rejected with its expected clear error;
 * the level counts of those read agree with the independent oracle (test/oracle/count-levels.mjs),
 * whose figures are stored in conformance-expected.json with their provenance.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../test/support/paths.js';
import { isActive } from '../src/model.js';
import { parseSarif } from '../src/read-reports.js';
import expected from './conformance-expected.json' with { type: 'json' };
// @ts-expect-error -- plain JS oracle without types, kept independent of the TypeScript sources
import { countLevels } from './oracle/count-levels.mjs';

type Counts = Record<'error' | 'warning' | 'note' | 'none', number>;
interface Expectation {
  rejected?: string;
  all?: Counts;
  active?: Counts;
  suppressed?: number;
  absent?: number;
  results?: number;
}

const DIR = path.dirname(fixturePath('sarif', 'spec-example-minimal.sarif'));
const FILES = readdirSync(DIR).sort();
const EXPECTED = expected.files as Record<string, Expectation>;

function tally(levels: string[]): Counts {
  const counts: Counts = { error: 0, warning: 0, note: 0, none: 0 };
  for (const l of levels) counts[l as keyof Counts]++;
  return counts;
}

describe('SARIF fixtures conformance', () => {
  it('has an expectation for every fixture (a new fixture cannot slip through)', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(46);
    expect(Object.keys(EXPECTED).sort()).toEqual(FILES);
  });

  it.each(FILES)('%s', (file) => {
    const expectation = EXPECTED[file]!;
    const bytes = readFileSync(path.join(DIR, file));
    if (expectation.rejected !== undefined) {
      expect(() => parseSarif(bytes, file, '/work/ws')).toThrow(expectation.rejected);
      return;
    }
    const { findings } = parseSarif(bytes, file, '/work/ws');
    expect(findings).toHaveLength(expectation.results!);
    expect(tally(findings.map((f) => f.level))).toEqual(expectation.all);
    expect(tally(findings.filter(isActive).map((f) => f.level))).toEqual(expectation.active);
    expect(findings.filter((f) => f.suppression === 'accepted')).toHaveLength(expectation.suppressed!);
    // the stored figures are still what the oracle computes today
    const { file: _name, ...live } = (countLevels as (f: string) => Expectation & { file?: string })(
      path.join(DIR, file),
    );
    expect(live).toEqual(expectation);
  });
});
