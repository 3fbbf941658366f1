import { describe, expect, it } from 'vitest';
import type { SarifConfig } from '../src/config.js';
import { evaluateSarif, type Newness } from '../src/evaluate.js';
import type { SarifFinding, SarifModel } from '../src/model.js';
import { finding } from './factory.js';

const CONFIG: SarifConfig = {
  files: ['*.sarif'],
  failOnLevel: 'error',
  failOnSeverity: 'high',
  maxFindings: 0,
  newOnly: 'false',
  baselineFiles: [],
  include: [],
  exclude: [],
  ignoreRules: [],
};

function model(findings: SarifFinding[]): SarifModel {
  return {
    findings,
    runs: [{ report: 'r.sarif', tool: 'Semgrep OSS', results: findings.length }],
    reports: ['r.sarif'],
  };
}

function run(findings: SarifFinding[], config: Partial<SarifConfig> = {}, newness?: Newness) {
  return evaluateSarif(
    model(findings),
    { ...CONFIG, ...config },
    newness ?? { isNew: findings.map(() => false), notes: [] },
  );
}

function output(result: ReturnType<typeof run>, id: string) {
  return result.metrics.find((m) => m.id === id)?.value;
}

describe(evaluateSarif.name, () => {
  it('fails on an error-level finding and passes on warnings under the default bars', () => {
    expect(run([finding({ level: 'error' })]).verdict).toBe('fail');
    const warn = run([finding({ level: 'warning' }), finding({ level: 'note' })]);
    expect(warn.verdict).toBe('pass');
    expect(output(warn, 'warnings')).toBe(1);
    expect(output(warn, 'notes')).toBe(1);
    expect(output(warn, 'findings')).toBe(0);
  });

  it('counts a warning whose security severity reaches the severity bar', () => {
    const high = finding({ level: 'warning', severity: 7.5, band: 'high' });
    expect(run([high]).verdict).toBe('fail');
    expect(run([high], { failOnSeverity: 'critical' }).verdict).toBe('pass');
    expect(
      run([finding({ level: 'warning', severity: 9.8, band: 'critical' })], { failOnSeverity: 'critical' })
        .verdict,
    ).toBe('fail');
  });

  it('applies the level bar from warning and note', () => {
    expect(run([finding({ level: 'warning' })], { failOnLevel: 'warning' }).verdict).toBe('fail');
    expect(run([finding({ level: 'note' })], { failOnLevel: 'warning' }).verdict).toBe('pass');
    expect(run([finding({ level: 'note' })], { failOnLevel: 'note' }).verdict).toBe('fail');
    expect(run([finding({ level: 'none' })], { failOnLevel: 'note' }).verdict).toBe('pass');
    expect(run([finding({ level: 'error' })], { failOnLevel: 'none' }).verdict).toBe('pass');
  });

  it('allows up to max-findings', () => {
    const two = [finding(), finding({ startLine: 9 })];
    expect(run(two, { maxFindings: 2 }).verdict).toBe('pass');
    const over = run(two, { maxFindings: 1 });
    expect(over.verdict).toBe('fail');
    expect(over.summary).toBe(
      '2 findings at level error or above or security severity high or above, more than the 1 allowed.',
    );
    expect(over.metrics[0]).toMatchObject({
      id: 'findings',
      value: 2,
      threshold: { op: '<=', value: 1 },
      verdict: 'fail',
    });
  });

  it('does not count accepted suppressions or absent results, but counts under-review and rejected ones (B26)', () => {
    const result = run([
      finding({ suppression: 'accepted', justification: 'false positive' }),
      finding({ baselineState: 'absent' }),
      finding({ suppression: 'underReview' }),
      finding({ suppression: 'rejected' }),
    ]);
    expect(output(result, 'findings')).toBe(2);
    expect(output(result, 'suppressed')).toBe(1);
    const listed = result.details.find((s) => s.title.startsWith('Suppressed'))!;
    expect(listed.rows!.map((r) => r[0])).toEqual([
      'suppressed',
      'suppression underReview',
      'suppression rejected',
    ]);
    expect(listed.rows![0]![3]).toBe('false positive');
  });

  it('passes when the only finding is suppressed', () => {
    expect(run([finding({ suppression: 'accepted' })]).verdict).toBe('pass');
  });

  it('judges only new findings when new-only is set', () => {
    const findings = [finding({ ruleId: 'old' }), finding({ ruleId: 'new' })];
    const result = run(findings, { newOnly: 'diff' }, { isNew: [false, true], notes: ['from git diff'] });
    expect(output(result, 'findings')).toBe(1);
    expect(output(result, 'new')).toBe(1);
    expect(result.summary).toMatch(/^1 new finding at /);
    const counted = result.findings.filter((f) => f.level === 'error');
    expect(counted.map((f) => f.ruleId)).toEqual(['new']);
    expect(result.details[0]!.notes).toContain('from git diff');
  });

  it('ranks new findings first, then by severity', () => {
    const result = run(
      [
        finding({ ruleId: 'old-critical', severity: 9.5, band: 'critical' }),
        finding({ ruleId: 'new-low', severity: 1, band: 'low' }),
      ],
      { newOnly: 'baseline' },
      { isNew: [false, true], notes: [] },
    );
    const rank = (id: string): number => result.findings.find((f) => f.ruleId === id)?.rank ?? -1;
    expect(rank('new-low')).toBeGreaterThan(rank('old-critical'));
    expect(rank('old-critical')).toBeGreaterThan(0);
  });

  it('honours ignore-rules, include and exclude; pathless findings stay in scope', () => {
    const findings = [
      finding({ ruleId: 'ignored' }),
      finding({ path: 'test/a.test.ts' }),
      finding({ path: 'vendor/x.js' }),
      finding({ path: undefined, locationText: 'file:///etc/x' }),
      finding({ path: 'src/kept.ts' }),
    ];
    const result = run(findings, {
      ignoreRules: ['ignored'],
      include: ['src/**', 'test/**'],
      exclude: ['**/*.test.ts'],
    });
    expect(output(result, 'findings')).toBe(2);
  });

  it('never puts a non-workspace location into an annotation file (B24)', () => {
    const result = run([finding({ path: undefined, locationText: '../../etc/passwd' })]);
    expect(result.findings[0]).not.toHaveProperty('file');
    expect(result.findings[0]!.message).toContain('(location: ../../etc/passwd)');
  });

  it('keeps hostile report text as data for the escaping renderers (E1, E5)', () => {
    const hostile = '\n::set-output name=passed::true</td><img src=x>@admin';
    const result = run([finding({ message: hostile, ruleId: 'x|y' })]);
    expect(result.findings[0]!.message).toBe(hostile);
    expect(JSON.stringify(result.details)).toContain('x|y');
  });

  it('sets every output metric', () => {
    expect(run([]).metrics.map((m) => m.id)).toEqual([
      'findings',
      'errors',
      'warnings',
      'notes',
      'suppressed',
      'new',
    ]);
  });
});
