/**
 * Step outputs: typed scalars only. Every metric by id (floored to 2 decimals, never rounded up, so
 * an output cannot claim 80.00 for 79.996; empty when not measurable), `verdict`, `summary`,
 * `result-file`, `enforced`, `name` (of a named instance), and the gate's extra outputs. A value with a line break is refused: it could
 * forge other outputs in GITHUB_OUTPUT (RELIABILITY E10).
 */
import { ConfigError } from './errors.js';
import { floor2, type GateResult, type Metric } from './result.js';

/** A metric value as an output string: floor to 2 decimals, no exponent, `''` for null. */
export function formatMetricOutput(value: Metric['value']): string {
  if (value === null || !Number.isFinite(value)) return '';
  const floored = floor2(value);
  return Number.isInteger(floored) ? String(floored) : floored.toFixed(2).replace(/0$/, '');
}

/** The outputs of one result, in a stable order. Throws when a value is not a single line. */
export function resultOutputs(result: GateResult, resultFile: string): Record<string, string> {
  const outputs: Record<string, string> = {
    verdict: result.verdict,
    summary: result.summary.replace(/\s*[\r\n]+\s*/g, ' '),
    'result-file': resultFile,
    // `false` under `enforce: false`: `verdict` stays the real one, the step does not fail on it.
    enforced: String(result.enforced !== false),
  };
  if (result.name !== undefined) outputs.name = result.name;
  for (const metric of result.metrics) outputs[metric.id] = formatMetricOutput(metric.value);
  for (const [name, value] of Object.entries(result.outputs)) outputs[name] = value;
  for (const [name, value] of Object.entries(outputs)) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
      throw new ConfigError(`The ${result.gate} gate produced an output with an invalid name.`);
    }
    if (/[\r\n]/.test(value) || value.includes('ghadelimiter_')) {
      throw new ConfigError(
        `The ${result.gate} gate produced the output \`${name}\` with a line break; outputs must be one line.`,
      );
    }
  }
  return outputs;
}
