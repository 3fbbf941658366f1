import { assertValidKpiReport } from '../kpi-schema.js';
import type { KpiReport } from '../kpi-report.js';

/** kpi.json: the report itself, validated against the published schema before it is written. */
export function renderKpiJson(report: KpiReport): string {
  assertValidKpiReport(report);
  return `${JSON.stringify(report, null, 2)}\n`;
}
