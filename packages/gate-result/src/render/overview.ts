/**
 * The overview every view starts with: one row per gate with its verdict and the one figure that
 * decided it against its bar (`patch 83.33% < 90%`), so the failing gate is on the first screen.
 */
import type { GateResult, Metric, Verdict } from '../result.js';
import { isFailing } from '../result.js';
import { formatValue } from './format.js';

/** The metric a reader should see first: the first failing, else warning, else the first with a bar. */
export function decidingMetric(result: GateResult): Metric | undefined {
  for (const verdict of ['fail', 'warn'] as const) {
    const found = result.metrics.find((m) => m.verdict === verdict);
    if (found !== undefined) return found;
  }
  return result.metrics.find((m) => m.threshold !== undefined);
}

/**
 * `patch 83.33% < 90%` (missed), `lines 91% ≥ 80%` (met), `n/a` values included; '' without a bar.
 * A change against the base branch's figure shows both figures and the bound of the change:
 * `lines 81.2% (base 82%, max-drop 0.5)`, and a met bar of a metric so compared gets `(base 82%)`.
 */
export function decidingFigure(result: GateResult): string {
  const metric = decidingMetric(result);
  if (metric?.threshold === undefined) return '';
  const missed = metric.verdict === 'fail' || metric.verdict === 'warn';
  const { op, value } = metric.threshold;
  if (metric.base !== undefined) {
    const compared = result.metrics.find((m) => m.id === metric.base?.metric);
    const unit = compared?.unit ?? metric.unit;
    return `${metric.base.metric} ${formatValue(compared?.value ?? null, unit)} (base ${formatValue(metric.base.value, unit)}, ${metric.base.setting} ${formatValue(value, 'count')})`;
  }
  const sign = op === '>=' ? (missed ? '<' : '≥') : missed ? '>' : '≤';
  const base = result.metrics.find((m) => m.base?.metric === metric.id)?.base;
  const against = base === undefined ? '' : ` (base ${formatValue(base.value, metric.unit)})`;
  return `${metric.id} ${formatValue(metric.value, metric.unit)} ${sign} ${formatValue(value, metric.unit)}${against}`;
}

/** True when the gate's verdict does not set the exit code (`enforce: false`). */
export function isAdvisory(result: GateResult): boolean {
  return result.enforced === false;
}

/** `failed`, or `advisory: would fail` when the gate is not enforced. */
export function verdictText(result: GateResult, labels: Record<Verdict, string>): string {
  if (isAdvisory(result) && isFailing(result.verdict)) {
    return result.verdict === 'error' ? 'advisory: could not decide' : 'advisory: would fail';
  }
  return labels[result.verdict];
}

/** The anchor id of a gate's section: its instance key, kebab-case, so always a safe attribute. */
export function sectionAnchor(result: GateResult): string {
  return `gate-${instanceKey(result)}`;
}

/** `coverage`, or `coverage-web` for the instance named `web`. */
export function instanceKey(result: Pick<GateResult, 'gate' | 'name'>): string {
  return result.name === undefined ? result.gate : `${result.gate}-${result.name}`;
}
