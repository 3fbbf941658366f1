/** Building results: every field present, so gates and the runtime cannot forget one. */
import { ConfigError, getErrorMessage } from './errors.js';
import { RESULT_SCHEMA, type GateId, type GateResult, type Verdict } from './result.js';

/** A complete GateResult from the fields a gate cares about; the rest start empty. */
export function createResult(
  gate: GateId,
  fields: Pick<GateResult, 'verdict' | 'summary'> & Partial<GateResult>,
): GateResult {
  return {
    schema: RESULT_SCHEMA,
    metrics: [],
    findings: [],
    details: [],
    outputs: {},
    config: {},
    inputs: [],
    durationMs: 0,
    ...fields,
    gate,
  };
}

/** An `error` result: the gate could not decide. `message` is one sentence for the reader. */
export function errorResult(gate: GateId, message: string, fields: Partial<GateResult> = {}): GateResult {
  return createResult(gate, { ...fields, verdict: 'error', summary: message });
}

const MAX_INTERNAL_MESSAGE = 300;

/**
 * The sentence for a thrown value: a `ConfigError` speaks for itself (the user can fix it); anything
 * else is our bug, said so, with the message clipped (an exception may quote report text).
 */
export function describeFailure(gate: GateId, error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  let message = getErrorMessage(error).replace(/\s+/g, ' ').trim();
  if (message.length > MAX_INTERNAL_MESSAGE) message = `${message.slice(0, MAX_INTERNAL_MESSAGE)}...`;
  return `Internal error in the ${gate} gate: ${message.replace(/\.$/, '')}. Please report it.`;
}

/** Verdict labels as people read them. */
export const VERDICT_LABEL: Record<Verdict, string> = {
  pass: 'passed',
  warn: 'passed with warnings',
  fail: 'failed',
  error: 'could not decide',
};

/** The emoji shown beside a verdict (text fallbacks are in the terminal renderer). */
export const VERDICT_EMOJI: Record<Verdict, string> = {
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  error: '⛔',
};
