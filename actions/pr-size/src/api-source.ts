/**
 * Counts from the REST API when the clone cannot (shallow checkout, `pull_request_target`): the
 * PR's files, all pages, cross-checked against the PR's own totals. The files endpoint lists at
 * most 3,000 files, so anything it cannot show completely counts as over the limit.
 */
import { ConfigError } from '@aeef/gate-result';
import type { GateIO, GitHubClient } from '@aeef/gate-result';
import { API_FILE_CAP, parseFileEntry, parsePull } from './api-files.js';
import type { ApiPull } from './api-files.js';
import type { LinguistAttributes } from './check-attr.js';
import { readCheckoutAttributes } from './checkout-attributes.js';
import { readRootAttributes } from './gitattributes-api.js';
import type { AttributesSource, DiffFile, Incompleteness, SizeModel } from './model.js';
import type { PullTotals, SizeTarget } from './pr-event.js';

/** The pieces of the API path, for the request routes. */
export interface PullRef {
  owner: string;
  repo: string;
  pullNumber: number;
}

/** The GitHub client, or a ConfigError saying what to set: the count cannot be made without it. */
export function requireGitHub(io: GateIO, why: string): GitHubClient {
  if (!io.github)
    throw new ConfigError(
      `The pr-size gate needs the GitHub API ${why}; set the \`github-token\` input (default: the workflow token).`,
    );
  return io.github;
}

export function pullRefOf(target: SizeTarget): PullRef {
  if (target.pullNumber === undefined || !target.owner || !target.repo) {
    throw new ConfigError(
      `Expected the ${target.event} event to name a repository and a pull request; the REST API cannot count without them.`,
    );
  }
  return { owner: target.owner, repo: target.repo, pullNumber: target.pullNumber };
}

function sum(files: readonly DiffFile[], key: 'additions' | 'deletions'): number {
  return files.reduce((n, f) => n + f[key], 0);
}

/** Why the listed files cannot be the whole PR, or `undefined` when they add up. */
export function checkCompleteness(
  files: readonly DiffFile[],
  totals: PullTotals,
): Incompleteness | undefined {
  const reason =
    totals.changedFiles > API_FILE_CAP
      ? `the PR changes ${totals.changedFiles} files and the API lists at most ${API_FILE_CAP}`
      : files.length !== totals.changedFiles
        ? `the API listed ${files.length} files but the PR reports ${totals.changedFiles}`
        : sum(files, 'additions') !== totals.additions || sum(files, 'deletions') !== totals.deletions
          ? `the listed files add up to +${sum(files, 'additions')}/-${sum(files, 'deletions')} but the PR reports +${totals.additions}/-${totals.deletions}`
          : undefined;
  return reason === undefined ? undefined : { reason, ...totals };
}

/**
 * The payload was written for the same head: its totals must agree with the API's, or one of the
 * two is short (RELIABILITY D7: payload `changed_files` above the listed files).
 */
export function checkPayload(target: SizeTarget, pull: ApiPull): Incompleteness | undefined {
  const payload = target.totals;
  if (!payload || pull.headSha !== target.headSha) return undefined;
  const same =
    payload.changedFiles === pull.totals.changedFiles &&
    payload.additions === pull.totals.additions &&
    payload.deletions === pull.totals.deletions;
  if (same) return undefined;
  const max = (a: number, b: number): number => Math.max(a, b);
  return {
    reason: `the event payload reports ${payload.changedFiles} files (+${payload.additions}/-${payload.deletions}) but the API ${pull.totals.changedFiles} (+${pull.totals.additions}/-${pull.totals.deletions}) for the same head`,
    additions: max(payload.additions, pull.totals.additions),
    deletions: max(payload.deletions, pull.totals.deletions),
    changedFiles: max(payload.changedFiles, pull.totals.changedFiles),
  };
}

/** From the PR's checkout when the workspace is one, else the root .gitattributes from the API. */
async function readApiModeAttributes(
  io: GateIO,
  target: SizeTarget,
  github: GitHubClient,
  ref: PullRef,
  headSha: string,
  files: readonly DiffFile[],
): Promise<{ attributes: Map<string, LinguistAttributes>; source: AttributesSource; note?: string }> {
  const paths = files.filter((f) => !f.binary).map((f) => f.path);
  const checkout = paths.length > 0 ? await readCheckoutAttributes(io, target, paths) : undefined;
  if (checkout) return { attributes: checkout.attributes, source: 'git check-attr', note: checkout.note };
  return readRootAttributes(github, ref, headSha, files);
}

/** Reads the PR (fresh: the payload may be older than the files list). */
export async function fetchPull(github: GitHubClient, ref: PullRef): Promise<ApiPull> {
  const response = await github.request<unknown>('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    owner: ref.owner,
    repo: ref.repo,
    pull_number: ref.pullNumber,
  });
  return parsePull(response.data);
}

/** The count from the API; `reason` says why git did not count (for the summary). */
export async function countFromApi(
  io: GateIO,
  target: SizeTarget,
  reason: string,
): Promise<SizeModel & { pull: ApiPull }> {
  const github = requireGitHub(io, `to count this PR (${reason})`);
  const ref = pullRefOf(target);
  const pull = await fetchPull(github, ref);
  const notes = [`The REST API counted because ${reason}.`];
  if (pull.headSha !== target.headSha)
    notes.push(
      `The PR head moved to ${pull.headSha.slice(0, 7)} since this run started; the API counted the newer head.`,
    );
  let files: DiffFile[] = [];
  // Past the cap the list is known to be short: do not spend 30 requests to learn it again.
  if (pull.totals.changedFiles <= API_FILE_CAP) {
    const entries = await github.paginate<unknown>(
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
      { owner: ref.owner, repo: ref.repo, pull_number: ref.pullNumber, per_page: 100 },
      { expectedItems: pull.totals.changedFiles },
    );
    files = entries.map((entry, i) => parseFileEntry(entry, i));
  }
  const incomplete = checkCompleteness(files, pull.totals) ?? checkPayload(target, pull);
  // An incomplete count fails whatever the attributes say: spare the request.
  const { attributes, source, note } = incomplete
    ? { attributes: new Map(), source: 'not applied' as const, note: undefined }
    : await readApiModeAttributes(io, target, github, ref, pull.headSha, files);
  if (note) notes.push(note);
  return {
    source: 'api',
    range: `PR #${ref.pullNumber} at ${pull.headSha.slice(0, 7)}`,
    files,
    attributes,
    attributesSource: source,
    ...(incomplete ? { incomplete } : {}),
    notes,
    pull,
  };
}
