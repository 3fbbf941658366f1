/**
 * Collection (through GateIO only): the commits of the pull request or push (git first, with
 * NUL-separated fields so no message can forge a field; the REST API as fallback, all pages), the
 * pull request from the event payload, and the repository's PR template.
 */
import { ConfigError, MissingReportError, getErrorMessage } from '@aeef/gate-result';
import type { GateIO } from '@aeef/gate-result';
import type { CommitFacts, PullFacts } from './classify.js';
import { TEMPLATE_PATHS } from './disclosure.js';

/** A range longer than this is not a pull request a person reviews; the gate says so instead of guessing. */
export const MAX_COMMITS = 1000;
/** GitHub lists at most this many commits of a pull request. */
export const PULL_COMMITS_CAP = 250;

export interface CommitRange {
  source: 'git' | 'api';
  base: string;
  head: string;
  commits: CommitFacts[];
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The fields of one commit, in the order of LOG_FORMAT. */
const FIELDS = 7;
export const LOG_FORMAT = '%H%x00%an%x00%ae%x00%cn%x00%ce%x00%P%x00%B';

/** Parses `git log -z --format=LOG_FORMAT`: seven NUL-separated fields per commit, NUL-terminated. */
export function parseGitLog(text: string): Omit<CommitFacts, 'additions' | 'deletions'>[] {
  const parts = text.split('\0');
  if (parts.at(-1) === '') parts.pop();
  if (parts.length % FIELDS !== 0)
    throw new ConfigError('git log gave commit records that do not split into their fields.');
  const commits: Omit<CommitFacts, 'additions' | 'deletions'>[] = [];
  for (let i = 0; i < parts.length; i += FIELDS) {
    // -z puts the commit separator before the next record: a leading newline is git's, not the message's.
    const [sha = '', an = '', ae = '', cn = '', ce = '', parents = '', message = ''] = parts
      .slice(i, i + FIELDS)
      .map((p, j) => (j === 0 ? p.trim() : p));
    if (!SHA.test(sha)) throw new ConfigError('git log gave a commit record without a commit id.');
    commits.push({
      sha: sha,
      authorName: an,
      authorEmail: ae,
      committerName: cn,
      committerEmail: ce,
      parents: parents.trim() === '' ? 0 : parents.trim().split(/\s+/).length,
      message: message,
    });
  }
  return commits;
}

/** Parses `git log --numstat --format=@@@%H`: added lines per commit (binary files count 0). */
export function parseNumstat(text: string): Map<string, { additions: number; deletions: number }> {
  const stats = new Map<string, { additions: number; deletions: number }>();
  let current: { additions: number; deletions: number } | undefined;
  for (const line of text.split('\n')) {
    const commit = /^@@@([0-9a-f]{40,64})$/.exec(line);
    if (commit) {
      current = { additions: 0, deletions: 0 };
      stats.set(commit[1] ?? '', current);
      continue;
    }
    const counts = /^(\d+|-)\t(\d+|-)\t/.exec(line);
    if (counts && current) {
      current.additions += counts[1] === '-' ? 0 : Number(counts[1]);
      current.deletions += counts[2] === '-' ? 0 : Number(counts[2]);
    }
  }
  return stats;
}

async function fromGit(io: GateIO, base: string, head: string): Promise<CommitRange> {
  const mergeBase = (await io.git(['merge-base', base, head])).trim();
  const range = `${mergeBase}..${head}`;
  const count = Number((await io.git(['rev-list', '--count', range])).trim());
  if (!Number.isInteger(count)) throw new ConfigError('git rev-list gave no commit count.');
  if (count > MAX_COMMITS) {
    throw new ConfigError(
      `The range ${range.slice(0, 12)}… has ${count} commits, more than the ${MAX_COMMITS} the provenance gate reads; run it on pull requests.`,
    );
  }
  const log = parseGitLog(await io.git(['log', '-z', '--reverse', `--format=${LOG_FORMAT}`, range]));
  if (log.length !== count)
    throw new ConfigError(`git log listed ${log.length} of the ${count} commits of the range.`);
  const numstat = parseNumstat(
    await io.git([
      '-c',
      'core.quotePath=true',
      'log',
      '--reverse',
      '--no-renames',
      '--numstat',
      '--format=@@@%H',
      range,
    ]),
  );
  return {
    source: 'git',
    base: mergeBase,
    head,
    commits: log.map((c) => ({ ...c, ...(numstat.get(c.sha) ?? { additions: 0, deletions: 0 }) })),
  };
}

async function fromApi(io: GateIO, base: string, head: string, why: string): Promise<CommitRange> {
  const github = io.github;
  const repo = io.event.repository;
  const pull = io.event.pullNumber;
  if (github === undefined || repo === undefined || pull === undefined) {
    throw new ConfigError(
      `The provenance gate could not read the commits from git (${why}) and has no pull request and token for the API; check out the history (actions/checkout with fetch-depth: 0).`,
    );
  }
  const where = { owner: repo.owner, repo: repo.repo, pull_number: pull };
  let raw: unknown[];
  try {
    raw = await github.paginate<unknown>('GET /repos/{owner}/{repo}/pulls/{pull_number}/commits', where);
  } catch (error) {
    throw new ConfigError(
      `Could not read the commits of pull request #${pull}: ${getErrorMessage(error).replace(/\.$/, '')}. The gate needs \`pull-requests: read\`, or the history checked out (fetch-depth: 0).`,
    );
  }
  if (raw.length >= PULL_COMMITS_CAP) {
    throw new ConfigError(
      `Pull request #${pull} has ${PULL_COMMITS_CAP} or more commits, more than GitHub lists; check out the history (fetch-depth: 0) so git gives them all.`,
    );
  }
  const commits: CommitFacts[] = [];
  for (const item of raw) {
    if (!isObject(item) || !SHA.test(str(item.sha)) || !isObject(item.commit))
      throw new ConfigError(`GitHub API returned a commit of pull request #${pull} without its id.`);
    const commit = item.commit;
    const author = isObject(commit.author) ? commit.author : {};
    const committer = isObject(commit.committer) ? commit.committer : {};
    const parents = Array.isArray(item.parents) ? item.parents.length : 1;
    let additions = 0;
    let deletions = 0;
    if (parents <= 1) {
      // The pulls list carries no line counts: one request per commit, bounded by the cap above.
      try {
        const detail = await github.request<{ stats?: { additions?: unknown; deletions?: unknown } }>(
          'GET /repos/{owner}/{repo}/commits/{ref}',
          { owner: repo.owner, repo: repo.repo, ref: str(item.sha) },
        );
        additions = Number(detail.data.stats?.additions ?? NaN);
        deletions = Number(detail.data.stats?.deletions ?? NaN);
      } catch (error) {
        throw new ConfigError(
          `Could not read commit ${str(item.sha).slice(0, 7)}: ${getErrorMessage(error)}`,
        );
      }
      if (!Number.isInteger(additions) || !Number.isInteger(deletions))
        throw new ConfigError(
          `GitHub API returned commit ${str(item.sha).slice(0, 7)} without its line counts.`,
        );
    }
    const authorLogin = isObject(item.author) ? str(item.author.login) : '';
    const committerLogin = isObject(item.committer) ? str(item.committer.login) : '';
    commits.push({
      sha: str(item.sha),
      authorName: str(author.name),
      authorEmail: str(author.email),
      committerName: str(committer.name),
      committerEmail: str(committer.email),
      ...(authorLogin === '' ? {} : { authorLogin }),
      ...(committerLogin === '' ? {} : { committerLogin }),
      message: str(commit.message),
      parents,
      additions,
      deletions,
    });
  }
  return { source: 'api', base, head, commits };
}

/** The commits of this event's pull request or push. */
export async function readCommits(io: GateIO): Promise<CommitRange> {
  const { baseSha: base, headSha: head } = io.event;
  if (base === undefined || head === undefined) {
    throw new ConfigError(
      `The provenance gate reads the commits of a pull request, merge group or push, but this ${io.event.name} event names no range (run it on pull_request).`,
    );
  }
  try {
    return await fromGit(io, base, head);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    return fromApi(io, base, head, getErrorMessage(error).split('\n')[0]?.slice(0, 200) ?? 'git failed');
  }
}

/** The pull request of the payload, or undefined on other events. */
export function pullOf(io: GateIO): PullFacts | undefined {
  const pr = io.event.payload.pull_request;
  if (!isObject(pr) || io.event.pullNumber === undefined) return undefined;
  const user = isObject(pr.user) ? pr.user : {};
  const labels = Array.isArray(pr.labels)
    ? pr.labels.map((l) => (isObject(l) ? str(l.name) : '')).filter((l) => l !== '')
    : [];
  return {
    number: io.event.pullNumber,
    authorLogin: str(user.login),
    authorType: str(user.type),
    body: str(pr.body),
    labels,
    title: str(pr.title),
  };
}

/** The repository's pull request template, when it has one in the checkout. */
export async function readTemplate(io: GateIO): Promise<string | undefined> {
  for (const file of TEMPLATE_PATHS) {
    try {
      return await io.readText(file, { maxBytes: 256 * 1024 });
    } catch (error) {
      if (error instanceof MissingReportError) continue;
      throw error;
    }
  }
  return undefined;
}
