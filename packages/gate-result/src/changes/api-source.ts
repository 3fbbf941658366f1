/**
 * Changed lines from the REST API, for clones without the base commit: the pull request's files
 * (all pages), or the compare endpoint for pushes and merge groups. The API caps both lists and
 * withholds large patches, so the result says when it is incomplete instead of looking small.
 */
import { ConfigError } from '../errors.js';
import type { ChangedFile, ChangeSet, ChangeStatus, GitHubClient, Logger } from '../gate.js';
import { parsePatch } from './hunks.js';

/** GitHub lists at most this many files of a pull request (REST `pulls/{n}/files`). */
export const PULL_FILES_CAP = 3000;
/** ... and of a comparison (REST `compare/{base}...{head}`, first page only). */
export const COMPARE_FILES_CAP = 300;

const STATUSES: Record<string, ChangeStatus> = {
  added: 'added',
  modified: 'modified',
  changed: 'modified', // mode change only
  unchanged: 'modified',
  removed: 'deleted',
  renamed: 'renamed',
  copied: 'copied',
};

export interface ApiTarget {
  name: string;
  owner: string;
  repo: string;
  baseSha: string;
  headSha: string;
  pullNumber?: number;
  /** `pull_request.changed_files` of the payload, to detect a truncated list. */
  expectedFiles?: number;
}

/** Reads the change set through `github`; `prefix` is the workspace's folder inside the repository. */
export async function readChangesFromApi(
  github: GitHubClient,
  target: ApiTarget,
  prefix: string,
  log: Logger,
  options: { text?: boolean } = {},
): Promise<ChangeSet> {
  const reasons: string[] = [];
  let partialList = false;
  let entries: unknown[];
  if (target.pullNumber !== undefined) {
    entries = await github.paginate<unknown>(
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
      { owner: target.owner, repo: target.repo, pull_number: target.pullNumber, per_page: 100 },
      { expectedItems: Math.min(target.expectedFiles ?? PULL_FILES_CAP, PULL_FILES_CAP) },
    );
    if (entries.length >= PULL_FILES_CAP) {
      reasons.push(`GitHub lists at most ${PULL_FILES_CAP} files of a pull request`);
      partialList = true;
    } else if (target.expectedFiles !== undefined && entries.length < target.expectedFiles) {
      reasons.push(`the API listed ${entries.length} of the ${target.expectedFiles} changed files`);
      partialList = true;
    }
  } else {
    const response = await github.request<unknown>('GET /repos/{owner}/{repo}/compare/{basehead}', {
      owner: target.owner,
      repo: target.repo,
      basehead: `${target.baseSha}...${target.headSha}`,
    });
    const files =
      typeof response.data === 'object' && response.data !== null
        ? (response.data as { files?: unknown }).files
        : undefined;
    if (!Array.isArray(files)) throw malformed('the comparison', 'a `files` list');
    entries = files;
    if (entries.length >= COMPARE_FILES_CAP) {
      reasons.push(`GitHub's compare API lists at most ${COMPARE_FILES_CAP} files`);
      partialList = true;
    }
  }
  const files: ChangedFile[] = [];
  const withheld: string[] = [];
  entries.forEach((entry, index) => {
    const file = toChangedFile(entry, index, options.text === true);
    const local = relativeTo(file, prefix);
    if (!local) return;
    files.push(local);
    if (local.linesUnknown) withheld.push(local.path);
  });
  if (withheld.length > 0)
    reasons.push(
      `${withheld.length} files have no patch in the API response (too large), so their changed lines are unknown: ${listSome(withheld)}`,
    );
  const source = target.pullNumber === undefined ? 'compare' : `pull request #${target.pullNumber}`;
  log.info(
    `Changed lines from the GitHub API (${source}): ${files.length} files${reasons.length ? ', incomplete' : ''}.`,
  );
  const changeSet: ChangeSet = {
    source: 'api',
    event: target.name,
    base: target.baseSha,
    head: target.headSha,
    files,
  };
  if (reasons.length > 0) changeSet.incomplete = `${reasons.join('; ')}.`;
  if (partialList) changeSet.partialList = true;
  return changeSet;
}

/** The first few names of a list, and how many more. */
function listSome(names: readonly string[], shown = 5): string {
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `${head} and ${names.length - shown} more` : head;
}

function malformed(what: string, expected: string): ConfigError {
  return new ConfigError(`The GitHub API returned a malformed response for ${what}: expected ${expected}.`);
}

function count(entry: Record<string, unknown>, name: string, index: number): number {
  const value = entry[name];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw malformed(`changed file ${index + 1}`, `\`${name}\` to be a non-negative integer`);
  }
  return value;
}

function toChangedFile(entry: unknown, index: number, withText: boolean): ChangedFile {
  const what = `changed file ${index + 1}`;
  if (typeof entry !== 'object' || entry === null) throw malformed(what, 'an object');
  const record = entry as Record<string, unknown>;
  const { filename, previous_filename: previous, patch } = record;
  const status = typeof record.status === 'string' ? STATUSES[record.status] : undefined;
  if (typeof filename !== 'string' || filename === '') throw malformed(what, 'a `filename`');
  if (status === undefined) throw malformed(what, 'a known `status`');
  if (patch !== undefined && patch !== null && typeof patch !== 'string')
    throw malformed(what, '`patch` to be text');
  if (previous !== undefined && previous !== null && typeof previous !== 'string')
    throw malformed(what, 'a text `previous_filename`');
  const additions = count(record, 'additions', index);
  const deletions = count(record, 'deletions', index);
  const changes = count(record, 'changes', index);
  const hasPatch = typeof patch === 'string';
  const tally = hasPatch ? parsePatch(patch, withText) : undefined;
  const changed: ChangedFile = {
    path: filename,
    status,
    additions,
    deletions,
    // The API has no binary flag: a file with neither patch nor counted lines is taken as binary.
    binary:
      !hasPatch && changes === 0 && (status === 'added' || status === 'modified' || status === 'copied'),
    ranges: tally ? tally.ranges : [],
  };
  if (tally?.added) changed.added = tally.added;
  if (tally?.removed) changed.removed = tally.removed;
  if (typeof previous === 'string' && (status === 'renamed' || status === 'copied'))
    changed.previousPath = previous;
  if (!hasPatch && changes > 0) changed.linesUnknown = true;
  return changed;
}

/** Paths relative to the workspace folder; files outside it are dropped, as `git diff --relative` does. */
function relativeTo(file: ChangedFile, prefix: string): ChangedFile | undefined {
  if (prefix === '') return file;
  if (!file.path.startsWith(prefix)) return undefined;
  const local: ChangedFile = { ...file, path: file.path.slice(prefix.length) };
  delete local.previousPath;
  if (file.previousPath?.startsWith(prefix)) local.previousPath = file.previousPath.slice(prefix.length);
  return local;
}
