/**
 * The real GateIO over a real directory: used by the action runtime, the CLI and tests (a test
 * makes a temp workspace and passes it here; no mocks).
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ChangeSet, EventContext, GateIO, GitHubClient, Logger, ReadOptions } from '../gate.js';
import type { PolicyRecord } from '../policy/diff.js';
import { decodeReport, displayPath, readFileSafe } from './fs-safe.js';
import { globFiles } from './glob-files.js';
import { runGit } from './git.js';
import { listJsonFiles, writeFileAtomic } from './write-safe.js';
import { createConsoleLogger } from './logger.js';

export interface LocalIOOptions {
  /** Absolute workspace root that reads and globs are confined to. */
  workspace: string;
  /** Defaults to `{ name: 'local', payload: {} }`. */
  event?: EventContext;
  /** The change set, or a function computing it once on first use. */
  changes?: ChangeSet | (() => Promise<ChangeSet | undefined>);
  github?: GitHubClient;
  log?: Logger;
  /** Defaults to `$RUNNER_TEMP/aeef-gates`, else `<tmpdir>/aeef-gates`. */
  resultDir?: string;
  /** Absolute directories outside the workspace that reads may also resolve into. */
  allowedDirs?: readonly string[];
  /** Default size cap per file (256 MiB). */
  maxBytes?: number;
  /** The policy of this run (see policy/diff.ts). */
  policy?: PolicyRecord;
}

/** The default result directory of this environment. */
export function defaultResultDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.RUNNER_TEMP ?? os.tmpdir(), 'aeef-gates');
}

export function createLocalIO(options: LocalIOOptions): GateIO {
  const workspace = path.resolve(options.workspace);
  const resultDir = path.resolve(options.resultDir ?? defaultResultDir());
  // The result directory is ours: the KPI export reads the result files other gates wrote there.
  const roots = [workspace, resultDir, ...(options.allowedDirs ?? []).map((d) => path.resolve(d))];
  let changes: Promise<ChangeSet | undefined> | undefined;
  const readFile = (file: string, read?: ReadOptions): Promise<Buffer> =>
    readFileSafe(file, { roots, maxBytes: read?.maxBytes ?? options.maxBytes });
  return {
    workspace,
    readFile,
    async readText(file, read) {
      const bytes = await readFile(file, read);
      return decodeReport(bytes, displayPath(workspace, path.resolve(workspace, file)));
    },
    glob: (patterns, globOptions) => globFiles(workspace, patterns, globOptions?.ignore),
    git: (args, gitOptions) => runGit(workspace, args, gitOptions?.stdin),
    listResultFiles: () => listJsonFiles(resultDir),
    writeFile: (file, data) => writeFileAtomic(file, data, [workspace, resultDir]),
    event: options.event ?? { name: 'local', payload: {} },
    changes() {
      const source = options.changes;
      changes ??= typeof source === 'function' ? source() : Promise.resolve(source);
      return changes;
    },
    github: options.github,
    ...(options.policy === undefined ? {} : { policy: options.policy }),
    log: options.log ?? createConsoleLogger(),
    resultDir,
    now: () => performance.now(),
  };
}
