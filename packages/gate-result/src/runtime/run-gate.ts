/**
 * Runs one gate and always returns a result: every exception becomes an `error` verdict, so no path
 * from a `catch` can pass (RELIABILITY 5.1). The user's `if-missing` applies to a missing report
 * only; a report that exists but cannot be used is always an error.
 */
import { ConfigError, InputError, InternalError, MissingReportError } from '../errors.js';
import type { AnyGate, GateIO, Inputs, InputSpec } from '../gate.js';
import { getBoolean, getEnum } from '../inputs.js';
import { COMMON_INPUTS, findMisspelledInputs, withDefaults } from '../input-specs.js';
import { createResult, describeFailure, errorResult } from '../result-builder.js';
import type { GateResult, Verdict } from '../result.js';
import { refuseUntrustedCheckout } from './checkout-guard.js';

export interface ExecuteOptions {
  /** Names of the inputs actually given (`INPUT_*`); near misses of known names are errors. */
  inputNames?: Iterable<string>;
  /** Input names known beyond the gate's and the common ones (e.g. the umbrella's `gates`). */
  extraInputs?: readonly InputSpec[];
}

const VERDICTS: readonly Verdict[] = ['pass', 'warn', 'fail', 'error'];
const SECRET_KEY = /token|secret|password|credential/i;

function checkTypos(names: Iterable<string>, known: readonly InputSpec[]): void {
  const [first] = findMisspelledInputs(names, known);
  if (first !== undefined) {
    throw new InputError(
      first.given,
      `Unknown input \`${first.given}\`: did you mean \`${first.suggestion}\`? (A misspelt input would silently leave the default in force.)`,
    );
  }
}

/** Drops secret-looking settings from the recorded config: the result file is an artifact. */
function scrubConfig(config: Record<string, unknown>, secrets: readonly string[]): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (SECRET_KEY.test(key)) continue;
    if (typeof value === 'string' && secrets.some((s) => s !== '' && value.includes(s))) continue;
    clean[key] = value;
  }
  return clean;
}

function applyIfMissing(gate: AnyGate, policy: string | undefined, error: MissingReportError): GateResult {
  if (policy === 'warn') {
    return createResult(gate.id, {
      verdict: 'warn',
      summary: `${error.message} The gate did not decide; this is only a warning because \`if-missing\` is \`warn\`.`,
    });
  }
  if (policy === 'skip') {
    return createResult(gate.id, {
      verdict: 'pass',
      summary: `Skipped on request (\`if-missing: skip\`): ${error.message}`,
    });
  }
  return errorResult(gate.id, error.message);
}

/**
 * `allow-unsafe` as the step gave it. Only a step input (or a CLI flag) counts: on
 * pull_request_target the config file comes from the very checkout it would let through.
 */
function allowsUnsafe(inputs: Inputs): boolean {
  const given = inputs.get('allow-unsafe');
  if (given === undefined || (given.source !== 'input' && given.source !== 'cli')) return false;
  return getBoolean(inputs, 'allow-unsafe') ?? false;
}

/**
 * Applies defaults, the typo check and the pull_request_target guard, runs the gate, and turns any
 * failure into a result.
 */
export async function executeGate(
  gate: AnyGate,
  rawInputs: Inputs,
  io: GateIO,
  options: ExecuteOptions = {},
): Promise<GateResult> {
  const started = io.now();
  const specs = [...COMMON_INPUTS, ...gate.inputs];
  const inputs = withDefaults(rawInputs, specs);
  const secrets = gate.inputs
    .filter((s) => s.kind === 'secret')
    .map((s) => rawInputs.get(s.name)?.value ?? '');
  let ifMissing: string | undefined;
  let result: GateResult;
  try {
    if (options.inputNames !== undefined)
      checkTypos(options.inputNames, [...specs, ...(options.extraInputs ?? [])]);
    ifMissing = getEnum(inputs, 'if-missing', ['fail', 'warn', 'skip']);
    // Before the gate reads anything: its config may name files of the untrusted checkout.
    await refuseUntrustedCheckout(io, gate.id, allowsUnsafe(rawInputs));
    const config: unknown = gate.config(inputs);
    result = await gate.run(config, io);
    if (result.gate !== gate.id || !VERDICTS.includes(result.verdict)) {
      throw new InternalError(
        `the gate returned a malformed result (gate \`${String(result.gate)}\`, verdict \`${String(result.verdict)}\`)`,
      );
    }
  } catch (error) {
    if (error instanceof MissingReportError) result = applyIfMissing(gate, ifMissing, error);
    else {
      if (!(error instanceof ConfigError) && error instanceof Error && error.stack !== undefined) {
        io.log.debug(error.stack);
      }
      result = errorResult(gate.id, describeFailure(gate.id, error));
    }
  }
  return {
    ...result,
    config: scrubConfig(result.config, secrets),
    durationMs: Math.max(0, Math.round(io.now() - started)),
  };
}
