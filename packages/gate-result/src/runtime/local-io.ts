/**
 * The real GateIO over a real directory: used by the action runtime, the CLI and tests (a test
 * makes a temp workspace and passes it here; no mocks).
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type {
  ChangeSet,
  ChangesRequest,
  EventContext,
  GateIO,
  GitHubClient,
  Logger,
  ReadOptions,
} from '../gate.js';
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
  /** The change set, or a function computing it once on first use (once per kind of request). */
  changes?: ChangeSet | ((request?: ChangesRequest) => Promise<ChangeSet | undefined>);
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
  /** When this job started (ms since the epoch): a report written before it gets a warning (B18). */
  jobStartedAt?: number;
}

/** Clock skew and coarse mtimes (1 s on some filesystems) allowed before a report counts as old. */
const MTIME_SLACK_MS = 2000;

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
  let freeChanges: Promise<ChangeSet | undefined> | undefined;
  const log = options.log ?? createConsoleLogger();
  let tracked: Promise<Set<string>> | undefined;
  // Paths relative to the workspace, as `git ls-files` prints them from there; no git, no warning.
  const trackedFiles = (): Promise<Set<string>> =>
    (tracked ??= runGit(workspace, ['ls-files', '-z'])
      .then((out) => new Set(out.split('\0').filter((f) => f !== '')))
      .catch(() => new Set<string>()));
  const warned = new Set<string>();
  /** B18: a committed report, or one older than the job, is legal (a baseline) but worth a line. */
  const checkFreshness = async (file: string, mtimeMs: number): Promise<void> => {
    const absolute = path.resolve(workspace, file);
    const shown = displayPath(workspace, absolute);
    if (warned.has(absolute)) return;
    warned.add(absolute);
    if ((await trackedFiles()).has(path.relative(workspace, absolute).split(path.sep).join('/'))) {
      log.warning(
        `The report \`${shown}\` is tracked in git: it may be a committed copy rather than this run's output; check that the step producing it ran.`,
      );
    } else if (options.jobStartedAt !== undefined && mtimeMs < options.jobStartedAt - MTIME_SLACK_MS) {
      log.warning(
        `The report \`${shown}\` was last written at ${new Date(mtimeMs).toISOString()}, before this job started (${new Date(options.jobStartedAt).toISOString()}): it may be left over from an earlier run.`,
      );
    }
  };
  const readFile = async (file: string, read?: ReadOptions): Promise<Buffer> => {
    let mtimeMs = 0;
    const bytes = await readFileSafe(file, {
      roots,
      maxBytes: read?.maxBytes ?? options.maxBytes,
      onOpened: (stats) => (mtimeMs = stats.mtimeMs),
    });
    if (read?.report) await checkFreshness(file, mtimeMs);
    return bytes;
  };
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
    changes(request) {
      const source = options.changes;
      if (typeof source !== 'function') return Promise.resolve(source);
      if (request?.ifFree) return (freeChanges ??= source({ ifFree: true }));
      return (changes ??= source());
    },
    github: options.github,
    ...(options.policy === undefined ? {} : { policy: options.policy }),
    log,
    resultDir,
    now: () => performance.now(),
  };
}
