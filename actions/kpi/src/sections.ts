/** The job-summary dashboard: one table of all gates and one of all KPIs (with change since last). */
import type { Section } from '@aeef/gate-result';
import type { KpiReport } from './kpi-report.js';
import type { RegressionCheck } from './regression.js';

export function dashboardSections(
  report: KpiReport,
  previous: KpiReport | undefined,
  checks: readonly RegressionCheck[],
): Section[] {
  const sections: Section[] = [
    {
      title: 'Gates',
      columns: ['Gate', 'Verdict', 'Summary', 'Result files'],
      rows: report.gates.map((g) => [g.gate, g.verdict, g.summary, g.sources.join(', ')]),
      notes: report.gates.length === 0 ? ['No gate result was found.'] : [],
    },
  ];
  const before = new Map(previous?.kpis.map((k) => [k.id, k.p50 ?? k.value]) ?? []);
  sections.push({
    title: 'KPIs',
    columns: previous
      ? ['KPI', 'Value', 'p50', 'p90', 'Samples', 'Change since last']
      : ['KPI', 'Value', 'p50', 'p90', 'Samples'],
    rows: report.kpis.map((k) => {
      const row = [
        `${k.label} (${k.id})`,
        show(k.value, k.unit),
        show(k.p50, k.unit),
        show(k.p90, k.unit),
        k.samples ?? null,
      ];
      if (previous) {
        const was = before.get(k.id);
        const now = k.p50 ?? k.value;
        row.push(
          was === undefined || was === null || now === null || now === undefined ? 'n/a' : signed(now - was),
        );
      }
      return row;
    }),
  });
  const split = report.kpis.filter((k) => k.splitOf !== undefined);
  if (split.length > 0) {
    const side = (of: string, ai: boolean) => {
      const k = split.find((x) => x.splitOf === of && x.aiInvolved === ai);
      return k === undefined ? null : `${show(k.p50 ?? k.value, k.unit) ?? 'n/a'} (${k.samples ?? 0})`;
    };
    const kinds = [...new Set(split.map((k) => k.splitOf ?? k.id))];
    sections.push({
      title: 'Delivery by provenance',
      columns: ['KPI', 'AI-involved PRs', 'Human-only PRs'],
      rows: kinds.map((of) => [of, side(of, true), side(of, false)]),
      notes: ['Distributions at p50, rates as they are; the sample count in parentheses.'],
    });
  }
  if (checks.length > 0) {
    sections.push({
      title: 'Regression bars',
      columns: ['KPI', 'Previous', 'Current', 'Allowed', 'Verdict', 'Why'],
      rows: checks.map((c) => [c.kpi, c.previous, c.current, c.allowed, c.verdict, c.reason]),
    });
  }
  if (report.conflicts.length > 0) {
    sections.push({
      title: 'Conflicting results',
      columns: ['Gate', 'Files', 'Why'],
      rows: report.conflicts.map((c) => [c.gate, c.sources.join(', '), c.reason]),
    });
  }
  return sections;
}

function show(value: number | null | undefined, unit: string): string | null {
  if (value === null || value === undefined) return null;
  const rounded = Math.round(value * 100) / 100;
  return unit === 'percent' ? `${rounded}%` : `${rounded} ${unit}`;
}

function signed(delta: number): string {
  const rounded = Math.round(delta * 100) / 100;
  return rounded > 0 ? `+${rounded}` : String(rounded);
}
