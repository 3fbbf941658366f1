/**
 * The action entry points: build inputs and IO from the runner's environment, run the gates, publish.
 * `runGateAction` is all an action's main.ts calls; `runGatesAction` serves the umbrella action
 * (several gates, one summary, one exit code).
 */
import * as core from '@actions/core';
import { readFile, realpath, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, InputError, getErrorMessage } from '../errors.js';
import type { AnyGate, EventContext, GateIO, Inputs, InputSpec } from '../gate.js';
import { getString } from '../inputs.js';
import { errorResult } from '../result-builder.js';
import type { GateResult, Verdict } from '../result.js';
import { changeSetResolverOf, eventContextOf, githubClientOf } from './changes-bridge.js';
import { isInside } from './fs-safe.js';
import { createLocalIO } from './local-io.js';
import { createCoreLogger } from './logger.js';
import { publishResults } from './publish.js';
import { executeGate } from './run-gate.js';
import { readRunnerInputs } from './runner-inputs.js';

/** Inputs the runtime itself reads, known to the typo check of every action. */
export const RUNTIME_INPUTS: readonly InputSpec[] = [
  {
    name: 'github-token',
    kind: 'secret',
    description: 'Token for the GitHub API. Default: the workflow token.',
  },
];

export interface RunnerContext {
  inputs: Inputs;
  inputNames: string[];
  io: GateIO;
  resultDir: string;
}

/**
 * The event of this run. A payload that does not fit its event is not fatal here: gates that do not
 * need the diff still decide, and `changes()` rejects with the payload's error (fail closed).
 */
async function readEvent(env: NodeJS.ProcessEnv): Promise<{ event: EventContext; problem?: unknown }> {
  const name = env.GITHUB_EVENT_NAME ?? 'local';
  const file = env.GITHUB_EVENT_PATH;
  let payload: Record<string, unknown> = {};
  if (file) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      throw new ConfigError(`The ${name} event payload (GITHUB_EVENT_PATH) is missing or not valid JSON.`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new ConfigError(`The ${name} event payload (GITHUB_EVENT_PATH) is not a JSON object.`);
    }
    payload = parsed as Record<string, unknown>;
  }
  try {
    return { event: eventContextOf(name, payload, env) };
  } catch (problem) {
    return { event: { name, payload }, problem };
  }
}

/** The workspace joined with `working-directory`, which must be an existing directory inside it. */
async function resolveWorkingDirectory(root: string, given: string): Promise<string> {
  const absolute = path.resolve(root, given);
  const realRoot = await realpath(root);
  const real = await realpath(absolute).catch(() => undefined);
  if (given.startsWith('~') || !isInside(root, absolute) || real === undefined || !isInside(realRoot, real)) {
    throw new InputError(
      'working-directory',
      `Expected \`working-directory\` to be an existing directory inside the workspace, got \`${given.slice(0, 60)}\`.`,
    );
  }
  if (!(await stat(real)).isDirectory()) {
    throw new InputError(
      'working-directory',
      `Expected \`working-directory\` to be a directory, got \`${given.slice(0, 60)}\`.`,
    );
  }
  return real;
}

/** Inputs, IO and result directory from the runner's environment. Throws `ConfigError` on a bad setup. */
export async function buildRunnerContext(env: NodeJS.ProcessEnv = process.env): Promise<RunnerContext> {
  const { inputs, names } = readRunnerInputs(env);
  const log = createCoreLogger();
  const root = path.resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  const runnerTemp = path.resolve(env.RUNNER_TEMP ?? os.tmpdir());
  const resultDir = path.join(runnerTemp, 'aeef-gates');
  const token = getString(inputs, 'github-token') ?? env.GITHUB_TOKEN;
  if (token) core.setSecret(token);
  const workspace = await resolveWorkingDirectory(root, getString(inputs, 'working-directory') ?? '.');
  const { event, problem } = await readEvent(env);
  const github = githubClientOf(token, env.GITHUB_API_URL);
  const io = createLocalIO({
    workspace,
    event,
    github,
    log,
    resultDir,
    allowedDirs: [runnerTemp],
    changes: () =>
      problem === undefined
        ? changeSetResolverOf({ event, git: (args) => io.git(args), github, log })()
        : Promise.reject(problem instanceof Error ? problem : new ConfigError(getErrorMessage(problem))),
  });
  return { inputs, inputNames: names, io, resultDir };
}

export interface RunGatesOptions {
  /** Input specs of the calling action beyond the gates' own (e.g. the umbrella's `gates`). */
  extraInputs?: readonly InputSpec[];
  /** Which gates to run, from the action's inputs; default all. */
  select?: (inputs: Inputs) => readonly string[];
  /** Heading of the combined summary. */
  heading?: string;
}

/** Runs gates in one process with one summary and one exit code; never throws. */
export async function runGatesAction(
  gates: readonly AnyGate[],
  options: RunGatesOptions = {},
): Promise<Verdict> {
  const combined = gates.length !== 1 || options.select !== undefined;
  const resultDir = path.join(path.resolve(process.env.RUNNER_TEMP ?? os.tmpdir()), 'aeef-gates');
  let results: GateResult[];
  try {
    const context = await buildRunnerContext();
    const wanted = options.select?.(context.inputs) ?? gates.map((g) => g.id);
    const unknown = wanted.filter((id) => !gates.some((g) => g.id === id));
    if (unknown.length > 0)
      throw new ConfigError(
        `Unknown gate \`${unknown.join('`, `')}\`; known: ${gates.map((g) => g.id).join(', ')}.`,
      );
    const extra = [...RUNTIME_INPUTS, ...(options.extraInputs ?? [])];
    const known = combined ? [...extra, ...gates.flatMap((g) => g.inputs)] : extra;
    results = [];
    for (const gate of gates.filter((g) => wanted.includes(g.id))) {
      results.push(
        await executeGate(gate, context.inputs, context.io, {
          inputNames: context.inputNames,
          extraInputs: known,
        }),
      );
    }
    if (results.length === 0) throw new ConfigError('No gate was selected to run.');
  } catch (error) {
    const message =
      error instanceof ConfigError
        ? error.message
        : `Internal error before the gates ran: ${getErrorMessage(error)}.`;
    results = gates.map((g) => errorResult(g.id, message));
  }
  try {
    return await publishResults(results, { resultDir, combined, summary: { heading: options.heading } });
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
