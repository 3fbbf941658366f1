/**
 * Fetches recently merged PRs for the delivery KPIs through the GitHub client (which retries,
 * throttles and times out). Pages of closed PRs are read newest-updated first until a page ends
 * before the window; each merged PR then costs two requests (size and reviews), so the sample is
 * capped and the cap is reported, keeping a run inside the shared token budget.
 */
import { GitHubApiError, type GitHubClient } from '@aeef/gate-result';
import type { PullSample, ReviewSample } from './github-kpis.js';

interface PullListItem {
  number: number;
  created_at: string;
  updated_at: string;
  merged_at: string | null;
  user: { login: string } | null;
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
}

export interface FetchedPulls {
  pulls: PullSample[];
  /** True when more merged PRs were in the window than `maxPulls`. */
  capped: boolean;
  requests: number;
}

const MAX_LIST_PAGES = 10;

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
    const { additions, deletions } = detail.data;
    pulls.push({
      number: pr.number,
      author: pr.user?.login ?? null,
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
  return { pulls, capped, requests };
}
