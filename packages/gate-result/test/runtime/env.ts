/** A runner-like environment in temp dirs; restores process.env and the exit code afterwards. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';

export interface RunnerEnv {
  workspace: string;
  runnerTemp: string;
  outputFile: string;
  summaryFile: string;
  stdout: () => string;
  outputs: () => Record<string, string>;
  summary: () => string;
}

/** Parses GITHUB_OUTPUT's `name<<delimiter` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== match[2]) value.push(lines[i] ?? '');
    outputs[match[1] ?? ''] = value.join('\n');
  }
  return outputs;
}

/** Sets up a fresh runner env before each test of the calling file. */
export function useRunnerEnv(): () => RunnerEnv {
  let current: RunnerEnv | undefined;
  let savedEnv: NodeJS.ProcessEnv;
  let savedExitCode: typeof process.exitCode;
  beforeEach(() => {
    savedEnv = { ...process.env };
    savedExitCode = process.exitCode;
    for (const key of Object.keys(process.env))
      if (key.startsWith('INPUT_') || key.startsWith('GITHUB_')) Reflect.deleteProperty(process.env, key);
    const base = mkdtempSync(path.join(os.tmpdir(), 'aeef-runtime-'));
    const workspace = path.join(base, 'ws');
    const runnerTemp = path.join(base, 'tmp');
    for (const dir of [workspace, runnerTemp]) mkdirSync(dir);
    const outputFile = path.join(base, 'output');
    const summaryFile = path.join(base, 'summary');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    Object.assign(process.env, {
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: runnerTemp,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_EVENT_NAME: 'push',
    });
    current = {
      workspace,
      runnerTemp,
      outputFile,
      summaryFile,
      stdout: () => out,
      outputs: () => parseOutputFile(readFileSync(outputFile, 'utf8')),
      summary: () => readFileSync(summaryFile, 'utf8'),
    };
  });
  afterEach(() => {
    for (const key of Object.keys(process.env))
      if (!(key in savedEnv)) Reflect.deleteProperty(process.env, key);
    Object.assign(process.env, savedEnv);
    process.exitCode = savedExitCode;
  });
  return () => {
    if (!current) throw new Error('useRunnerEnv: no test is running');
    return current;
  };
}
