/**
 * OpenMetrics text for a Prometheus Pushgateway. Label sets are bounded: gate ids and metric ids
 * only (both validated kebab-case), never run ids, commits or PR numbers, which would explode
 * cardinality.
 */
import type { KpiReport } from '../kpi-report.js';

export const VERDICTS = ['pass', 'warn', 'fail', 'error'] as const;

/** The metric families and their help texts: the stable contract of docs/org-scale.md. */
export const FAMILY_HELP = {
  aeef_gate_verdict: 'The verdict of each gate in this run: 1 for the verdict that holds.',
  aeef_gate_metric: 'Each gate metric by id; percentages are 0-100.',
  aeef_kpi: 'Derived KPIs (gate pass rate, GitHub KPIs at p50).',
} as const;

/** The derived KPIs of `aeef_kpi` with their values (gate metrics are in `aeef_gate_metric`). */
export function derivedKpis(report: KpiReport): { id: string; unit: string; value: number }[] {
  const out: { id: string; unit: string; value: number }[] = [];
  for (const kpi of report.kpis) {
    if (!kpi.id.startsWith('gates.') && !kpi.id.startsWith('github.')) continue;
    const value = kpi.p50 ?? kpi.value;
    if (value === null || value === undefined) continue;
    out.push({ id: kpi.id, unit: kpi.unit, value });
  }
  return out;
}

export function renderOpenMetrics(report: KpiReport): string {
  const lines: string[] = [];
  const family = (name: keyof typeof FAMILY_HELP, type: string): void => {
    lines.push(`# TYPE ${name} ${type}`);
    lines.push(`# HELP ${name} ${FAMILY_HELP[name]}`);
  };

  // A gauge per verdict (1 for the one that holds) rather than an OpenMetrics stateset, so the text
  // is also valid Prometheus 0.0.4 exposition, which every Pushgateway accepts.
  family('aeef_gate_verdict', 'gauge');
  for (const gate of report.gates) {
    for (const v of VERDICTS) {
      lines.push(
        `aeef_gate_verdict{gate="${label(gate.gate)}",verdict="${v}"} ${gate.verdict === v ? 1 : 0}`,
      );
    }
  }

  family('aeef_gate_metric', 'gauge');
  for (const gate of report.gates) {
    for (const metric of gate.metrics) {
      if (metric.value === null) continue;
      lines.push(
        `aeef_gate_metric{gate="${label(gate.gate)}",metric="${label(metric.id)}",unit="${metric.unit}"} ${num(metric.value)}`,
      );
    }
  }

  family('aeef_kpi', 'gauge');
  for (const kpi of derivedKpis(report)) {
    lines.push(`aeef_kpi{kpi="${label(kpi.id)}",unit="${kpi.unit}"} ${num(kpi.value)}`);
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

/** Escapes a label value per the OpenMetrics ABNF: backslash, double quote and newline. */
function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function num(value: number): string {
  return Number.isFinite(value) ? String(value) : 'NaN';
}
