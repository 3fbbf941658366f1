/**
 * The action entry points. `runGateAction` is all an action's main.ts calls; `runGatesAction`
 * serves the umbrella action (several gates in one process, one summary, one exit code).
 */
import * as core from '@actions/core';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG_FILE, configFileInputs, configInstances, type ConfigFile } from '../config-file.js';
import { ConfigError, getErrorMessage } from '../errors.js';
import type { AnyGate, GateInfo, GateIO, Inputs, InputSpec } from '../gate.js';
import { getEnum, getList, getString } from '../inputs.js';
import { COMMON_INPUTS, inputsFromRecord, layerInputs } from '../input-specs.js';
import { errorResult } from '../result-builder.js';
import { instanceKey } from '../render/overview.js';
import { renderSummary } from '../render/summary-markdown.js';
import { isFailing, type GateResult, type Verdict } from '../result.js';
import { COMMENT_BUDGET_BYTES, COMMENT_MODES, publishComment, type CommentMode } from './comment.js';
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

interface CommentPlan {
  mode: CommentMode;
  key: string;
  io: GateIO;
}

async function runSelected(
  gates: readonly AnyGate[],
  options: RunGatesOptions,
  combined: boolean,
  written: Map<GateResult, string>,
  plan: { comment?: CommentPlan },
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
  // Read before any gate runs: a misspelt mode is the user's to fix, not a silent `auto`.
  const only = combined ? undefined : gates[0];
  const commentInputs =
    only === undefined
      ? context.inputs
      : layerInputs(context.inputs, configFileInputs(context.config, only.id));
  const mode = getEnum(commentInputs, 'comment', COMMENT_MODES) ?? 'auto';
  const results: GateResult[] = [];
  const name = getString(context.inputs, 'name');
  for (const gate of gates.filter((g) => wanted.includes(g.id))) {
    // The umbrella runs every instance section (`coverage`, `coverage:web`); one gate's action runs
    // the section its `name` input picks, else its plain section.
    const sections = combined
      ? configInstances(context.config, gate.id)
      : [
          name !== undefined && context.config?.sections[`${gate.id}:${name}`]
            ? `${gate.id}:${name}`
            : gate.id,
        ];
    for (const section of sections) {
      // A section's key names its instance, over the step's `name`.
      const own =
        section === gate.id
          ? []
          : [inputsFromRecord({ name: section.slice(gate.id.length + 1) }, 'config-file')];
      const inputs = layerInputs(...own, context.inputs, configFileInputs(context.config, section));
      const result = withPolicy(
        await executeGate(gate, inputs, context.io, {
          inputNames: context.inputNames,
          extraInputs: known,
        }),
        context.policy,
      );
      if (results.some((r) => instanceKey(r) === instanceKey(result))) {
        throw new ConfigError(
          `Two runs of the ${gate.id} gate would both write \`${instanceKey(result)}.json\`: give each config section its own name (\`${gate.id}:<name>\`).`,
        );
      }
      // Written now, not at publish time: a later gate of this step (the KPI export) reads it.
      written.set(result, await writeResultFile(context.resultDir, result));
      results.push(result);
    }
  }
  const key =
    only === undefined || results[0] === undefined
      ? `gates${name === undefined ? '' : `-${name}`}`
      : instanceKey(results[0]);
  plan.comment = { mode, key, io: context.io };
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
  const plan: { comment?: CommentPlan } = {};
  try {
    results = await runSelected(gates, options, combined, written, plan);
  } catch (error) {
    const message =
      error instanceof ConfigError
        ? error.message
        : `Internal error before the gates ran: ${getErrorMessage(error)}.`;
    // One gate: its result says why. Several: which gates would have run is unknown, so the step fails as a whole.
    if (combined) failure = message;
    else results = gates.map((g) => errorResult(g.id, message));
  }
  // Each gate's own title (Gate.title), which a gate outside the known list also has.
  const summary = { heading: options.heading, titles: Object.fromEntries(gates.map((g) => [g.id, g.title])) };
  let verdict: Verdict;
  try {
    verdict = await publishResults(results, { resultDir, combined, failure, written, summary });
  } catch (error) {
    core.setFailed(`Could not publish the results: ${getErrorMessage(error)}`);
    process.exitCode = 1;
    return 'error';
  }
  // After the exit code is set: the comment is a view of the decision, never part of it.
  if (plan.comment !== undefined) {
    const { mode, key, io } = plan.comment;
    await publishComment({
      github: io.github,
      event: io.event,
      mode,
      key,
      failing: isFailing(verdict),
      markdown: renderSummary(results, {
        ...summary,
        failure,
        budgetBytes: COMMENT_BUDGET_BYTES,
        limitName: "GitHub's 65,536-character comment limit",
      }),
    });
  }
  return verdict;
}

/** The whole of an action's main.ts: run this gate as the runner asks, publish, set the exit code. */
export async function runGateAction(gate: AnyGate): Promise<Verdict> {
  return runGatesAction([gate]);
}
