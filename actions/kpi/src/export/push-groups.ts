/**
 * What one run pushes, as Pushgateway groups: one per gate instance (and one for the export's own
 * derived KPIs), each holding the OpenMetrics the export already writes, restricted to that gate.
 * The grouping key names the repository, branch, workflow and instance, so no two repositories,
 * branches or gates share a group, and a re-run's PUT replaces only its own figures.
 *
 * Cardinality: the key and the labels carry names people choose (repository, branch, workflow,
 * gate, metric ids), never a commit SHA, a run id, a PR number or a file name.
 */
import { ConfigError, instanceKey, type EventContext } from '@aeef/gate-result';
import type { GateEntry, KpiReport } from '../kpi-report.js';
import { renderOpenMetrics } from './openmetrics.js';

export const PUSH_JOB = 'aeef-gates';

export interface GroupingKey {
  job: typeof PUSH_JOB;
  repository: string;
  branch: string;
  workflow: string;
  instance: string;
}

export interface PushGroup {
  key: GroupingKey;
  /** Prometheus text exposition (0.0.4-compatible OpenMetrics) for this group. */
  body: string;
}

/** The labels every group of this run shares; throws (an export error) when one is unknown. */
export function runLabels(report: KpiReport, event: EventContext): Omit<GroupingKey, 'job' | 'instance'> {
  const branch = event.refName ?? branchOf(report.ref);
  const missing = [
    report.repository === null ? 'the repository (GITHUB_REPOSITORY)' : undefined,
    branch === undefined ? 'the branch (GITHUB_REF_NAME)' : undefined,
    event.workflow === undefined ? 'the workflow (GITHUB_WORKFLOW)' : undefined,
  ].filter((m) => m !== undefined);
  if (report.repository === null || branch === undefined || event.workflow === undefined) {
    // Pushing under a partial key could overwrite another repository's or branch's group.
    throw new ConfigError(`the grouping key needs ${missing.join(', ')}, which this run does not name`);
  }
  return { repository: report.repository, branch, workflow: event.workflow };
}

/**
 * The `instance` of a gate's figures: its instance key, the name its result file has: the gate id
 * (`coverage`) for the unnamed instance, `coverage-web` for `coverage:web`. Unique per gate
 * instance of a run, so each instance is its own group and `coverage:web` and `mutation:web` never
 * share one. The derived KPIs use `kpi`, which no gate instance can be (the KPI gate's own result
 * is never exported).
 */
export function instanceOf(entry: Pick<GateEntry, 'gate' | 'name'>): string {
  return instanceKey(entry);
}

/** One group per gate instance, then the KPI export's own (pass rate, GitHub KPIs) under instance `kpi`. */
export function pushGroups(report: KpiReport, labels: Omit<GroupingKey, 'job' | 'instance'>): PushGroup[] {
  const key = (instance: string): GroupingKey => ({ job: PUSH_JOB, ...labels, instance });
  const groups = report.gates.map((entry) => ({
    key: key(instanceOf(entry)),
    body: renderOpenMetrics({ ...report, gates: [entry], kpis: [] }),
  }));
  groups.push({ key: key('kpi'), body: renderOpenMetrics({ ...report, gates: [] }) });
  return groups;
}

/**
 * The group's path under the gateway (`/metrics/job/aeef-gates/repository@base64/…`). Every value
 * but the job is base64url-encoded, the Pushgateway's documented form for values holding `/`
 * (`owner/repo`, `feature/x`) or any other character a path segment cannot carry.
 */
export function groupPath(key: GroupingKey): string {
  const parts = [`/metrics/job/${key.job}`];
  for (const name of ['repository', 'branch', 'workflow', 'instance'] as const) {
    parts.push(`${name}@base64/${base64url(key[name])}`);
  }
  return parts.join('/');
}

/** The URL of a group: the gateway's base URL (a path prefix is kept) joined with its path. */
export function groupUrl(base: URL, key: GroupingKey): URL {
  const url = new URL(base.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${groupPath(key)}`;
  return url;
}

function base64url(value: string): string {
  // The Pushgateway reads `=` as the empty value; padding is optional for it, so none is sent.
  return Buffer.from(value, 'utf8').toString('base64url') || '=';
}

function branchOf(ref: string | null): string | undefined {
  if (ref === null || ref === '') return undefined;
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref;
}
