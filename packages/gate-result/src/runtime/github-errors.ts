/**
 * Turns whatever Octokit threw into a `GitHubApiError` that says what to fix in one line. Only the
 * status and a few named headers are read; the message never holds headers, bodies, URLs with
 * queries or the token (RELIABILITY D1, E12, E13).
 */
import { GitHubApiError } from '../errors.js';

interface HttpErrorShape {
  status?: unknown;
  response?: { headers?: Record<string, unknown> };
  message?: unknown;
}

/** A short, printable label for a route template such as `GET /repos/{owner}/{repo}/pulls/{pull_number}/files`. */
export function routeLabel(route: string): string {
  const clean = (route.split('?')[0] ?? '').replace(/[^\x20-\x7e]/g, '_');
  return clean.length > 120 ? `${clean.slice(0, 117)}...` : clean;
}

/** The permission a route needs, for the 403 hint. */
function permissionFor(route: string): string {
  const write = !/^(GET|HEAD)\b/.test(route);
  const scope = /\/pulls\b/.test(route)
    ? 'pull-requests'
    : /\/(issues|labels)\b/.test(route)
      ? 'issues'
      : 'contents';
  return `${scope}: ${write ? 'write' : 'read'}`;
}

function isRateLimited(error: HttpErrorShape): boolean {
  const headers = error.response?.headers ?? {};
  if (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined) return true;
  return typeof error.message === 'string' && /\brate limit/i.test(error.message);
}

/** Classifies an error thrown while calling `route`; a `GitHubApiError` passes through unchanged. */
export function toGitHubApiError(error: unknown, route: string, timeoutMs: number): GitHubApiError {
  if (error instanceof GitHubApiError) return error;
  const label = `GitHub API ${routeLabel(route)}`;
  const shape = (typeof error === 'object' && error !== null ? error : {}) as HttpErrorShape;
  const status = typeof shape.status === 'number' ? shape.status : undefined;
  const responded = shape.response !== undefined;
  if (status === undefined || !responded) {
    return new GitHubApiError(
      undefined,
      `${label} failed: no response from GitHub (network error or no answer within ${Math.round(timeoutMs / 1000)} s), also after retries.`,
    );
  }
  switch (true) {
    case status === 401:
      return new GitHubApiError(
        status,
        `${label} failed with 401: the token is invalid or expired; check the \`github-token\` input.`,
      );
    case (status === 403 || status === 429) && isRateLimited(shape):
      return new GitHubApiError(
        status,
        `${label} failed with ${status}: rate-limited by GitHub and the limit does not reset within the time budget; re-run the job later.`,
      );
    case status === 403:
      return new GitHubApiError(
        status,
        `${label} failed with 403: the token lacks the \`${permissionFor(route)}\` permission (set it in the workflow's \`permissions:\`) or is rate-limited.`,
      );
    case status === 404:
      return new GitHubApiError(
        status,
        `${label} failed with 404: not found, or the token has no access to the repository.`,
      );
    case status === 422:
      return new GitHubApiError(
        status,
        `${label} failed with 422: GitHub could not process the request (an unknown commit, or a diff too large to compute).`,
      );
    case status >= 500:
      return new GitHubApiError(
        status,
        `${label} failed with ${status} after retries; GitHub may be unavailable, re-run the job.`,
      );
    default:
      return new GitHubApiError(status, `${label} failed with ${status}.`);
  }
}
