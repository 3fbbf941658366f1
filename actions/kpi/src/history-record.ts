/**
 * One history record per run, appended as a line of NDJSON to a data branch, sharded by month so
 * no file grows without bound and pushes touch one small file.
 */
import type { KpiReport } from './kpi-report.js';
import { kpiReportSchema } from './kpi-schema.js';

export const HISTORY_DIR = 'history';

/** `history/2026-11.ndjson`; a report without a timestamp goes to `history/undated.ndjson`. */
export function shardPath(report: Pick<KpiReport, 'timestamp'>): string {
  const month = report.timestamp?.slice(0, 7);
  return `${HISTORY_DIR}/${month !== undefined && /^\d{4}-\d{2}$/.test(month) ? month : 'undated'}.ndjson`;
}

export function recordLine(report: KpiReport): string {
  return `${JSON.stringify(report)}\n`;
}

export interface ParsedHistory {
  records: KpiReport[];
  /** Lines that failed to parse (a hand-edited branch): counted and reported, not fatal. */
  skipped: number;
}

/** Parses the shards' text in order; records are sorted by timestamp, undated ones last. */
export function parseHistory(shards: readonly string[]): ParsedHistory {
  const records: KpiReport[] = [];
  let skipped = 0;
  for (const text of shards) {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const parsed = kpiReportSchema.safeParse(JSON.parse(line));
        if (parsed.success) records.push(parsed.data);
        else skipped++;
      } catch {
        skipped++;
      }
    }
  }
  records.sort((a, b) => timeOf(a) - timeOf(b));
  return { records, skipped };
}

function timeOf(report: KpiReport): number {
  return report.timestamp === null ? Number.MAX_SAFE_INTEGER : Date.parse(report.timestamp);
}

/** The last record of the default branch's history before this run, for "change since last". */
export function lastComparable(records: readonly KpiReport[], current: KpiReport): KpiReport | undefined {
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i];
    if (record !== undefined && record.commit !== current.commit) return record;
  }
  return undefined;
}
