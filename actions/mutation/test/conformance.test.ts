/**
 * Conformance on every real report in test/fixtures/mutation: each count and score equals what
 * Stryker's own `mutation-testing-metrics` (the oracle, called here) computes from the same file, or
 * the file is rejected with the expected clear error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { calculateMutationTestMetrics } from 'mutation-testing-metrics';
import type { MutationTestResult } from 'mutation-testing-report-schema';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../test/support/paths.js';
import { parseMutationReport } from '../src/report-reader.js';
import { evaluateMutation } from '../src/evaluate.js';
import { countMutants, scoreCounts } from '../src/score.js';
import { config } from './factory.js';

const CONFIG = config();

const DIR = fixturePath('mutation');

/** Files the reader must refuse, with the reason it must give (decisions in docs/mutation.md). */
const REJECTED: Record<string, RegExp> = {
  'invalid-missing-schemaversion.json':
    /does not match mutation-testing-report-schema: schemaVersion is required/,
  'minimal-no-schemaversion.json': /does not match mutation-testing-report-schema: schemaVersion is required/,
  'invalid-threshold-high-101.json': /thresholds\.high must be <= 100/,
  'invalid-threshold-low-negative.json': /thresholds\.low must be >= 0/,
  'strykernet-csharp-schema1-windows-paths.json':
    /files\["ExampleProject.*DummyCalc\.cs"\]\.mutants\[0\]\.id must be string/,
  'strykernet-legacy-pre-schema-format.json': /old Stryker\.NET report/,
  'pitest-aggregator-no-coverage.xml': /PIT \(pitest\) mutations\.xml/,
  'pitest-empty-mutations.xml': /PIT \(pitest\) mutations\.xml/,
  'pitest-java-mutations-pretty.xml': /PIT \(pitest\) mutations\.xml/,
  'pitest-kotlin-mutations-partial.xml': /PIT \(pitest\) mutations\.xml/,
};

/** Parsed and scored, but the gate refuses to decide on them: insufficient evidence. */
const NO_EVIDENCE: Record<string, RegExp> = {
  'schema-strict-v2-all-fields.json':
    /^1 of 2 mutants are Pending, so the mutation run did not finish; set allow-pending: true/,
  'strykernet-realtime-pending-ignored.json': /^10 of 15 mutants are Pending/,
  'strykernet-schema2-all-ignored-or-compileerror.json':
    /^No mutant is valid \(killed, timeout, survived or no coverage\) among 660/,
};

const FIXTURES = readdirSync(DIR)
  .filter((f) => f !== 'MANIFEST.md')
  .sort();

function nullIfNaN(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

describe('mutation fixtures', () => {
  it('covers every fixture in the directory', () => {
    expect(FIXTURES.length).toBe(24);
  });

  for (const name of FIXTURES) {
    const text = readFileSync(path.join(DIR, name), 'utf8');
    if (name in REJECTED) {
      it(`rejects ${name}`, () => {
        expect(() => parseMutationReport(text, name)).toThrow(REJECTED[name]!);
      });
      continue;
    }
    it(`scores ${name} exactly as mutation-testing-metrics`, () => {
      const oracle = calculateMutationTestMetrics(JSON.parse(text) as MutationTestResult)
        .systemUnderTestMetrics.metrics;
      const report = parseMutationReport(text, name);
      const counts = countMutants([...report.files.values()].flatMap((f) => f.mutants));
      const sut = scoreCounts(counts);
      expect({
        killed: sut.killed,
        survived: sut.survived,
        timeout: sut.timeout,
        noCoverage: sut.noCoverage,
        runtimeErrors: sut.runtimeErrors,
        compileErrors: sut.compileErrors,
        ignored: sut.ignored,
        pending: sut.pending,
        totalValid: sut.valid,
        totalMutants: sut.total,
        mutationScore: sut.score,
        mutationScoreBasedOnCoveredCode: sut.coveredScore,
      }).toEqual({
        killed: oracle.killed,
        survived: oracle.survived,
        timeout: oracle.timeout,
        noCoverage: oracle.noCoverage,
        runtimeErrors: oracle.runtimeErrors,
        compileErrors: oracle.compileErrors,
        ignored: oracle.ignored,
        pending: oracle.pending,
        totalValid: oracle.totalValid,
        totalMutants: oracle.totalMutants,
        mutationScore: nullIfNaN(oracle.mutationScore),
        mutationScoreBasedOnCoveredCode: nullIfNaN(oracle.mutationScoreBasedOnCoveredCode),
      });
      const result = evaluateMutation(
        { reports: [report], files: [...report.files.values()], missingSources: [], changes: undefined },
        { ...CONFIG },
      );
      if (name in NO_EVIDENCE) {
        expect(result.verdict).toBe('error');
        expect(result.summary).toMatch(NO_EVIDENCE[name]!);
      } else {
        expect(result.verdict).not.toBe('error');
        expect(result.metrics.find((m) => m.id === 'score')?.value).toBe(nullIfNaN(oracle.mutationScore));
      }
      expect(report.files.size).toBe(Object.keys((JSON.parse(text) as { files: object }).files).length);
    });
  }
});
