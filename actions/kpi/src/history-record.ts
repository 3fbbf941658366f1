/**
 * One history record per run, appended as a line of NDJSON to a data branch, sharded by month so
 * no file grows without bound and pushes touch one small file. Each line carries `seq`, its
 * append position: records are ordered by it, never by their timestamp, which comes from a commit
 * date the author controls (a commit dated 9999 must not stay "the last record" forever).
 */
import type { KpiReport } from './kpi-report.js';
import { kpiReportSchema } from './kpi-schema.js';

export const HISTORY_DIR = 'history';

/** `history/2026-11.ndjson`; a report without a timestamp goes to `history/undated.ndjson`. */
export function shardPath(report: Pick<KpiReport, 'timestamp'>): string {
  const month = report.timestamp?.slice(0, 7);
  return `${HISTORY_DIR}/${month !== undefined && /^\d{4}-\d{2}$/.test(month) ? month : 'undated'}.ndjson`;
}

/** The line appended for a run; `seq` is its position in the history (see `ParsedHistory.nextSeq`). */
export function recordLine(report: KpiReport, seq: number): string {
  return `${JSON.stringify({ seq, ...report })}\n`;
}

export interface ParsedHistory {
  /** In append order: records written before `seq` existed first (by timestamp), then by `seq`. */
  records: KpiReport[];
  /** Lines that failed to parse (a hand-edited branch): counted and reported, not fatal. */
  skipped: number;
  /** The `seq` of the next record appended. */
  nextSeq: number;
}

/** Parses the shards' text; the order of shards and of lines within them does not matter. */
export function parseHistory(shards: readonly string[]): ParsedHistory {
  const legacy: KpiReport[] = [];
  const sequenced: { seq: number; record: KpiReport }[] = [];
  let skipped = 0;
  for (const text of shards) {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const json = JSON.parse(line) as unknown;
        const parsed = kpiReportSchema.safeParse(json);
        if (!parsed.success) {
          skipped++;
          continue;
        }
        const seq = (json as { seq?: unknown }).seq;
        if (seq === undefined) legacy.push(parsed.data);
        else if (Number.isSafeInteger(seq) && (seq as number) >= 0)
          sequenced.push({ seq: seq as number, record: parsed.data });
        else skipped++;
      } catch {
        skipped++;
      }
    }
  }
  // Older records have no position: their timestamps are all there is (the defect this replaces).
  legacy.sort((a, b) => timeOf(a) - timeOf(b));
  sequenced.sort((a, b) => a.seq - b.seq);
  let last = legacy.length - 1;
  for (const s of sequenced) last = Math.max(last, s.seq);
  return {
    records: [...legacy, ...sequenced.map((s) => s.record)],
    skipped,
    nextSeq: last + 1,
  };
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
