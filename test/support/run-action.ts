/**
 * Runs a committed bundle exactly as a GitHub runner does: `node24 dist/<name>/index.js` with
 * `INPUT_*` env, the file commands, an event payload and a workspace, then reads back everything it
 * wrote. End-to-end tests assert on these channels and on the exit code.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NODE24, REPO_ROOT } from './paths.js';

export interface RunActionOptions {
  /** Bundle name under dist/: a gate id, `gates` (umbrella) or `cli`. */
  bundle: string;
  workspace: string;
  /** Action inputs by their action.yml name (`min-lines`), set as `INPUT_MIN-LINES`. */
  inputs?: Record<string, string>;
  eventName?: string;
  /** Written to a temp file and passed as GITHUB_EVENT_PATH. */
  event?: unknown;
  env?: Record<string, string>;
  /** Kills the process after this many ms (the test then fails on the exit code). */
  timeoutMs?: number;
}

export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  runnerTemp: string;
  /** The parsed result file named by the `result-file` output, when it exists. */
  result: unknown;
}

/** Parses GITHUB_OUTPUT as the runner does: `name<<DELIM` blocks and `name=value` lines. */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++]!);
      if (i >= lines.length) throw new Error(`Unterminated output ${name}: delimiter ${delimiter} missing.`);
      out[name!] = value.join('\n');
    } else {
      const eq = line.indexOf('=');
      if (eq < 0) throw new Error(`Malformed file-command line: ${line}`);
      out[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return out;
}

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const bundle = path.join(REPO_ROOT, 'dist', options.bundle, 'index.js');
  if (!existsSync(bundle)) throw new Error(`No bundle at ${bundle}: run npm run bundle.`);
  const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'aeef-runner-'));
  const outputFile = path.join(runnerTemp, 'github_output');
  const summaryFile = path.join(runnerTemp, 'step_summary');
  const envFile = path.join(runnerTemp, 'github_env');
  for (const f of [outputFile, summaryFile, envFile]) writeFileSync(f, '');
  const eventPath = path.join(runnerTemp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.event ?? {}));

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? runnerTemp,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ENV: envFile,
    GITHUB_REPOSITORY: 'aeef/sample',
    GITHUB_SERVER_URL: 'https://github.com',
    // Tests never reach github.com: an API peer is a local server the test starts.
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    RUNNER_TEMP: runnerTemp,
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }

  const child = spawn(NODE24, [bundle], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  clearTimeout(timer);

  const outputs = parseFileCommand(readFileSync(outputFile, 'utf8'));
  const resultFile = outputs['result-file'];
  const result: unknown =
    resultFile && existsSync(resultFile) && statSync(resultFile).isFile()
      ? JSON.parse(readFileSync(resultFile, 'utf8'))
      : undefined; // the umbrella names a directory of result files
  return {
    exitCode,
    stdout,
    stderr,
    outputs,
    summary: readFileSync(summaryFile, 'utf8'),
    runnerTemp,
    result,
  };
}

/**
 * Workflow commands a process printed (`::name props::message`), for the injection oracle: a gate's
 * stdout must hold no command but its own.
 */
export function workflowCommands(stdout: string): { command: string; line: string }[] {
  return stdout
    .split(/\r?\n|\r/)
    .map((line) => ({ line, m: /^\s*::([A-Za-z-]+)[ :]/.exec(line) }))
    .filter((x) => x.m !== null)
    .map((x) => ({ command: x.m![1]!.toLowerCase(), line: x.line }));
}
