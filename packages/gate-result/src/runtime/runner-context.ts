/**
 * Everything a run needs from the runner's environment: action inputs, the config file, the event,
 * the GitHub client and the IO over `GITHUB_WORKSPACE` + `working-directory`.
 */
import * as core from '@actions/core';
import { readFile, realpath, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG_FILE, parseConfigFile, type ConfigFile, type GateSpecs } from '../config-file.js';
import { ConfigError, InputError, MissingReportError, getErrorMessage } from '../errors.js';
import type { EventContext, GateInfo, GateIO, Inputs } from '../gate.js';
import { KNOWN_GATES } from '../known-gates.js';
import { getEnum, getString } from '../inputs.js';
import { defaultPolicySource, type PolicyRecord } from '../policy/diff.js';
import { changeSetResolverOf, eventContextOf, githubClientOf } from './changes-bridge.js';
import { decodeReport, isInside, readFileSafe } from './fs-safe.js';
import { createLocalIO } from './local-io.js';
import { createCoreLogger } from './logger.js';
import { runGit } from './git.js';
import { loadPolicy } from './policy-source.js';
import { readRunnerInputs } from './runner-inputs.js';

export interface RunnerContext {
  /** The action's own inputs (`INPUT_*`). */
  inputs: Inputs;
  inputNames: string[];
  /** The config file in force: the base's or the checkout's, as `policy-source` says. */
  config: ConfigFile | undefined;
  /** Which policy that is, and what the head's file changes against the base's. */
  policy: PolicyRecord;
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

/**
 * When the job started: the runner writes the event payload (GITHUB_EVENT_PATH) as the job starts
 * and never again, so its mtime is the job's start; none outside a runner.
 */
async function jobStartOf(env: NodeJS.ProcessEnv): Promise<number | undefined> {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  return (await stat(env.GITHUB_EVENT_PATH).catch(() => undefined))?.mtimeMs;
}

/** The workspace joined with `working-directory`, which must be an existing directory inside it. */
async function resolveWorkingDirectory(root: string, given: string): Promise<string> {
  const shown = `\`${given.slice(0, 60)}\``;
  const absolute = path.resolve(root, given);
  const realRoot = await realpath(root).catch(() => {
    throw new ConfigError(`The workspace \`${root}\` (GITHUB_WORKSPACE) does not exist.`);
  });
  const real = await realpath(absolute).catch(() => undefined);
  if (given.startsWith('~') || !isInside(root, absolute) || real === undefined || !isInside(realRoot, real)) {
    throw new InputError(
      'working-directory',
      `Expected \`working-directory\` to be an existing directory inside the workspace, got ${shown}.`,
    );
  }
  if (!(await stat(real)).isDirectory()) {
    throw new InputError(
      'working-directory',
      `Expected \`working-directory\` to be a directory, got ${shown}.`,
    );
  }
  return real;
}

/**
 * The config file under `root`: `explicit` (which must exist), else `.github/aeef-gates.yml` when
 * present. Read with the same checks as reports (inside `root`, regular file, 1 MiB cap, UTF-8).
 */
export async function loadConfigFile(
  root: string,
  explicit: string | undefined,
  gates: readonly GateSpecs[],
  suite: readonly GateInfo[] = KNOWN_GATES,
): Promise<ConfigFile | undefined> {
  const file = explicit ?? DEFAULT_CONFIG_FILE;
  let text: string;
  try {
    text = decodeReport(await readFileSafe(file, { roots: [root], maxBytes: 1024 * 1024 }), file);
  } catch (error) {
    if (error instanceof MissingReportError) {
      if (explicit === undefined) return undefined;
      throw new InputError('config-file', `The config file \`${file}\` was not found.`);
    }
    throw new ConfigError(getErrorMessage(error).replace('The report', 'The config file'));
  }
  return parseConfigFile(text, file, gates, suite);
}

/** Builds the context; throws `ConfigError` when the setup itself is wrong (bad working directory, config file). */
export async function buildRunnerContext(
  gates: readonly GateSpecs[],
  env: NodeJS.ProcessEnv = process.env,
  suite: readonly GateInfo[] = KNOWN_GATES,
): Promise<RunnerContext> {
  const { inputs, names } = readRunnerInputs(env);
  const log = createCoreLogger();
  const root = path.resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  const runnerTemp = path.resolve(env.RUNNER_TEMP ?? os.tmpdir());
  const resultDir = path.join(runnerTemp, 'aeef-gates');
  const token = getString(inputs, 'github-token') ?? env.GITHUB_TOKEN;
  if (token) core.setSecret(token);
  // Every secret input of every gate (e.g. the KPI export's push credentials) is masked in the log.
  for (const spec of gates.flatMap((g) => g.inputs).filter((s) => s.kind === 'secret')) {
    const value = getString(inputs, spec.name);
    if (value) core.setSecret(value);
  }
  const workspace = await resolveWorkingDirectory(root, getString(inputs, 'working-directory') ?? '.');
  const { event, problem } = await readEvent(env);
  const github = githubClientOf(token, env.GITHUB_API_URL);
  const explicit = getString(inputs, 'config-file');
  const source = getEnum(inputs, 'policy-source', ['base', 'head']);
  // The base policy needs the payload's base commit: a payload that does not fit says why it is missing.
  if (problem !== undefined && (source ?? defaultPolicySource(event.name)) === 'base') {
    throw problem instanceof Error ? problem : new ConfigError(getErrorMessage(problem));
  }
  const { config, record: policy } = await loadPolicy({
    root,
    explicit,
    gates,
    base: event.baseSha,
    eventName: event.name,
    source,
    git: (args) => runGit(root, args),
    ...(github === undefined ? {} : { github }),
    ...(event.repository === undefined ? {} : { repository: event.repository }),
    suite,
    readCheckout: () => loadConfigFile(root, explicit, gates, suite),
  });
  const io: GateIO = createLocalIO({
    policy,
    workspace,
    event,
    github,
    log,
    resultDir,
    allowedDirs: [runnerTemp],
    jobStartedAt: await jobStartOf(env),
    changes: (request) =>
      problem === undefined
        ? changeSetResolverOf({ event, git: (args) => io.git(args), github, log })(request)
        : Promise.reject(problem instanceof Error ? problem : new ConfigError(getErrorMessage(problem))),
  });
  return { inputs, inputNames: names, config, policy, io, resultDir };
}
