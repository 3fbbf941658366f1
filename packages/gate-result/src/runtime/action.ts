/**
 * The action entry points. `runGateAction` is all an action's main.ts calls; `runGatesAction`
 * serves the umbrella action (several gates in one process, one summary, one exit code).
 */
import * as core from '@actions/core';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG_FILE, configFileInputs, type ConfigFile } from '../config-file.js';
import { ConfigError, getErrorMessage } from '../errors.js';
import type { AnyGate, GateInfo, Inputs, InputSpec } from '../gate.js';
import { getList } from '../inputs.js';
import { COMMON_INPUTS, inputsFromRecord, layerInputs } from '../input-specs.js';
import { errorResult } from '../result-builder.js';
import type { GateResult, Verdict } from '../result.js';
import { withPolicy } from '../policy/diff.js';
import { POLICY_SOURCE_INPUT } from './policy-source.js';
import { publishResults } from './publish.js';
import { writeResultFile } from './result-file.js';
import { executeGate } from './run-gate.js';
import { buildRunnerContext } from './runner-context.js';

/** Inputs the runtime itself reads, known to the typo check of every action. */
export const RUNTIME_INPUTS: readonly InputSpec[] = [
  {
    name: 'github-token',
    kind: 'secret',
    description: 'Token for the GitHub API. Default: the workflow token.',
  },
  {
    name: 'config-file',
    kind: 'string',
    description: 'Path of the config file. Default: `.github/aeef-gates.yml`.',
  },
  POLICY_SOURCE_INPUT,
  {
    name: 'allow-unsafe',
    kind: 'boolean',
    description:
      "On pull_request_target, run even when the workspace holds the PR's own code (its head or merge commit, a `pull/<n>` ref or its head branch): untrusted files read with a privileged token. A step input only, never the config file. Default: false.",
  },
];

/** Which gates to run. `inputs` are the action's, with the config file's `gates:` under an unset `gates`. */
export type GateSelector = (inputs: Inputs, config: ConfigFile | undefined) => readonly string[];

/** The umbrella's rule: the `gates` input, else `gates:` in the config file, else an error. */
export const selectConfiguredGates: GateSelector = (inputs) => {
  const listed = getList(inputs, 'gates');
  if (listed.length > 0) return listed;
  throw new ConfigError('No gate selected: set the `gates` input or `gates:` in `.github/aeef-gates.yml`.');
};

export interface RunGatesOptions {
  /** Input specs of the calling action beyond the gates' own and the runtime's (e.g. `gates`). */
  extraInputs?: readonly InputSpec[];
  /** Which gates to run; default all given. */
  select?: GateSelector;
  /** Heading of the combined summary. */
  heading?: string;
  /**
   * Every gate of the suite (the registry), whose config sections are known though this action
   * may not run them. Default: the registry's ids as data (known-gates.ts).
   */
  suite?: readonly GateInfo[];
}

async function runSelected(
  gates: readonly AnyGate[],
  options: RunGatesOptions,
  combined: boolean,
  written: Map<GateResult, string>,
): Promise<GateResult[]> {
  const context = await buildRunnerContext(gates, process.env, options.suite);
  // The config file's `gates:` list stands in for an unset `gates` input.
  const selection = layerInputs(
    context.inputs,
    inputsFromRecord({ gates: context.config?.gates?.join('\n') }, 'config-file'),
  );
  const wanted = options.select?.(selection, context.config) ?? gates.map((g) => g.id);
  const unknown = wanted.filter((id) => !gates.some((g) => g.id === id));
  if (unknown.length > 0) {
    throw new ConfigError(
      `Unknown gate \`${unknown.join('`, `')}\`; this action runs ${gates.map((g) => g.id).join(', ')}.`,
    );
  }
  const extra = [...RUNTIME_INPUTS, ...(options.extraInputs ?? [])];
  if (combined) refuseGateInputs(context.inputNames, [...extra, ...COMMON_INPUTS], gates, context.config);
  // Gate inputs stay known to the typo check, so a near miss of one (`min-line`) is still caught.
  const known = combined ? [...extra, ...gates.flatMap((g) => g.inputs)] : extra;
  const results: GateResult[] = [];
  for (const gate of gates.filter((g) => wanted.includes(g.id))) {
    const inputs = layerInputs(context.inputs, configFileInputs(context.config, gate.id));
    const result = withPolicy(
      await executeGate(gate, inputs, context.io, {
        inputNames: context.inputNames,
        extraInputs: known,
      }),
      context.policy,
    );
    // Written now, not at publish time: a later gate of this step (the KPI export) reads it.
    written.set(result, await writeResultFile(context.resultDir, result));
    results.push(result);
  }
  return results;
}

/**
 * The umbrella runs several gates, so a gate's input given to it (`with: min-lines: 90`) would apply
 * to every gate that has one, or to none; the runner only warns about it. Such inputs are refused
 * with a pointer to the config file, where each gate has its own section.
 */
function refuseGateInputs(
  given: readonly string[],
  declared: readonly InputSpec[],
  gates: readonly AnyGate[],
  config: ConfigFile | undefined,
): void {
  const owners = new Map<string, string[]>();
  for (const name of given) {
    if (declared.some((s) => s.name === name)) continue;
    const ids = gates.filter((g) => g.inputs.some((s) => s.name === name)).map((g) => g.id);
    if (ids.length > 0) owners.set(name, ids);
  }
  if (owners.size === 0) return;
  const listed = [...owners].map(([name, ids]) => `\`${name}\` (${ids.join(', ')})`).join(', ');
  const [[name, ids]] = [...owners] as [[string, string[]]];
  const file = config?.file ?? DEFAULT_CONFIG_FILE;
  throw new ConfigError(
    `This action runs several gates and takes no gate inputs, got ${listed}: set each in its gate's section of the config file \`${file}\` (e.g. \`${ids[0]}:\` then \`${name}: ...\`, see docs/configuration.md), or use the single-gate action \`aeef/gates/actions/${ids[0]}@v1\`.`,
  );
}

/** Runs gates in one process with one summary and one exit code; never throws. */
export async function runGatesAction(
  gates: readonly AnyGate[],
  options: RunGatesOptions = {},
): Promise<Verdict> {
  const combined = gates.length !== 1 || options.select !== undefined;
  const resultDir = path.join(path.resolve(process.env.RUNNER_TEMP ?? os.tmpdir()), 'aeef-gates');
  let results: GateResult[] = [];
  let failure: string | undefined;
  const written = new Map<GateResult, string>();
  try {
    results = await runSelected(gates, options, combined, written);
  } catch (error) {
    const message =
      error instanceof ConfigError
        ? error.message
        : `Internal error before the gates ran: ${getErrorMessage(error)}.`;
    // One gate: its result says why. Several: which gates would have run is unknown, so the step fails as a whole.
    if (combined) failure = message;
    else results = gates.map((g) => errorResult(g.id, message));
  }
  try {
    return await publishResults(results, {
      resultDir,
      combined,
      failure,
      written,
      // Each gate's own title (Gate.title), which a gate outside the known list also has.
      summary: { heading: options.heading, titles: Object.fromEntries(gates.map((g) => [g.id, g.title])) },
    });
  } catch (error) {
    core.setFailed(`Could not publish the results: ${getErrorMessage(error)}`);
    process.exitCode = 1;
    return 'error';
  }
}

/** The whole of an action's main.ts: run this gate as the runner asks, publish, set the exit code. */
export async function runGateAction(gate: AnyGate): Promise<Verdict> {
  return runGatesAction([gate]);
}
