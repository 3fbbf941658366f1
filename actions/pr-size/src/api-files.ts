/**
 * Validates the REST API's view of a PR: the PR object (`GET /pulls/{n}`) and the entries of
 * `GET /pulls/{n}/files`. A field that is missing, null, negative or of the wrong type is an
 * error, never a zero.
 */
import { ConfigError } from '@aeef/gate-result';
import type { DiffFile } from './model.js';
import type { PullTotals } from './pr-event.js';

/** The files endpoint stops listing here, whatever the PR holds. */
export const API_FILE_CAP = 3000;

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(
      `Expected ${where} from the GitHub API to be an object, got ${value === null ? 'null' : typeof value}.`,
    );
  }
  return value as Record<string, unknown>;
}

function count(object: Record<string, unknown>, key: string, where: string): number {
  const value = object[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ConfigError(
      `Expected \`${key}\` of ${where} from the GitHub API to be a whole number of 0 or more, got ${JSON.stringify(value) ?? 'nothing'}.`,
    );
  }
  return value;
}

export interface ApiPull {
  totals: PullTotals;
  headSha: string;
  /** `undefined` when the response has no `labels` field (then they are fetched when needed). */
  labels?: string[];
}

/** The PR's own totals, head and labels. */
export function parsePull(data: unknown): ApiPull {
  const pr = record(data, 'the pull request');
  const where = 'the pull request';
  const head = record(pr.head, 'pull_request.head');
  if (typeof head.sha !== 'string')
    throw new ConfigError('Expected `head.sha` of the pull request from the GitHub API to be a string.');
  const labels = Array.isArray(pr.labels) ? (pr.labels as unknown[]) : undefined;
  return {
    totals: {
      additions: count(pr, 'additions', where),
      deletions: count(pr, 'deletions', where),
      changedFiles: count(pr, 'changed_files', where),
    },
    headSha: head.sha,
    ...(labels
      ? {
          labels: labels
            .map((l) => record(l, 'a label').name)
            .filter((n): n is string => typeof n === 'string'),
        }
      : {}),
  };
}

/**
 * One entry of the files list. The API gives a binary file no `patch` and no line counts; a pure
 * rename has no patch either, but keeps its `renamed` status and counts 0.
 */
export function parseFileEntry(data: unknown, index: number): DiffFile {
  const entry = record(data, `file entry ${index}`);
  const where = `file entry ${index}`;
  if (typeof entry.filename !== 'string' || entry.filename === '') {
    throw new ConfigError(`Expected \`filename\` of ${where} from the GitHub API to be a non-empty string.`);
  }
  if (typeof entry.status !== 'string')
    throw new ConfigError(`Expected \`status\` of ${where} from the GitHub API to be a string.`);
  const additions = count(entry, 'additions', where);
  const deletions = count(entry, 'deletions', where);
  const changes = count(entry, 'changes', where);
  if (changes !== additions + deletions) {
    throw new ConfigError(
      `Expected \`changes\` of ${where} from the GitHub API to equal additions + deletions, got ${changes}.`,
    );
  }
  const previous = entry.previous_filename;
  const binary = entry.patch === undefined && changes === 0 && entry.status !== 'renamed';
  return {
    path: entry.filename,
    ...(typeof previous === 'string' && previous !== '' ? { previousPath: previous } : {}),
    additions,
    deletions,
    binary,
  };
}
