/**
 * A plain-object GateIO over a real directory for this gate's tests: git really runs (no shell),
 * nothing is mocked. (The library's createLocalIO replaces it when it lands.)
 */
import { execFile } from 'node:child_process';
import type { EventContext, GateIO, GitHubClient, Inputs, Logger } from '@aeef/gate-result';

export interface RecordingLogger extends Logger {
  lines: string[];
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warning: (m) => lines.push(`warning ${m}`),
    debug: (m) => lines.push(`debug ${m}`),
  };
}

/** Runs git in `cwd` with argv only; rejects on a non-zero exit, as GateIO.git does. */
export function runGit(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(new Error(`git ${args[0] ?? ''} failed: ${error.message}`));
      else resolve(stdout);
    });
  });
}

export function makeGateIO(options: {
  workspace: string;
  event: EventContext;
  github?: GitHubClient;
  log?: Logger;
}): GateIO {
  const unsupported = (): never => {
    throw new Error('The pr-size gate reads no report files.');
  };
  return {
    workspace: options.workspace,
    readFile: unsupported,
    readText: unsupported,
    glob: unsupported,
    git: (args) => runGit(options.workspace, args),
    event: options.event,
    changes: () => Promise.resolve(undefined),
    github: options.github,
    log: options.log ?? recordingLogger(),
    resultDir: options.workspace,
    now: () => performance.now(),
  };
}

/** Inputs from a plain record, blank meaning unset (as the runtime reads INPUT_*). */
export function inputsOf(values: Record<string, string> = {}): Inputs {
  return {
    get: (name) => {
      const value = values[name];
      return value === undefined || value.trim() === '' ? undefined : { value, source: 'input' };
    },
  };
}
