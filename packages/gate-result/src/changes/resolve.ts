/**
 * The changed lines of the triggering PR or push: from git when the history is in the clone,
 * else from the REST API, else a `ConfigError` that says how to fix the workflow. Never an empty
 * change set for lack of data.
 */
import { ConfigError } from '../errors.js';
import type { ChangeSet, EventContext, GitHubClient, Logger } from '../gate.js';
import { readChangesFromApi } from './api-source.js';
import { DIFFABLE_EVENTS, PULL_REQUEST_EVENTS } from './event.js';
import { readChangesFromGit, readPrefix, type GitRunner } from './git-source.js';

export type { GitRunner } from './git-source.js';

export interface ResolveChangeSetOptions {
  event: EventContext;
  /** Git in the workspace; `undefined` when there is no clone. */
  git?: GitRunner;
  /** `undefined` without a token. */
  github?: GitHubClient;
  log: Logger;
  /** Keep the added and removed lines' text on each file (the integrity gate reads them). */
  text?: boolean;
  /**
   * Only from git: the caller wants the changed lines only when they cost no API call (a figure
   * nobody set a bar on). When git cannot give them, a `ConfigError` says why.
   */
  ifFree?: boolean;
}

const includes = (list: readonly string[], name: string): boolean => list.includes(name);

/**
 * `undefined` for events without a diff: unsupported events, a push that created a branch (no
 * base) or deleted a ref (no head). Gates decide what that means for them.
 */
export async function resolveChangeSet(options: ResolveChangeSetOptions): Promise<ChangeSet | undefined> {
  const { event, git, log, ifFree } = options;
  const github = ifFree ? undefined : options.github;
  const textOption = { text: options.text === true };
  if (!includes(DIFFABLE_EVENTS, event.name)) return undefined;
  const { baseSha, headSha } = event;
  if (headSha === undefined || baseSha === undefined) {
    log.info(
      `This ${event.name} has no ${headSha === undefined ? 'head (a deleted ref)' : 'base (a new branch)'}: there are no changed lines to compare.`,
    );
    return undefined;
  }
  const commits = { name: event.name, baseSha, headSha };
  let whyNotGit = 'there is no git clone';
  if (git) {
    const changes = await readChangesFromGit(git, commits, log, textOption);
    if (typeof changes !== 'string') return changes;
    whyNotGit = changes;
  }
  if (github && event.repository) {
    const prefix = git ? await readPrefix(git) : '';
    const isPullRequest = includes(PULL_REQUEST_EVENTS, event.name);
    return readChangesFromApi(
      github,
      {
        ...commits,
        ...event.repository,
        ...(isPullRequest && event.pullNumber !== undefined ? { pullNumber: event.pullNumber } : {}),
        ...expectedFiles(event),
      },
      prefix,
      log,
      textOption,
    );
  }
  if (ifFree) {
    throw new ConfigError(
      `The changed lines of this ${event.name} are not in the clone (${whyNotGit}); they are read from the REST API only when a setting needs them.`,
    );
  }
  const noApi = github
    ? 'the repository is unknown (GITHUB_REPOSITORY is unset)'
    : 'no GitHub token is available';
  throw new ConfigError(
    `Cannot find the changed lines of this ${event.name}: ${whyNotGit} and ${noApi}; set \`fetch-depth: 0\` on actions/checkout, or provide \`github-token\`.`,
  );
}

/** `pull_request.changed_files` when the payload has a valid one. */
function expectedFiles(event: EventContext): { expectedFiles?: number } {
  const pr = event.payload.pull_request;
  const value =
    typeof pr === 'object' && pr !== null ? (pr as Record<string, unknown>).changed_files : undefined;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? { expectedFiles: value }
    : {};
}

/** One sentence for the summary: which source gave the changed lines, and whether they are partial. */
export function describeChangeSet(changeSet: ChangeSet): string {
  const range = `${changeSet.base.slice(0, 7)}...${changeSet.head.slice(0, 7)}`;
  const source =
    changeSet.source === 'git'
      ? `\`git diff ${range}\``
      : `the GitHub REST API (${range}; the clone lacked the history)`;
  const partial = changeSet.incomplete ? ` Incomplete: ${changeSet.incomplete}` : '';
  return `Changed lines of ${changeSet.files.length} files from ${source}.${partial}`;
}
