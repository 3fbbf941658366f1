/** Builds the KPI report from collected gate results, the event and (optionally) GitHub KPIs. */
import { instanceKey, type EventContext } from '@aeef/gate-result';
import type { Collected } from './collect.js';
import { directionOf, KPI_SCHEMA, type Kpi, type KpiReport } from './kpi-report.js';

export function buildKpiReport(
  collected: Collected,
  event: EventContext,
  extraKpis: readonly Kpi[] = [],
): KpiReport {
  const kpis: Kpi[] = [];
  const passed = collected.gates.filter((g) => g.verdict === 'pass' || g.verdict === 'warn').length;
  kpis.push({
    id: 'gates.pass-rate',
    label: 'Gate pass rate',
    // Errors count as not passed: a gate that could not decide did not pass.
    value: collected.gates.length === 0 ? null : (passed / collected.gates.length) * 100,
    unit: 'percent',
    direction: 'higher-is-better',
    samples: collected.gates.length,
  });
  for (const entry of collected.gates) {
    for (const metric of entry.metrics) {
      kpis.push({
        // `coverage.lines`, or `coverage-web.lines` for the instance named `web`: ids stay unique.
        id: `${instanceKey(entry)}.${metric.id}`,
        label: metric.label,
        value: metric.value,
        unit: metric.unit,
        direction: directionOf(entry.gate, metric),
      });
    }
  }
  kpis.push(...extraKpis);
  return {
    schema: KPI_SCHEMA,
    repository: event.repository ? `${event.repository.owner}/${event.repository.repo}` : null,
    ref: stringAt(event.payload, ['pull_request', 'head', 'ref']) ?? stringAt(event.payload, ['ref']) ?? null,
    commit: event.headSha ?? null,
    event: event.name,
    pullNumber: event.pullNumber ?? null,
    timestamp: eventTimestamp(event.payload),
    gates: collected.gates,
    kpis,
    conflicts: collected.conflicts,
    ...(collected.provenance && { provenance: collected.provenance }),
  };
}

/** The time the event describes (not the wall clock), so a re-run exports the same record. */
function eventTimestamp(payload: Record<string, unknown>): string | null {
  const candidates = [
    stringAt(payload, ['pull_request', 'updated_at']),
    stringAt(payload, ['head_commit', 'timestamp']),
    stringAt(payload, ['merge_group', 'head_commit', 'timestamp']),
  ];
  for (const c of candidates)
    if (c !== undefined && !Number.isNaN(Date.parse(c))) return new Date(c).toISOString();
  return null;
}

function stringAt(value: unknown, path: readonly string[]): string | undefined {
  let cur: unknown = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return typeof cur === 'string' ? cur : undefined;
}
