/**
 * github-action-benchmark's custom JSON format, so users can chart KPIs with that action too. Its
 * tool types fix one direction per file, so KPIs are split: `customBiggerIsBetter` and
 * `customSmallerIsBetter`; KPIs without a direction or value are left out.
 */
import type { KpiReport } from '../kpi-report.js';

export interface BenchmarkEntry {
  name: string;
  unit: string;
  value: number;
  extra?: string;
}

const UNITS: Record<string, string> = {
  percent: '%',
  count: 'count',
  lines: 'lines',
  files: 'files',
  seconds: 's',
  hours: 'h',
  ratio: 'ratio',
};

export function renderBenchmark(report: KpiReport): { bigger: BenchmarkEntry[]; smaller: BenchmarkEntry[] } {
  const bigger: BenchmarkEntry[] = [];
  const smaller: BenchmarkEntry[] = [];
  for (const kpi of report.kpis) {
    const value = kpi.p50 ?? kpi.value;
    if (value === null || value === undefined || kpi.direction === 'none') continue;
    const entry: BenchmarkEntry = { name: kpi.id, unit: UNITS[kpi.unit] ?? kpi.unit, value };
    if (kpi.samples !== undefined) entry.extra = `samples: ${kpi.samples}`;
    (kpi.direction === 'higher-is-better' ? bigger : smaller).push(entry);
  }
  return { bigger, smaller };
}
