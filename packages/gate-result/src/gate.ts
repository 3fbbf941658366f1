/**
 * The one contract: a gate is pure. It reads only through `GateIO`, which the runtime builds
 * from the runner's environment and tests build from plain objects (no module mocks).
 */
import type { PolicyRecord } from './policy/diff.js';
import type { GateId, GateResult } from './result.js';

/** How an input is parsed; the kind decides the strict parser (see inputs.ts). */
export type InputKind =
  | 'percent' // strict decimal 0-100
  | 'number' // strict non-negative decimal
  | 'integer' // strict non-negative integer
  | 'boolean' // true | false only
  | 'enum' // one of `values`
  | 'list' // items split on commas or newlines, trimmed, empty items dropped
  | 'globs' // like list, each compiled safely
  | 'string'
  | 'secret'; // a token: never logged, never written to the result file

export interface InputSpec {
  /** Kebab-case, as in action.yml and the config file. */
  name: string;
  kind: InputKind;
  description: string;
  /** As the user would write it. The one place defaults live (action.yml declares none, see docs). */
  default?: string;
  values?: readonly string[];
}

/** Where an input value came from, so the summary can say which one won. */
export type InputSource = 'input' | 'config-file' | 'cli' | 'default';

export interface InputValue {
  value: string;
  source: InputSource;
}

/** Named raw values from wherever they come from: `INPUT_*`, the config file, CLI flags. */
export interface Inputs {
  /** The raw value, or `undefined` when the input is unset or blank (blank means unset). */
  get(name: string): InputValue | undefined;
}

/** Log lines may carry report text; implementations neutralise workflow commands. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

export interface LineRange {
  /** 1-based, inclusive. */
  start: number;
  end: number;
}

export type ChangeStatus = 'added' | 'modified' | 'renamed' | 'copied' | 'deleted';

export interface ChangedFile {
  /** Workspace-relative POSIX path in the head commit (the old path for deletions). */
  path: string;
  previousPath?: string;
  status: ChangeStatus;
  additions: number;
  deletions: number;
  binary: boolean;
  /** Lines added or modified in the head version, merged and sorted. */
  ranges: LineRange[];
  /**
   * The API withheld this file's patch (too large): it changed, but which lines is unknown, so
   * `ranges` is empty and nothing about its lines may be read as unchanged.
   */
  linesUnknown?: true;
  /** The added lines' text, in order: only when the change set was read with `text: true`. */
  added?: DiffLine[];
  /** The removed lines' text, in order: only when the change set was read with `text: true`. */
  removed?: DiffLine[];
}

/** One added or removed line of a diff, for gates that judge the text of a change (integrity). */
export interface DiffLine {
  /** 1-based: the head's line for an added line, the base's line for a removed one. */
  line: number;
  /**
   * The head line an annotation points at: the line itself when added; for a removed line the head
   * line where it stood, or the one just above it when the hunk only removes (git's `+n,0`); at least 1.
   */
  anchor: number;
  text: string;
}

/** The changed lines of a PR (or push), and how they were found. */
export interface ChangeSet {
  source: 'git' | 'api';
  event: string;
  base: string;
  head: string;
  files: ChangedFile[];
  /**
   * Set when the file list is known to be partial (an API cap was hit, or a file's patch was withheld
   * as too large): why. Gates must not treat a partial change set as small.
   */
  incomplete?: string;
  /**
   * The API listed fewer files than changed (its cap, or a shorter list than the payload's count): a
   * file absent from `files` may still have changed.
   */
  partialList?: true;
}

/** How much a gate wants the changed lines (see `GateIO.changes`). */
export interface ChangesRequest {
  /**
   * Only when they are free: from git when the clone has the history, never from the REST API. A
   * gate asks so for figures nobody set a bar on; it rejects when git cannot give them.
   */
  ifFree?: boolean;
}

/** What the gate knows of the triggering event. */
export interface EventContext {
  /** `GITHUB_EVENT_NAME`, or `local` in the CLI. */
  name: string;
  payload: Record<string, unknown>;
  repository?: { owner: string; repo: string };
  pullNumber?: number;
  baseSha?: string;
  headSha?: string;
  /**
   * `<run id>/<attempt>/<job id>` of this job, as the runtime records it beside each result file
   * it writes (the KPI export takes only those files as this job's verdicts).
   */
  job?: string;
  /** `GITHUB_WORKFLOW`: the workflow's name (its file path when it has none). */
  workflow?: string;
  /** The branch the run is about: `GITHUB_HEAD_REF` on pull requests, else `GITHUB_REF_NAME`. */
  refName?: string;
}

export interface GitHubResponse<T> {
  status: number;
  data: T;
  headers: Record<string, string | undefined>;
}

/**
 * A narrow REST client: retries, throttling, timeouts and pagination to completion live behind it,
 * and errors carry only status and message (never headers or bodies).
 */
export interface GitHubClient {
  request<T>(route: string, params?: Record<string, unknown>): Promise<GitHubResponse<T>>;
  /** All pages, in order. */
  paginate<T>(route: string, params?: Record<string, unknown>, options?: PaginateOptions): Promise<T[]>;
}

export interface PaginateOptions {
  /** Items the payload says there are (`changed_files`, `commits`): pages past them are refused. */
  expectedItems?: number;
}

export interface GitOptions {
  /** Text fed to git's standard input (e.g. `hash-object --stdin`, `mktree`). */
  stdin?: string;
}

export interface ReadOptions {
  /** Refuse files larger than this, before reading (default: the runtime's cap, 256 MiB). */
  maxBytes?: number;
  /**
   * The file is a build output this job should have produced (a coverage, mutation or SARIF
   * report): a warning line says so when it is tracked in git or older than the job (B18).
   */
  report?: boolean;
}

/** Everything a gate may touch. */
export interface GateIO {
  /** Absolute path of the workspace root (GITHUB_WORKSPACE joined with `working-directory`). */
  readonly workspace: string;
  /**
   * Reads a file inside the workspace: relative paths resolve against it, the real path must stay
   * inside it, only regular files, size-capped before reading. Throws `ReportError`
   * (`MissingReportError` when it does not exist).
   */
  readFile(path: string, options?: ReadOptions): Promise<Buffer>;
  /** Like readFile, decoded as strict UTF-8 with a BOM removed; empty or whitespace-only throws. */
  readText(path: string, options?: ReadOptions): Promise<string>;
  /** Workspace-relative POSIX paths of the regular files matching any pattern, sorted. */
  glob(patterns: readonly string[], options?: { ignore?: readonly string[] }): Promise<string[]>;
  /** Runs git in the workspace (no shell), returns stdout as is; throws on a non-zero exit. */
  git(args: readonly string[], options?: GitOptions): Promise<string>;
  /** Absolute paths of the result files (`*.json`) directly in `resultDir`, sorted; [] when none. */
  listResultFiles(): Promise<string[]>;
  /**
   * Writes a file atomically (temp file + rename) inside the workspace or `resultDir`, creating
   * directories; returns its absolute path. Anything else is refused.
   */
  writeFile(path: string, data: string): Promise<string>;
  readonly event: EventContext;
  /**
   * The changed lines of this PR or push, from git when the history is there, else the REST API.
   * `undefined` when the event has no diff (e.g. the CLI without `--base`). Cached.
   */
  changes(request?: ChangesRequest): Promise<ChangeSet | undefined>;
  /** `undefined` offline (CLI without a token, tests). */
  readonly github: GitHubClient | undefined;
  /**
   * The policy of this run and the settings the head's config file changes against the base's
   * (`policy.changes`); the integrity gate reports those. `undefined` in tests that do not set it.
   */
  readonly policy?: PolicyRecord;
  readonly log: Logger;
  /** Directory of result files (`$RUNNER_TEMP/aeef-gates`); the KPI export reads it. */
  readonly resultDir: string;
  /** Monotonic milliseconds, for durations only: never part of a decision. */
  now(): number;
}

/**
 * What the suite knows of a gate without its code: the registry (packages/gates) is the source,
 * and the library takes it as data (see known-gates.ts), so it never imports a gate.
 */
export interface GateInfo {
  /** Kebab-case; the action folder `actions/<id>`, the config section and the output prefix. */
  id: GateId;
  /** Title for summaries (`Coverage`). */
  title: string;
}

export interface Gate<Config> extends GateInfo {
  /** Every input the gate reads, beyond the common ones; drives typo detection and the config schema. */
  inputs: readonly InputSpec[];
  /** Typed, validated config; throws `InputError` with the input name. */
  config(inputs: Inputs): Config;
  run(config: Config, io: GateIO): Promise<GateResult>;
}

/** A gate with its config type erased, for registries. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyGate = Gate<any>;
