/**
 * The checkpoint's facts from the REST API: the PR's reviews (all pages), the logins of its commits'
 * authors and committers, and, for `org/team` approvers, team membership. Reads only through the
 * injected `GitHubClient` (retries, timeouts and pagination live there), like changes/api-source.ts,
 * so gates call it with their `GateIO` and tests with a local server. Every failure after retries is
 * a `ConfigError` naming the permission; no message holds the token.
 */
import { ConfigError, GitHubApiError, getErrorMessage } from '../errors.js';
import type { EventContext, GitHubClient } from '../gate.js';
import {
  approverTeams,
  evaluateCheckpoint,
  loginsNeedingTeams,
  type CheckpointFacts,
  type CheckpointResult,
  type Review,
  type TeamMembers,
} from './evaluate.js';
import type { ApprovalPolicy } from './settings.js';

/** GitHub lists at most this many commits of a PR; a longer PR's committers cannot all be known. */
export const PULL_COMMITS_CAP = 250;

export interface CheckpointIO {
  readonly github: GitHubClient | undefined;
  readonly event: EventContext;
}

const PERMISSION =
  "The human checkpoint reads the pull request's reviews and commits, which needs the `pull-requests: read` permission (in the workflow's `permissions:`).";

function apiFailure(what: string, error: unknown): ConfigError {
  const message = getErrorMessage(error).replace(/\.$/, '');
  return new ConfigError(`Could not read ${what}: ${message}. ${PERMISSION}`);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** One review of the API reduced to the checkpoint's shape; a deleted account (`user: null`) is no person. */
export function reviewOf(raw: unknown): Review {
  if (!isObject(raw)) throw new ConfigError('GitHub API returned a review that is not an object.');
  const user = isObject(raw.user) ? raw.user : undefined;
  return {
    id: typeof raw.id === 'number' ? raw.id : 0,
    login: str(user?.login) ?? '(deleted account)',
    type: str(user?.type) ?? 'missing',
    state: str(raw.state) ?? 'missing',
    commitId: str(raw.commit_id),
    submittedAt: str(raw.submitted_at),
    authorAssociation: str(raw.author_association) ?? '',
  };
}

function pullOf(event: EventContext): {
  owner: string;
  repo: string;
  pull: number;
  head: string;
  author: string;
} {
  const pr = isObject(event.payload.pull_request) ? event.payload.pull_request : undefined;
  const author = isObject(pr?.user) ? str(pr.user.login) : null;
  if (
    event.pullNumber === undefined ||
    event.headSha === undefined ||
    event.repository === undefined ||
    author === null
  ) {
    throw new ConfigError(
      `The human checkpoint needs a pull request, and the ${event.name} event names none (with its number, head commit and author); run the gate on pull_request and pull_request_review events.`,
    );
  }
  return { ...event.repository, pull: event.pullNumber, head: event.headSha, author };
}

async function readCommitters(github: GitHubClient, where: Json, pull: number): Promise<string[]> {
  let commits: unknown[];
  try {
    commits = await github.paginate<unknown>('GET /repos/{owner}/{repo}/pulls/{pull_number}/commits', where);
  } catch (error) {
    throw apiFailure(`the commits of pull request #${pull}`, error);
  }
  if (commits.length >= PULL_COMMITS_CAP) {
    throw new ConfigError(
      `Pull request #${pull} has ${PULL_COMMITS_CAP} or more commits, more than GitHub lists, so not every committer is known and \`approver-not-committer\` cannot be checked; squash the branch or set \`approver-not-committer: false\`.`,
    );
  }
  const logins = new Set<string>();
  for (const commit of commits) {
    if (!isObject(commit)) continue;
    for (const who of [commit.author, commit.committer]) {
      const login = isObject(who) ? str(who.login) : null;
      if (login !== null) logins.add(login);
    }
  }
  return [...logins];
}

const TEAM_HINT =
  "the workflow token cannot read an organisation's teams; give `github-token` a token with `read:org` (a classic token) or the organisation `members: read` permission (a GitHub App), or list the logins instead";

async function readTeam(github: GitHubClient, team: string, logins: readonly string[]): Promise<TeamMembers> {
  const [org = '', slug = ''] = team.split('/');
  try {
    await github.request('GET /orgs/{org}/teams/{team_slug}', { org, team_slug: slug });
  } catch (error) {
    if (
      error instanceof GitHubApiError &&
      (error.status === 403 || error.status === 404 || error.status === 401)
    ) {
      return { readable: false, reason: `GitHub answered ${error.status} for the team: ${TEAM_HINT}.` };
    }
    throw apiFailure(`the team ${team}`, error);
  }
  const members: string[] = [];
  for (const username of logins) {
    try {
      const response = await github.request<{ state?: unknown }>(
        'GET /orgs/{org}/teams/{team_slug}/memberships/{username}',
        { org, team_slug: slug, username },
      );
      if (response.data.state === 'active') members.push(username);
    } catch (error) {
      if (error instanceof GitHubApiError && error.status === 404) continue;
      if (error instanceof GitHubApiError && (error.status === 403 || error.status === 401)) {
        return { readable: false, reason: `GitHub answered ${error.status} for a membership: ${TEAM_HINT}.` };
      }
      throw apiFailure(`the membership of team ${team}`, error);
    }
  }
  return { readable: true, members };
}

/** Reads the facts of the event's pull request; throws `ConfigError` when they cannot all be read. */
export async function readCheckpointFacts(
  io: CheckpointIO,
  policy: ApprovalPolicy,
): Promise<CheckpointFacts> {
  const { owner, repo, pull, head, author } = pullOf(io.event);
  const github = io.github;
  if (github === undefined) {
    throw new ConfigError(
      `The human checkpoint needs a GitHub token to read the reviews (\`github-token\`). ${PERMISSION}`,
    );
  }
  const where = { owner, repo, pull_number: pull };
  let raw: unknown[];
  try {
    raw = await github.paginate<unknown>('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', where);
  } catch (error) {
    throw apiFailure(`the reviews of pull request #${pull}`, error);
  }
  const reviews = raw.map(reviewOf);
  const committers = policy.approverNotCommitter ? await readCommitters(github, where, pull) : [];
  const facts: CheckpointFacts = { headSha: head, author, committers, reviews };
  const needing = loginsNeedingTeams(facts, policy);
  if (needing.length > 0) {
    const teams: Record<string, TeamMembers> = {};
    for (const team of approverTeams(policy)) teams[team] = await readTeam(github, team, needing);
    facts.teams = teams;
  }
  return facts;
}

/** Reads and decides: the one call a gate makes when its change needs a person. */
export async function checkHumanCheckpoint(
  io: CheckpointIO,
  policy: ApprovalPolicy,
): Promise<CheckpointResult> {
  return evaluateCheckpoint(await readCheckpointFacts(io, policy), policy);
}
