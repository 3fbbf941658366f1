/** Typed factories for tests: defaults plus overrides (stryker's factoryMethod pattern). */
import { RESULT_SCHEMA, type GateResult, type Metric } from '@aeef/gate-result';

export function factory<T>(defaults: () => T): (overrides?: Partial<T>) => T {
  return (overrides = {}) => ({ ...defaults(), ...overrides });
}

export const metricFactory = factory<Metric>(() => ({
  id: 'lines',
  label: 'Line coverage',
  value: 91.3,
  unit: 'percent',
  threshold: { op: '>=', value: 80 },
  verdict: 'pass',
}));

export const gateResultFactory = factory<GateResult>(() => ({
  schema: RESULT_SCHEMA,
  gate: 'coverage',
  verdict: 'pass',
  summary: 'Line coverage 91.30% meets 80%.',
  metrics: [metricFactory()],
  findings: [],
  details: [],
  outputs: {},
  config: {},
  inputs: ['coverage/lcov.info'],
  durationMs: 12,
}));
