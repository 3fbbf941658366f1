/**
 * OpenMetrics text for a Prometheus Pushgateway. Label sets are bounded: gate ids, instance names
 * and metric ids (all validated kebab-case) and `ai_involved` (true/false), never run ids, commits
 * or PR numbers, which would explode cardinality. `instance` is not a label here: the Pushgateway
 * sets it from the grouping key (push-groups.ts), and pushed metrics must not carry grouping labels.
 */
import type { GateEntry, KpiReport } from '../kpi-report.js';

export const VERDICTS = ['pass', 'warn', 'fail', 'error'] as const;

/** The metric families and their help texts: the stable contract of docs/org-scale.md. */
export const FAMILY_HELP = {
  aeef_gate_verdict: 'The verdict of each gate in this run: 1 for the verdict that holds.',
  aeef_gate_metric: 'Each gate metric by id; percentages are 0-100.',
  aeef_kpi: 'Derived KPIs (gate pass rate, GitHub KPIs at p50).',
} as const;

export interface DerivedKpi {
  /** The `kpi` label: a split KPI is labelled with the KPI it splits, and `aiInvolved`. */
  id: string;
  unit: string;
  value: number;
  aiInvolved?: boolean;
}

/** The derived KPIs of `aeef_kpi` with their values (gate metrics are in `aeef_gate_metric`). */
export function derivedKpis(report: KpiReport): DerivedKpi[] {
  const out: DerivedKpi[] = [];
  for (const kpi of report.kpis) {
    if (!kpi.id.startsWith('gates.') && !kpi.id.startsWith('github.')) continue;
    const value = kpi.p50 ?? kpi.value;
    if (value === null || value === undefined) continue;
    // A split GitHub KPI says its side; this run's own KPIs (`gates.*`) carry the run's provenance.
    const aiInvolved = kpi.id.startsWith('gates.') ? report.provenance?.aiInvolved : kpi.aiInvolved;
    out.push({
      id: kpi.splitOf ?? kpi.id,
      unit: kpi.unit,
      value,
      ...(aiInvolved !== undefined && { aiInvolved }),
    });
  }
  return out;
}

/**
 * The labels that say which gate figure this is: `gate`, `name` for a named instance
 * (`coverage:web` gives `gate="coverage",name="web"`), `ai_involved` when the provenance is known.
 */
export function gateLabels(
  report: Pick<KpiReport, 'provenance'>,
  gate: Pick<GateEntry, 'gate' | 'name'>,
): { gate: string } & Record<string, string> {
  const set: { gate: string } & Record<string, string> = { gate: gate.gate };
  if (gate.name !== undefined) set.name = gate.name;
  if (report.provenance) set.ai_involved = String(report.provenance.aiInvolved);
  return set;
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
    const { gate: id, ...rest } = gateLabels(report, gate);
    for (const v of VERDICTS) {
      lines.push(
        `aeef_gate_verdict${labels({ gate: id, verdict: v, ...rest })} ${gate.verdict === v ? 1 : 0}`,
      );
    }
  }

  family('aeef_gate_metric', 'gauge');
  for (const gate of report.gates) {
    const { gate: id, ...rest } = gateLabels(report, gate);
    for (const metric of gate.metrics) {
      if (metric.value === null) continue;
      lines.push(
        `aeef_gate_metric${labels({ gate: id, metric: metric.id, unit: metric.unit, ...rest })} ${num(metric.value)}`,
      );
    }
  }

  family('aeef_kpi', 'gauge');
  for (const kpi of derivedKpis(report)) {
    const ai = kpi.aiInvolved === undefined ? undefined : String(kpi.aiInvolved);
    lines.push(`aeef_kpi${labels({ kpi: kpi.id, unit: kpi.unit, ai_involved: ai })} ${num(kpi.value)}`);
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

/** `{a="x",b="y"}` in the given order (the existing series keep their label order). */
function labels(set: Record<string, string | undefined>): string {
  return `{${Object.entries(set)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => `${k}="${label(v)}"`)
    .join(',')}}`;
}

/** Escapes a label value per the OpenMetrics ABNF: backslash, double quote and newline. */
function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function num(value: number): string {
  return Number.isFinite(value) ? String(value) : 'NaN';
}
