/**
 * The base branch's figures for free: the latest record of the base branch in the KPI history
 * branch, for a gate's `max-drop` when no `baseline-files` are given. Read with the history code
 * (git plumbing, the branch must carry the export's marker, records in append order), never by a
 * checkout.
 */
import type { EventContext, GateIO } from '@aeef/gate-result';
import { readHistory } from './history-git.js';
import type { KpiReport } from './kpi-report.js';

export interface BaseRecord {
  /** The branch whose record it is (`main`). */
  branch: string;
  record: KpiReport;
}

export type BaseLookup = { found: true; base: BaseRecord } | { found: false; reason: string };

const branchName = (ref: string): string => ref.replace(/^refs\/heads\//, '');

/** The branch a run compares against: a PR's or merge queue's base, else the pushed branch. */
export function baseBranchOf(event: Pick<EventContext, 'payload' | 'refName'>): string | undefined {
  const payload = event.payload as {
    pull_request?: { base?: { ref?: unknown } };
    merge_group?: { base_ref?: unknown };
    ref?: unknown;
  };
  for (const ref of [payload.pull_request?.base?.ref, payload.merge_group?.base_ref, payload.ref]) {
    if (typeof ref === 'string' && ref !== '') return branchName(ref);
  }
  return event.refName;
}

/** The latest record (append order) of `branch` for another commit than `commit`. Pure. */
export function latestRecordOf(
  records: readonly KpiReport[],
  branch: string,
  commit: string | undefined,
): KpiReport | undefined {
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i];
    if (record === undefined || record.ref === null) continue;
    if (branchName(record.ref) === branch && record.commit !== commit) return record;
  }
  return undefined;
}

/**
 * Looks the base branch's latest record up in `historyBranch` of `origin`. Throws ConfigError when
 * the branch exists but the KPI export did not create it (the history code refuses it).
 */
export async function readBaseRecord(
  git: GateIO['git'],
  historyBranch: string,
  event: Pick<EventContext, 'payload' | 'refName' | 'headSha'>,
): Promise<BaseLookup> {
  const branch = baseBranchOf(event);
  if (branch === undefined)
    return { found: false, reason: 'this event names no base branch to compare with' };
  const state = await readHistory(git, historyBranch);
  if (state.parent === null)
    return { found: false, reason: `the KPI history branch \`${historyBranch}\` does not exist` };
  const record = latestRecordOf(state.history.records, branch, event.headSha);
  if (record === undefined)
    return {
      found: false,
      reason: `the KPI history branch \`${historyBranch}\` holds no record of \`${branch}\` yet`,
    };
  return { found: true, base: { branch, record } };
}

/** The value a record holds for a KPI id (`coverage.lines`, `coverage-web.lines`). */
export function recordValue(record: KpiReport, id: string): number | null | undefined {
  const kpi = record.kpis.find((k) => k.id === id);
  return kpi === undefined ? undefined : (kpi.p50 ?? kpi.value);
}
