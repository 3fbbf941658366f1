/** Number formatting shared by the renderers: floored like the outputs, so no view rounds up. */
import { KNOWN_GATES } from '../known-gates.js';
import { floor2, type Metric, type MetricUnit, type Threshold } from '../result.js';

const UNIT_SUFFIX: Record<MetricUnit, string> = {
  percent: '%',
  count: '',
  lines: ' lines',
  files: ' files',
  seconds: ' s',
  hours: ' h',
  ratio: '',
};

/** `78.12%`, `412 lines`, `n/a` for a value that could not be measured. */
export function formatValue(value: number | null, unit: MetricUnit): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  return `${floor2(value)}${UNIT_SUFFIX[unit]}`;
}

/** `≥ 80%`, `≤ 400 lines`, or an em dash when the metric is informational. */
export function formatThreshold(threshold: Threshold | undefined, unit: MetricUnit): string {
  if (threshold === undefined) return '—';
  return `${threshold.op === '>=' ? '≥' : '≤'} ${formatValue(threshold.value, unit)}`;
}

export function formatMetric(metric: Metric): { value: string; threshold: string } {
  return {
    value: formatValue(metric.value, metric.unit),
    threshold: formatThreshold(metric.threshold, metric.unit),
  };
}

/** Human titles of the suite's gates (their `Gate.title`, via the registry); a renderer option can override them. */
export const GATE_TITLES: Readonly<Record<string, string>> = Object.fromEntries(
  KNOWN_GATES.map((g) => [g.id, g.title]),
);

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
