/**
 * CSV of every KPI, RFC 4180 quoting, safe against formula injection: a text cell that a
 * spreadsheet would evaluate (leading =, +, -, @, tab or CR) is prefixed with an apostrophe.
 */
import type { KpiReport } from '../kpi-report.js';

const HEADER = ['kpi', 'label', 'value', 'unit', 'direction', 'samples', 'p50', 'p90', 'commit'] as const;

export function renderCsv(report: KpiReport): string {
  const rows: string[][] = [[...HEADER]];
  for (const kpi of report.kpis) {
    rows.push([
      text(kpi.id),
      text(kpi.label),
      number(kpi.value),
      text(kpi.unit),
      text(kpi.direction),
      number(kpi.samples),
      number(kpi.p50),
      number(kpi.p90),
      text(report.commit ?? ''),
    ]);
  }
  return rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** Neutralises formulas in text cells (OWASP CSV injection guidance). */
export function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function number(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : String(value);
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
