/**
 * A real temporary git repository with a base commit on `main` and a PR branch on top, plus the
 * pull_request event payload a runner would pass for it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** File contents by workspace-relative path; `null` deletes the file. */
export type Tree = Record<string, string | Buffer | null>;

export interface PullRequestRepo {
  dir: string;
  baseSha: string;
  headSha: string;
  git(...args: string[]): string;
  /** A `pull_request` (opened) payload for base...head. */
  pullRequestEvent(extra?: Record<string, unknown>): Record<string, unknown>;
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function writeTree(dir: string, tree: Tree): void {
  for (const [file, content] of Object.entries(tree)) {
    const full = path.join(dir, file);
    if (content === null) rmSync(full, { force: true });
    else {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }
}

/** `base` is committed on main, then `head` is applied on branch `feature` (head checked out). */
export function makePullRequestRepo(
  base: Tree,
  head: Tree,
  options: { renames?: [string, string][] } = {},
): PullRequestRepo {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aeef-repo-'));
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'core.autocrlf', 'false');
  writeTree(dir, base);
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', 'base');
  const baseSha = git('rev-parse', 'HEAD');
  git('checkout', '-q', '-b', 'feature');
  for (const [from, to] of options.renames ?? []) {
    mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    git('mv', from, to);
  }
  writeTree(dir, head);
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', 'change');
  const headSha = git('rev-parse', 'HEAD');
  return {
    dir,
    baseSha,
    headSha,
    git,
    pullRequestEvent: (extra = {}) => ({
      action: 'opened',
      number: 7,
      pull_request: {
        number: 7,
        base: { ref: 'main', sha: baseSha, repo: { full_name: 'aeef/sample' } },
        head: { ref: 'feature', sha: headSha, repo: { full_name: 'aeef/sample' } },
        ...extra,
      },
      repository: { full_name: 'aeef/sample', name: 'sample', owner: { login: 'aeef' } },
    }),
  };
}
