import { readFileSync } from 'node:fs';
import { aggregateResultsByModule, calculateMutationTestMetrics } from 'mutation-testing-metrics';
import type { MutationTestResult } from 'mutation-testing-report-schema';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../test/support/paths.js';
import { mergeReports } from '../src/merge-reports.js';
import { parseMutationReport } from '../src/report-reader.js';
import { countMutants, emptyCounts, scoreCounts } from '../src/score.js';
import { many, reportText } from './factory.js';

describe(mergeReports.name, () => {
  it('merges monorepo packages exactly as mutation-testing-metrics aggregates them', () => {
    const names = [
      'strykerjs-5.4.1-util-compileerrors.json',
      'stryker4s-scala-schema1.json',
      'cargo-mutants-rust-url-schema2.json',
    ];
    const texts = names.map((n) => readFileSync(fixturePath('mutation', n), 'utf8'));
    const reports = texts.map((t, i) => parseMutationReport(t, `pkg${i}/reports/mutation/mutation.json`));
    reports.forEach((r, i) => r.files.forEach((f) => (f.path = `pkg${i}/${f.key}`)));
    const merged = mergeReports(reports);
    const sut = scoreCounts(merged.reduce((c, f) => countMutants(f.mutants, c), emptyCounts()));
    const byModule = Object.fromEntries(
      texts.map((t, i) => [`pkg${i}`, JSON.parse(t) as MutationTestResult]),
    );
    const oracle = calculateMutationTestMetrics(aggregateResultsByModule(byModule)).systemUnderTestMetrics
      .metrics;
    expect([
      sut.killed,
      sut.survived,
      sut.timeout,
      sut.noCoverage,
      sut.compileErrors,
      sut.total,
      sut.score,
      sut.coveredScore,
    ]).toEqual([
      oracle.killed,
      oracle.survived,
      oracle.timeout,
      oracle.noCoverage,
      oracle.compileErrors,
      oracle.totalMutants,
      oracle.mutationScore,
      oracle.mutationScoreBasedOnCoveredCode,
    ]);
    expect(merged).toHaveLength(13 + 32 + 7);
  });

  it('refuses the same file in two reports', () => {
    const a = parseMutationReport(reportText({ 'src/a.ts': many(1, 'Killed') }), 'a/mutation.json');
    const b = parseMutationReport(reportText({ 'src/a.ts': many(1, 'Survived') }), 'b/mutation.json');
    expect(() => mergeReports([a, b])).toThrow(
      'The mutated file src/a.ts appears in both a/mutation.json and b/mutation.json; each file must be reported once, so the reports cannot be merged.',
    );
  });

  it('refuses two keys of one report that name the same file', () => {
    const report = parseMutationReport(
      reportText({ 'src/a.ts': many(1, 'Killed'), 'src\\a.ts': many(1, 'Killed') }),
      'm.json',
    );
    report.files.forEach((f) => (f.path = f.key.replaceAll('\\', '/')));
    expect(() => mergeReports([report])).toThrow(/appears twice in m\.json/);
  });
});
