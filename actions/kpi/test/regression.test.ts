import { describe, expect, it } from 'vitest';
import { checkRegressions } from '../src/regression.js';
import { KPI_SCHEMA, type Kpi, type KpiReport } from '../src/kpi-report.js';

const report = (kpis: Kpi[]): KpiReport => ({
  schema: KPI_SCHEMA,
  repository: null,
  ref: null,
  commit: null,
  event: 'push',
  pullNumber: null,
  timestamp: null,
  gates: [],
  kpis,
  conflicts: [],
});
const lines = (value: number | null): Kpi => ({
  id: 'coverage.lines',
  label: 'Lines',
  value,
  unit: 'percent',
  direction: 'higher-is-better',
});
const findings = (value: number): Kpi => ({
  id: 'sarif.findings',
  label: 'Findings',
  value,
  unit: 'count',
  direction: 'lower-is-better',
});

describe(checkRegressions.name, () => {
  it.each([
    [81, 80, 'pass'],
    [81, 80.0001, 'pass'],
    [81.5, 80, 'fail'],
    [80, 85, 'pass'],
  ])('higher-is-better: %d then %d with 1 point allowed is %s', (before, now, verdict) => {
    const [check] = checkRegressions(
      [{ kpi: 'coverage.lines', points: 1 }],
      report([lines(now)]),
      report([lines(before)]),
    );
    expect(check!.verdict).toBe(verdict);
  });

  it('lower-is-better KPIs regress upwards', () => {
    const [check] = checkRegressions(
      [{ kpi: 'sarif.findings', points: 0 }],
      report([findings(2)]),
      report([findings(1)]),
    );
    expect(check).toMatchObject({ verdict: 'fail', worsening: 1 });
  });

  it('passes with a note when there is no earlier record', () => {
    const [check] = checkRegressions([{ kpi: 'coverage.lines', points: 1 }], report([lines(50)]), undefined);
    expect(check!.verdict).toBe('pass');
    expect(check!.reason).toContain('baseline');
  });

  it('is an error when this run has no value for the KPI', () => {
    const [check] = checkRegressions(
      [{ kpi: 'coverage.lines', points: 1 }],
      report([lines(null)]),
      report([lines(80)]),
    );
    expect(check!.verdict).toBe('error');
    const [missing] = checkRegressions([{ kpi: 'mutation.score', points: 1 }], report([]), report([]));
    expect(missing!.verdict).toBe('error');
  });
});
