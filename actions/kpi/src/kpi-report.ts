/**
 * The KPI report (`aeef.kpi/v1`): what kpi.json holds, what the other exports are rendered from and
 * what one history record stores. Published as schema/kpi-v1.schema.json.
 */
import type { GateId, Metric, MetricUnit, Verdict } from '@aeef/gate-result';

export const KPI_SCHEMA = 'aeef.kpi/v1' as const;

/** Which way is good; regression bars and the benchmark export need it. */
export type Direction = 'higher-is-better' | 'lower-is-better' | 'none';

export interface Kpi {
  /** `<gate>.<metric>` for gate metrics, `gates.pass-rate`, `github.<name>` for API KPIs. */
  id: string;
  label: string;
  /** null when not measurable in this run (e.g. patch coverage without a diff). */
  value: number | null;
  unit: MetricUnit;
  direction: Direction;
  /** For distributions (GitHub KPIs): sample count and percentiles. */
  samples?: number;
  p50?: number | null;
  p90?: number | null;
  /**
   * For a KPI split by provenance (`github.ai.cycle-time`): the KPI it splits (`github.cycle-time`)
   * and which side it is; Prometheus gets `kpi="github.cycle-time",ai_involved="true"`.
   */
  splitOf?: string;
  aiInvolved?: boolean;
}

export interface GateEntry {
  gate: GateId;
  /** The instance name (`web` of `coverage:web`); absent for the unnamed instance. */
  name?: string;
  verdict: Verdict;
  summary: string;
  /** The result file(s) this entry came from, as given (workspace-relative when possible). */
  sources: string[];
  metrics: Metric[];
}

export interface Conflict {
  gate: GateId;
  name?: string;
  sources: string[];
  /** One sentence: what differed. */
  reason: string;
}

export interface KpiReport {
  schema: typeof KPI_SCHEMA;
  repository: string | null;
  ref: string | null;
  commit: string | null;
  event: string;
  pullNumber: number | null;
  /** From the event payload (head commit or PR update time), never the wall clock: reruns are identical. */
  timestamp: string | null;
  gates: GateEntry[];
  kpis: Kpi[];
  conflicts: Conflict[];
  /**
   * The provenance of the change this run built, from the provenance gate's result (`ai-assisted`);
   * absent when that gate did not run. Gate figures are labelled with it.
   */
  provenance?: { aiInvolved: boolean };
}

/** Known directions by `<gate>.<metric>`; otherwise percent means higher-is-better and counts lower. */
const DIRECTIONS: Record<string, Direction> = {
  'mutation.killed': 'higher-is-better',
  'mutation.timeout': 'higher-is-better',
  'mutation.valid': 'none',
  'mutation.total': 'none',
  'mutation.ignored': 'none',
  'license.packages': 'none',
  'license.exceptions-used': 'lower-is-better',
  'sarif.suppressed': 'none',
  'pr-size.additions': 'lower-is-better',
  'pr-size.deletions': 'lower-is-better',
};

/** The direction of a gate metric: the table, then its threshold, then its unit. */
export function directionOf(gate: string, metric: Pick<Metric, 'id' | 'unit' | 'threshold'>): Direction {
  const known = DIRECTIONS[`${gate}.${metric.id}`];
  if (known !== undefined) return known;
  if (metric.threshold) return metric.threshold.op === '>=' ? 'higher-is-better' : 'lower-is-better';
  if (metric.unit === 'percent' || metric.unit === 'ratio') return 'higher-is-better';
  return 'lower-is-better';
}
