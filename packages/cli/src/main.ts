/**
 * `aeef-gates`: the action's pieces (config file, input layering, `executeGate`, result files)
 * driven from a terminal. Only the inputs' origin differs: `--set` flags instead of `INPUT_*`.
 * This and the runtime are the only code that writes to stdout; report text goes through
 * `renderTerminal` (or JSON), errors through `safeLogLine`.
 */
import {
  InputError,
  configFileInputs,
  inputsFromRecord,
  isFailing,
  layerInputs,
  renderTerminal,
  safeLogLine,
  withPolicy,
  worstVerdict,
  type ConfigFile,
  type GateResult,
} from '@aeef/gate-result';
import {
  createConsoleLogger,
  createLocalIO,
  executeGate,
  isInside,
  loadConfigFile,
  loadPolicy,
  runGit,
  writeResultFile,
} from '@aeef/gate-result/runtime';
import { GATES } from '@aeef/gates';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import packageJson from '../package.json' with { type: 'json' };
import { UsageError, parseCliArgs, type CliOptions } from './args.js';
import { helpText } from './help.js';
import { resolveLocalDiff } from './local-diff.js';

/** Where the CLI runs: injectable so tests can run it in-process with their own streams. */
export interface CliHost {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

const processHost = (): CliHost => ({
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});

async function resolveDirectory(cwd: string, given: string): Promise<string> {
  const absolute = path.resolve(cwd, given);
  const stats = await stat(absolute).catch(() => undefined);
  if (stats?.isDirectory() !== true) {
    throw new UsageError(`Expected \`--working-directory\` to be an existing directory, got \`${given}\`.`);
  }
  return absolute;
}

async function readConfig(cwd: string, file: string | undefined): Promise<ConfigFile | undefined> {
  // The action confines the file to the workspace; here the user names it, wherever it is.
  const absolute = file === undefined ? undefined : path.resolve(cwd, file);
  const inside = absolute === undefined || isInside(cwd, absolute);
  try {
    return inside
      ? await loadConfigFile(cwd, file, GATES)
      : await loadConfigFile(path.dirname(absolute), absolute, GATES);
  } catch (error) {
    // A named file that is not there is a mistake on the command line, not a gate verdict.
    if (error instanceof InputError && error.input === 'config-file') throw new UsageError(error.message);
    throw error;
  }
}

function selectGates(options: CliOptions, config: ConfigFile | undefined): typeof GATES {
  const wanted = options.gates.length > 0 ? options.gates : (config?.gates ?? []);
  if (wanted.length === 0) {
    const where = config?.file ?? '.github/aeef-gates.yml';
    throw new UsageError(
      `No gate selected: name gates as arguments or list them under \`gates:\` in \`${where}\`.`,
    );
  }
  // The suite order, as in the umbrella action: the KPI export reads the others' result files.
  return GATES.filter((g) => wanted.includes(g.id));
}

/** Runs the selected gates in order, writing each result file before the next gate starts. */
async function runGates(options: CliOptions, host: CliHost, resultDir: string): Promise<GateResult[]> {
  const workspace = await resolveDirectory(host.cwd, options.workingDirectory);
  const log = createConsoleLogger(host.stderr);
  const git = (args: readonly string[]): Promise<string> => runGit(workspace, args);
  const diff = options.base === undefined ? undefined : await resolveLocalDiff(git, options.base, log);
  const source = options.policySource ?? (diff === undefined ? 'head' : 'base');
  const { config, record: policy } = await loadPolicy({
    root: host.cwd,
    explicit: options.config,
    gates: GATES,
    base: diff?.baseSha,
    eventName: 'local',
    source,
    compare: diff !== undefined,
    reason:
      options.policySource !== undefined
        ? `\`--policy-source ${options.policySource}\``
        : diff === undefined
          ? 'the command line without `--base`'
          : `\`--base ${options.base ?? ''}\``,
    git: (args) => runGit(host.cwd, args),
    readCheckout: () => readConfig(host.cwd, options.config),
  });
  const gates = selectGates(options, config);
  const io = createLocalIO({
    policy,
    workspace,
    event: { name: 'local', payload: {}, ...(diff && { baseSha: diff.baseSha, headSha: diff.headSha }) },
    ...(diff && { changes: () => diff.changes() }),
    log,
    resultDir,
  });
  const results: GateResult[] = [];
  for (const gate of gates) {
    const inputs = layerInputs(
      inputsFromRecord(options.set[gate.id] ?? {}, 'input'),
      configFileInputs(config, gate.id),
    );
    const result = withPolicy(await executeGate(gate, inputs, io), policy);
    await writeResultFile(resultDir, result);
    results.push(result);
  }
  return results;
}

function printResults(results: readonly GateResult[], options: CliOptions, host: CliHost): void {
  if (options.json) {
    host.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  const noColor = (host.env.NO_COLOR ?? '') !== '';
  const color = options.color ?? (host.stdout.isTTY === true && !noColor);
  const verdict = worstVerdict(results.map((r) => r.verdict));
  const each = results.map((r) => `${r.gate} ${r.verdict}`).join(', ');
  host.stdout.write(`${renderTerminal(results, { color })}aeef-gates: ${verdict} (${each})\n`);
}

/** The whole run; returns the exit code: 0 pass/warn, 1 fail/error, 2 usage error. */
export async function runCli(argv: readonly string[], host: CliHost = processHost()): Promise<number> {
  const fail = (message: string): void => {
    host.stderr.write(`aeef-gates: ${safeLogLine(message)}\n`);
  };
  let ownDir: string | undefined;
  try {
    const options = parseCliArgs(argv, GATES);
    if (options.command === 'help') {
      host.stdout.write(helpText(GATES.map((g) => g.id)));
      return 0;
    }
    if (options.command === 'version') {
      host.stdout.write(`aeef-gates ${packageJson.version}\n`);
      return 0;
    }
    let resultDir: string;
    if (options.resultDir === undefined)
      resultDir = ownDir = await mkdtemp(path.join(os.tmpdir(), 'aeef-gates-'));
    else resultDir = path.resolve(host.cwd, options.resultDir);
    const results = await runGates(options, host, resultDir);
    printResults(results, options, host);
    return isFailing(worstVerdict(results.map((r) => r.verdict))) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      fail(`${error.message} See \`aeef-gates --help\`.`);
      return 2;
    }
    fail(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    if (ownDir !== undefined) await rm(ownDir, { recursive: true, force: true });
  }
}

/** The process entry: sets the exit code, never calls `process.exit` (output is flushed first). */
export async function main(argv: readonly string[]): Promise<void> {
  // `aeef-gates | head` closes the pipe early: the reader's choice, so the verdict's code stands.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') process.exitCode = 1;
    });
  }
  process.exitCode = await runCli(argv);
}
