/**
 * The sticky PR comment: one per PR and per instance (the umbrella step, or one gate with its
 * `name`), found again by a hidden marker. Only a comment written by the token's own identity is
 * ours: anybody can paste the marker into a comment, and such a comment is never edited. The
 * comment is never part of the decision: a token that may not write (a fork PR, no
 * `pull-requests: write`) gives a notice and the verdict and exit code stand.
 */
import * as core from '@actions/core';
import { safeLogLine } from '../escape.js';
import { GitHubApiError, getErrorMessage } from '../errors.js';
import type { EventContext, GitHubClient } from '../gate.js';

export type CommentMode = 'auto' | 'always' | 'on-failure' | 'never';
export const COMMENT_MODES: readonly CommentMode[] = ['auto', 'always', 'on-failure', 'never'];

/** GitHub refuses comment bodies over 65,536 characters. */
export const COMMENT_MAX_CHARS = 65_536;
/** The renderer's byte budget for a comment: bytes ≥ characters, with room for marker and banner. */
export const COMMENT_BUDGET_BYTES = 60_000;
/** The login the workflow token (`GITHUB_TOKEN`) comments as; it cannot read GET /user. */
export const WORKFLOW_TOKEN_LOGIN = 'github-actions[bot]';

const RESOLVED = '> [!TIP]\n> ✅ **Resolved**: a later run passed.';

/** The hidden first line of our comment; `key` is kebab-case (instance key), so it cannot end the HTML comment. */
export function commentMarker(key: string): string {
  return `<!-- aeef/gates sticky-comment ${key} -->`;
}

/**
 * The comment body: marker, optional resolved banner, the rendered summary. A summary that still
 * exceeds the limit is cut at a line end with a visible note; the overview and verdict come first,
 * so they always stay.
 */
export function commentBody(key: string, markdown: string, options: { resolved?: boolean } = {}): string {
  const head = `${commentMarker(key)}\n${options.resolved === true ? `${RESOLVED}\n\n` : ''}`;
  const note =
    "\n\n> [!NOTE]\n> This comment was cut to stay under GitHub's 65,536-character limit; the job summary and the result files hold everything.\n";
  let body = markdown;
  if (head.length + body.length > COMMENT_MAX_CHARS) {
    const room = COMMENT_MAX_CHARS - head.length - note.length;
    // Room for closing any `<details>` the cut leaves open, so the note is not folded away.
    const closing = '\n\n</details>';
    const cut = body.lastIndexOf('\n', room - closing.length * 4);
    body = body.slice(0, cut > 0 ? cut : room - closing.length * 4);
    const open = (body.match(/<details>/g) ?? []).length - (body.match(/<\/details>/g) ?? []).length;
    body += closing.repeat(Math.min(Math.max(open, 0), 4)) + note;
  }
  return head + body;
}

interface IssueComment {
  id: number;
  body?: string | null;
  user?: { login?: string } | null;
}

export interface CommentRequest {
  github: GitHubClient | undefined;
  event: EventContext;
  mode: CommentMode;
  /** The instance key: `gates` for the umbrella, `coverage-web` for a named gate. */
  key: string;
  /** The step's verdict fails (advisory gates included: the comment says "would fail"). */
  failing: boolean;
  /** The summary rendered for a comment (within COMMENT_BUDGET_BYTES). */
  markdown: string;
}

export type CommentOutcome = 'created' | 'updated' | 'resolved' | 'skipped' | 'refused' | 'failed';

/** The login our comments are written by: GET /user, or the workflow token's bot (which may not read it). */
async function ownLogin(github: GitHubClient): Promise<string> {
  try {
    const { data } = await github.request<{ login?: unknown }>('GET /user');
    if (typeof data.login === 'string' && data.login !== '') return data.login;
  } catch (error) {
    // An installation token (the workflow token) gets 403 "Resource not accessible by integration".
    if (!(error instanceof GitHubApiError) || (error.status !== 403 && error.status !== 401)) throw error;
  }
  return WORKFLOW_TOKEN_LOGIN;
}

/** Creates, updates or resolves the sticky comment as `mode` says; never throws. */
export async function publishComment(request: CommentRequest): Promise<CommentOutcome> {
  const { github, event, mode, key, failing } = request;
  if (mode === 'never') return 'skipped';
  const repo = event.repository;
  const pull = event.pullNumber;
  if (repo === undefined || pull === undefined) return 'skipped';
  if (github === undefined) {
    if (mode === 'always' || failing) core.notice('No PR comment: no GitHub token is available.');
    return 'skipped';
  }
  const route = `/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}/issues`;
  try {
    const login = (await ownLogin(github)).toLowerCase();
    const marker = commentMarker(key);
    const comments = await github.paginate<IssueComment>(`GET ${route}/${pull}/comments`);
    const ours = comments.find(
      (c) => c.user?.login?.toLowerCase() === login && (c.body ?? '').startsWith(marker),
    );
    let body: string;
    let outcome: CommentOutcome;
    if (failing || mode === 'always') {
      body = commentBody(key, request.markdown);
      outcome = ours === undefined ? 'created' : 'updated';
    } else if (ours !== undefined) {
      // `on-failure` keeps the last failing report under the banner; `auto` shows this run's.
      const previous = (ours.body ?? '').slice(marker.length + 1).replace(`${RESOLVED}\n\n`, '');
      body = commentBody(key, mode === 'on-failure' ? previous : request.markdown, { resolved: true });
      outcome = 'resolved';
    } else return 'skipped';
    if (ours === undefined) await github.request(`POST ${route}/${pull}/comments`, { body });
    else await github.request(`PATCH ${route}/comments/${ours.id}`, { body });
    core.info(`PR comment ${outcome} (#${pull}).`);
    return outcome;
  } catch (error) {
    if (error instanceof GitHubApiError && (error.status === 403 || error.status === 404)) {
      // A passing run only looked for a comment to resolve: no notice for what nobody asked to see.
      const say = failing || mode === 'always' ? core.notice : core.info;
      say(
        safeLogLine(
          `No PR comment: the token may not write comments on #${pull} (a fork PR's token is read-only; grant \`pull-requests: write\`, or post from a workflow_run workflow). The verdict stands.`,
        ),
      );
      return 'refused';
    }
    core.warning(
      safeLogLine(`Could not write the PR comment: ${getErrorMessage(error)} The verdict stands.`),
    );
    return 'failed';
  }
}
