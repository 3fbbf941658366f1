import { describe, expect, it } from 'vitest';
import { evaluateMutation, type MutationModel } from '../src/evaluate.js';
import { parseMutationReport } from '../src/report-reader.js';
import { changeSet, config, many, reportText, type MutantSpec } from './factory.js';

function model(
  files: Record<string, MutantSpec[]>,
  extra: Partial<MutationModel> = {},
  reportExtra = {},
): MutationModel {
  const report = parseMutationReport(reportText(files, reportExtra), 'reports/mutation/mutation.json');
  return {
    reports: [report],
    files: [...report.files.values()],
    missingSources: [],
    changes: undefined,
    ...extra,
  };
}

const metricOf = (result: ReturnType<typeof evaluateMutation>, id: string) =>
  result.metrics.find((m) => m.id === id);

describe(evaluateMutation.name, () => {
  it('passes at the threshold and fails just under it, on the exact value', () => {
    // 3 of 5 detected = 60% exactly.
    const at = evaluateMutation(model({ 'a.ts': [...many(3, 'Killed'), ...many(2, 'Survived')] }), config());
    expect(at.verdict).toBe('pass');
    expect(metricOf(at, 'score')).toMatchObject({
      value: 60,
      verdict: 'pass',
      threshold: { op: '>=', value: 60 },
    });
    // 2 of 3 = 66.666...% against 66.67: floored display is 66.66, and it fails.
    const under = evaluateMutation(
      model({ 'a.ts': [...many(2, 'Killed'), ...many(1, 'Survived')] }),
      config({ minScore: 66.67 }),
    );
    expect(under.verdict).toBe('fail');
    expect(under.summary).toBe('Mutation score 66.66% is below 66.67%.');
  });

  it('scores by the Stryker formulas and counts every status', () => {
    const result = evaluateMutation(
      model({
        'a.ts': [
          ...many(4, 'Killed'),
          ...many(1, 'Timeout'),
          ...many(2, 'Survived'),
          ...many(3, 'NoCoverage'),
          ...many(5, 'RuntimeError'),
          ...many(6, 'CompileError'),
          ...many(7, 'Ignored'),
        ],
      }),
      config({ minScore: 0 }),
    );
    const values = Object.fromEntries(result.metrics.map((m) => [m.id, m.value]));
    expect(values).toEqual({
      score: 50, // (4 + 1) / (4 + 1 + 2 + 3)
      'covered-score': (5 / 7) * 100,
      'patch-score': null,
      killed: 4,
      survived: 2,
      timeout: 1,
      'no-coverage': 3,
      ignored: 7,
      'runtime-errors': 5,
      'compile-errors': 6,
      pending: 0,
      valid: 10,
      total: 28,
    });
  });

  it('ignores thresholds written in the report (B14)', () => {
    const files = { 'a.ts': [...many(1, 'Killed'), ...many(1, 'Survived')] };
    const result = evaluateMutation(
      model(files, {}, { thresholds: { high: 10, low: 5, break: 1 } }),
      config({ minScore: 80 }),
    );
    expect(result.verdict).toBe('fail');
    expect(metricOf(result, 'score')?.threshold).toEqual({ op: '>=', value: 80 });
    const reports = result.details.find((s) => s.title === 'Reports read');
    expect(reports?.rows?.[0]?.[5]).toBe('high 10, low 5, break 1');
  });

  it('is an error when no mutant is valid, and a warning with allow-empty (B7)', () => {
    const files = { 'a.ts': [...many(2, 'Ignored'), ...many(1, 'CompileError')] };
    const strict = evaluateMutation(model(files), config());
    expect(strict.verdict).toBe('error');
    expect(strict.summary).toMatch(/^No mutant is valid .* among 3, .*set allow-empty: true/);
    const allowed = evaluateMutation(model(files), config({ allowEmpty: true }));
    expect(allowed.verdict).toBe('warn');
    expect(metricOf(allowed, 'score')).toMatchObject({ value: null, verdict: 'none' });
  });

  it('is an error for a schema-valid report with no files at all (B7: files {})', () => {
    const result = evaluateMutation(model({}), config());
    expect(result.verdict).toBe('error');
    expect(result.summary).toMatch(/^No mutant is valid .* among 0,/);
    expect(metricOf(result, 'score')).toMatchObject({ value: null, verdict: 'fail' });
  });

  it('is an error when mutants are Pending, and leaves them out with allow-pending', () => {
    const files = { 'a.ts': [...many(3, 'Killed'), ...many(1, 'Survived'), ...many(2, 'Pending')] };
    expect(evaluateMutation(model(files), config()).verdict).toBe('error');
    const allowed = evaluateMutation(model(files), config({ allowPending: true }));
    expect(allowed.verdict).toBe('warn');
    expect(metricOf(allowed, 'score')?.value).toBe(75);
    expect(metricOf(allowed, 'pending')?.value).toBe(2);
  });

  it('is an error when report files are missing from the workspace, unless allowed', () => {
    const files = { 'a.ts': many(1, 'Killed') };
    const strict = evaluateMutation(model(files, { missingSources: ['a.ts'] }), config());
    expect(strict.verdict).toBe('error');
    expect(strict.summary).toMatch(
      /1 file\(s\) named by the report are not in the workspace \(first: a\.ts\)/,
    );
    expect(
      evaluateMutation(model(files, { missingSources: ['a.ts'] }), config({ allowMissingSources: true }))
        .verdict,
    ).toBe('warn');
  });

  it('scores the mutants on changed lines and annotates their survivors with mutator and replacement', () => {
    const files = {
      'src/a.ts': [
        { status: 'Killed' as const, line: 10 },
        { status: 'Survived' as const, line: 11, mutatorName: 'EqualityOperator', replacement: 'a <= b' },
        { status: 'NoCoverage' as const, line: 12, mutatorName: 'BlockStatement', replacement: '{}' },
        { status: 'Survived' as const, line: 40 },
      ],
    };
    const changes = changeSet({ 'src/a.ts': [[10, 12]] });
    const result = evaluateMutation(model(files, { changes }), config({ minScore: 0, minPatchScore: 50 }));
    expect(metricOf(result, 'patch-score')).toMatchObject({ value: (1 / 3) * 100, verdict: 'fail' });
    expect(result.verdict).toBe('fail');
    expect(result.summary).toBe('Mutation score of changed lines 33.33% is below 50%.');
    expect(result.findings).toEqual([
      {
        level: 'error',
        title: 'Mutant survived',
        message: 'No test failed when this code was mutated (EqualityOperator: `a <= b`).',
        file: 'src/a.ts',
        startLine: 11,
        endLine: 11,
        ruleId: 'EqualityOperator',
        rank: 2,
      },
      expect.objectContaining({
        level: 'error',
        title: 'Mutant not covered by any test',
        startLine: 12,
        rank: 1,
      }),
    ]);
  });

  it('warns (not errors) on changed-line survivors when the patch check passes or is unset', () => {
    const files = { 'src/a.ts': [{ status: 'Survived' as const, line: 3 }, ...many(9, 'Killed', 3)] };
    const result = evaluateMutation(model(files, { changes: changeSet({ 'src/a.ts': [[3, 3]] }) }), config());
    expect(result.verdict).toBe('pass');
    expect(result.findings.map((f) => f.level)).toEqual(['warning']);
  });

  it('has no patch score when no valid mutant is on a changed line', () => {
    const files = { 'src/a.ts': many(1, 'Killed', 5) };
    const elsewhere = evaluateMutation(
      model(files, { changes: changeSet({ 'README.md': [[1, 3]] }) }),
      config({ minPatchScore: 90 }),
    );
    expect(metricOf(elsewhere, 'patch-score')).toMatchObject({ value: null, verdict: 'none' });
  });

  it('refuses min-patch-score when the run has no diff: a set bar that cannot be measured is an error', () => {
    const files = { 'src/a.ts': many(1, 'Killed', 5) };
    const noDiff = evaluateMutation(model(files, { event: 'issue_comment' }), config({ minPatchScore: 90 }));
    expect(noDiff.verdict).toBe('error');
    expect(noDiff.summary).toBe(
      'min-patch-score (90%) is set, but this issue_comment run has no changed lines to measure it on (only pull requests, merge groups and pushes with a base commit have them); unset min-patch-score for this event.',
    );
    const unset = evaluateMutation(model(files, { changesNote: 'no diff in this run.' }), config());
    expect(unset.verdict).toBe('pass');
    expect(unset.details.flatMap((d) => d.notes ?? [])).toContain('No patch score: no diff in this run.');
  });

  it('refuses to judge min-patch-score where a file with mutants lacks line data', () => {
    const changes = {
      ...changeSet({ 'src/a.ts': [[1, 1]] }),
      incomplete: 'the API listed 3000 of 3500 files',
      partialList: true as const,
    };
    const listed = { 'src/a.ts': many(1, 'Killed') };
    // Every file with mutants is in the list: decidable.
    expect(
      evaluateMutation(model(listed, { changes }), config({ minScore: 0, minPatchScore: 80 })).verdict,
    ).toBe('pass');
    const files = { ...listed, 'src/b.ts': many(1, 'Survived') };
    const result = evaluateMutation(model(files, { changes }), config({ minScore: 0, minPatchScore: 80 }));
    expect(result.verdict).toBe('error');
    expect(result.summary).toMatch(
      /^min-patch-score \(80%\) cannot be decided: the changed lines of 1 file\(s\) with mutants are unknown \(src\/b.ts; the API listed 3000 of 3500 files\)/,
    );
    expect(evaluateMutation(model(files, { changes }), config({ minScore: 0 })).verdict).toBe('pass');
    // A withheld patch: the file changed, its lines are unknown.
    const withheld = {
      ...changeSet({}),
      files: [
        {
          path: 'src/a.ts',
          status: 'modified' as const,
          additions: 9000,
          deletions: 0,
          binary: false,
          ranges: [],
          linesUnknown: true as const,
        },
      ],
      incomplete: '1 files have no patch',
    };
    expect(
      evaluateMutation(model(listed, { changes: withheld }), config({ minScore: 0, minPatchScore: 80 }))
        .verdict,
    ).toBe('error');
  });

  it('fails above max-survived', () => {
    const files = { 'a.ts': [...many(8, 'Killed'), ...many(2, 'Survived')] };
    expect(evaluateMutation(model(files), config({ maxSurvived: 2 })).verdict).toBe('pass');
    const over = evaluateMutation(model(files), config({ maxSurvived: 1 }));
    expect(over.verdict).toBe('fail');
    expect(over.summary).toBe('Survived 2 is above 1.');
  });

  it('lists the worst files first and counts the ones left out', () => {
    const files: Record<string, MutantSpec[]> = {};
    for (let i = 0; i < 12; i++) files[`f${i}.ts`] = [...many(i, 'Killed'), ...many(1, 'Survived')];
    const worst = evaluateMutation(model(files), config({ minScore: 0 })).details.find(
      (s) => s.title === 'Worst files',
    );
    expect(worst?.rows?.map((r) => r[0])).toEqual([
      'f0.ts',
      'f1.ts',
      'f2.ts',
      'f3.ts',
      'f4.ts',
      'f5.ts',
      'f6.ts',
      'f7.ts',
      'f8.ts',
      'f9.ts',
    ]);
    expect(worst?.rows?.[0]?.[1]).toBe('0.00%');
    expect(worst?.omittedRows).toBe(2);
  });

  it('states the formula with the numbers used', () => {
    const result = evaluateMutation(
      model({ 'a.ts': [...many(3, 'Killed'), ...many(1, 'NoCoverage')] }),
      config(),
    );
    expect(result.details[0]?.notes?.[0]).toBe(
      'Mutation score = (killed + timeout) / (killed + timeout + survived + no coverage) = 3 / 4 = 75.00%.',
    );
  });
});
