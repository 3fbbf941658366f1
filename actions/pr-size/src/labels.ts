/**
 * The optional `size/*` label. It is an extra: a read-only token (fork PRs, Dependabot) or any
 * other failure to label leaves a notice and the verdict as it was.
 */
import { getErrorMessage } from '@aeef/gate-result';
import type { Finding, GitHubClient } from '@aeef/gate-result';
import type { PullRef } from './api-source.js';
import { isSizeLabel, sizeLabel } from './sizes.js';
import type { SizeName } from './sizes.js';

export interface LabelOutcome {
  finding?: Finding;
  note: string;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

async function currentLabels(github: GitHubClient, ref: PullRef): Promise<string[]> {
  const response = await github.request<unknown>('GET /repos/{owner}/{repo}/issues/{issue_number}/labels', {
    owner: ref.owner,
    repo: ref.repo,
    issue_number: ref.pullNumber,
    per_page: 100,
  });
  const data = Array.isArray(response.data) ? (response.data as unknown[]) : [];
  return data
    .map((l) => (typeof l === 'object' && l !== null ? (l as { name?: unknown }).name : undefined))
    .filter((n): n is string => typeof n === 'string');
}

/** Sets `size/<size>` and removes the other `size/*` labels; `labels` saves a request when known. */
export async function applySizeLabel(
  github: GitHubClient,
  ref: PullRef,
  size: SizeName,
  labels?: readonly string[],
): Promise<LabelOutcome> {
  const wanted = sizeLabel(size);
  try {
    const present = labels ?? (await currentLabels(github, ref));
    for (const stale of present.filter((l) => isSizeLabel(l) && l !== wanted)) {
      await github.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', {
        owner: ref.owner,
        repo: ref.repo,
        issue_number: ref.pullNumber,
        name: stale,
      });
    }
    if (!present.includes(wanted)) {
      await github.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
        owner: ref.owner,
        repo: ref.repo,
        issue_number: ref.pullNumber,
        labels: [wanted],
      });
    }
    return { note: `Label ${wanted} is set.` };
  } catch (error) {
    const status = statusOf(error);
    const message =
      status === 403
        ? `The ${wanted} label was not set: the token is read-only here (fork or Dependabot PR; labels need pull-requests: write). The verdict stands.`
        : `The ${wanted} label was not set (${getErrorMessage(error)}). The verdict stands.`;
    return {
      note: message,
      finding: { level: status === 403 ? 'notice' : 'warning', title: 'PR size label', message },
    };
  }
}
