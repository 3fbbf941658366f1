/**
 * Fetches recently merged PRs for the delivery KPIs through the GitHub client (which retries,
 * throttles and times out). Pages of closed PRs are read newest-updated first until a page ends
 * before the window; each merged PR then costs two requests (size and reviews), so the sample is
 * capped and the cap is reported, keeping a run inside the shared token budget. The provenance of
 * each PR comes from the list (author, body, labels); a PR the list does not show as AI-involved
 * costs one more request for its first 100 commits (their trailers), for at most
 * `maxCommitPulls` PRs, the most recent first.
 */
import { GitHubApiError, type GitHubClient } from '@aeef/gate-result';
import type { PullSample, ReviewSample } from './github-kpis.js';
import { commitFromApi, toolsOfCommits, toolsOfListedPull } from './pull-provenance.js';
import type { CommitFacts } from '@aeef/action-provenance/classify';
import type { IdentityMatcher } from '@aeef/action-provenance/identities';

interface PullListItem {
  number: number;
  created_at: string;
  updated_at: string;
  merged_at: string | null;
  user: { login: string; type?: string } | null;
  title?: string | null;
  body?: string | null;
  labels?: ({ name?: string } | string)[] | null;
}
interface PullDetail {
  additions?: number;
  deletions?: number;
}
interface Review {
  state: string;
  submitted_at?: string | null;
  user: { login: string; type?: string } | null;
}

export interface FetchPullsOptions {
  owner: string;
  repo: string;
  windowDays: number;
  /** End of the window (ms since epoch). */
  until: number;
  maxPulls: number;
  /** PRs (not AI-involved by the list) whose commits are read for trailers; 0: none. */
  maxCommitPulls: number;
  /** The identity table; default: the built-in one. */
  match?: IdentityMatcher;
}

export interface FetchedPulls {
  pulls: PullSample[];
  /** True when more merged PRs were in the window than `maxPulls`. */
  capped: boolean;
  requests: number;
  /** PRs whose commits were read. */
  commitsFetched: number;
  /** PRs not AI-involved by the list whose commits were not read (beyond `maxCommitPulls`). */
  commitsSkipped: number;
}

const MAX_LIST_PAGES = 10;
/** One page of a PR's commits: trailers sit in every commit of an assisted PR, not only its 101st. */
const COMMITS_PER_PULL = 100;

export async function fetchMergedPulls(
  github: GitHubClient,
  options: FetchPullsOptions,
): Promise<FetchedPulls> {
  const since = options.until - options.windowDays * 86_400_000;
  const base = { owner: options.owner, repo: options.repo };
  let requests = 0;
  const merged: PullListItem[] = [];
  let capped = false;
  for (let page = 1; page <= MAX_LIST_PAGES; page++) {
    const response = await github.request<PullListItem[]>('GET /repos/{owner}/{repo}/pulls', {
      ...base,
      state: 'closed',
      sort: 'updated',
      direction: 'desc',
      per_page: 100,
      page,
    });
    requests++;
    if (!Array.isArray(response.data))
      throw new GitHubApiError(response.status, 'The GitHub API returned an unexpected pull request list.');
    for (const pr of response.data) {
      const mergedAt = pr.merged_at === null ? NaN : Date.parse(pr.merged_at);
      if (mergedAt >= since && mergedAt <= options.until) merged.push(pr);
    }
    const last = response.data.at(-1);
    // Sorted by update time: once a page ends before the window, no later page can hold a merge in it.
    if (response.data.length < 100 || last === undefined || Date.parse(last.updated_at) < since) break;
    if (page === MAX_LIST_PAGES) capped = true;
  }
  merged.sort((a, b) => Date.parse(b.merged_at ?? '') - Date.parse(a.merged_at ?? ''));
  if (merged.length > options.maxPulls) capped = true;
  const chosen = merged.slice(0, options.maxPulls);

  const pulls: PullSample[] = [];
  let commitsFetched = 0;
  let commitsSkipped = 0;
  for (const pr of chosen) {
    const detail = await github.request<PullDetail>('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      ...base,
      pull_number: pr.number,
    });
    const reviews = await github.paginate<Review>('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
      ...base,
      pull_number: pr.number,
      per_page: 100,
    });
    requests += 2;
    let tools = toolsOfListedPull(
      {
        number: pr.number,
        authorLogin: pr.user?.login ?? '',
        authorType: pr.user?.type ?? '',
        title: pr.title ?? '',
        body: pr.body ?? '',
        labels: (pr.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
      },
      options.match,
    );
    let aiEvidence: PullSample['aiEvidence'] = tools.length > 0 ? 'pull' : undefined;
    if (tools.length === 0 && commitsFetched < options.maxCommitPulls) {
      const commits = await github.request<unknown[]>(
        'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits',
        {
          ...base,
          pull_number: pr.number,
          per_page: COMMITS_PER_PULL,
        },
      );
      requests++;
      commitsFetched++;
      if (!Array.isArray(commits.data))
        throw new GitHubApiError(
          commits.status,
          `The GitHub API returned an unexpected commit list for #${pr.number}.`,
        );
      tools = toolsOfCommits(
        commits.data.map(commitFromApi).filter((c): c is CommitFacts => c !== undefined),
        options.match,
      );
      if (tools.length > 0) aiEvidence = 'commits';
    } else if (tools.length === 0) commitsSkipped++;
    const { additions, deletions } = detail.data;
    pulls.push({
      number: pr.number,
      author: pr.user?.login ?? null,
      aiInvolved: tools.length > 0,
      ...(aiEvidence !== undefined && { aiEvidence }),
      tools,
      createdAt: pr.created_at,
      mergedAt: pr.merged_at ?? pr.created_at,
      changedLines:
        typeof additions === 'number' && typeof deletions === 'number' ? additions + deletions : null,
      reviews: reviews.map((r): ReviewSample => ({
        state: r.state,
        submittedAt: r.submitted_at ?? null,
        author: r.user?.login ?? null,
        authorIsBot: r.user?.type === 'Bot' || (r.user?.login.endsWith('[bot]') ?? false),
      })),
    });
  }
  return { pulls, capped, requests, commitsFetched, commitsSkipped };
}
