/**
 * Regression bars: a KPI may not move the wrong way by more than N points against the last history
 * record (e.g. coverage may not drop more than 1 point). Pure.
 */
import type { RegressionBar } from './config.js';
import type { Kpi, KpiReport } from './kpi-report.js';

export interface RegressionCheck {
  kpi: string;
  previous: number | null;
  current: number | null;
  /** How far it moved the wrong way (positive = worse); null when not comparable. */
  worsening: number | null;
  allowed: number;
  verdict: 'pass' | 'fail' | 'error';
  reason: string;
}

export function checkRegressions(
  bars: readonly RegressionBar[],
  current: KpiReport,
  previous: KpiReport | undefined,
): RegressionCheck[] {
  return bars.map((bar) => {
    const now = find(current, bar.kpi);
    const before = previous ? find(previous, bar.kpi) : undefined;
    const base = { kpi: bar.kpi, allowed: bar.points };
    if (now === undefined || valueOf(now) === null) {
      return {
        ...base,
        previous: null,
        current: null,
        worsening: null,
        verdict: 'error',
        reason: `This run produced no value for \`${bar.kpi}\`.`,
      };
    }
    const currentValue = valueOf(now) as number;
    if (previous === undefined || before === undefined || valueOf(before) === null) {
      return {
        ...base,
        previous: null,
        current: currentValue,
        worsening: null,
        verdict: 'pass',
        reason: 'No earlier history record holds this KPI yet; this run becomes the baseline.',
      };
    }
    const previousValue = valueOf(before) as number;
    if (now.direction === 'none') {
      return {
        ...base,
        previous: previousValue,
        current: currentValue,
        worsening: null,
        verdict: 'error',
        reason: `\`${bar.kpi}\` has no direction, so it cannot regress.`,
      };
    }
    const worsening =
      now.direction === 'higher-is-better' ? previousValue - currentValue : currentValue - previousValue;
    const failed = worsening > bar.points;
    return {
      ...base,
      previous: previousValue,
      current: currentValue,
      worsening,
      verdict: failed ? 'fail' : 'pass',
      reason: failed
        ? `\`${bar.kpi}\` moved ${format(worsening)} points the wrong way (allowed ${format(bar.points)}).`
        : `Within ${format(bar.points)} points.`,
    };
  });
}

function find(report: KpiReport, id: string): Kpi | undefined {
  return report.kpis.find((k) => k.id === id);
}

/** Distributions compare at their median. */
function valueOf(kpi: Kpi): number | null {
  return kpi.p50 ?? kpi.value;
}

function format(n: number): string {
  return String(Math.round(n * 100) / 100);
}
