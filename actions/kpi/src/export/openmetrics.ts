/**
 * OpenMetrics text for a Prometheus Pushgateway. Label sets are bounded: gate ids and metric ids
 * only (both validated kebab-case), never run ids, commits or PR numbers, which would explode
 * cardinality.
 */
import type { KpiReport } from '../kpi-report.js';

const VERDICTS = ['pass', 'warn', 'fail', 'error'] as const;

export function renderOpenMetrics(report: KpiReport): string {
  const lines: string[] = [];
  const family = (name: string, type: string, help: string): void => {
    lines.push(`# TYPE ${name} ${type}`);
    lines.push(`# HELP ${name} ${help}`);
  };

  // A gauge per verdict (1 for the one that holds) rather than an OpenMetrics stateset, so the text
  // is also valid Prometheus 0.0.4 exposition, which every Pushgateway accepts.
  family('aeef_gate_verdict', 'gauge', 'The verdict of each gate in this run: 1 for the verdict that holds.');
  for (const gate of report.gates) {
    for (const v of VERDICTS) {
      lines.push(
        `aeef_gate_verdict{gate="${label(gate.gate)}",verdict="${v}"} ${gate.verdict === v ? 1 : 0}`,
      );
    }
  }

  family('aeef_gate_metric', 'gauge', 'Each gate metric by id; percentages are 0-100.');
  for (const gate of report.gates) {
    for (const metric of gate.metrics) {
      if (metric.value === null) continue;
      lines.push(
        `aeef_gate_metric{gate="${label(gate.gate)}",metric="${label(metric.id)}",unit="${metric.unit}"} ${num(metric.value)}`,
      );
    }
  }

  family('aeef_kpi', 'gauge', 'Derived KPIs (gate pass rate, GitHub KPIs at p50).');
  for (const kpi of report.kpis) {
    // Gate metrics are already in aeef_gate_metric; this family holds the derived ones.
    if (!kpi.id.startsWith('gates.') && !kpi.id.startsWith('github.')) continue;
    const value = kpi.p50 ?? kpi.value;
    if (value === null || value === undefined) continue;
    lines.push(`aeef_kpi{kpi="${label(kpi.id)}",unit="${kpi.unit}"} ${num(value)}`);
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
