/**
 * Changed lines from the clone: `git diff` from the merge base to the head (three-dot semantics,
 * rename-aware). Used whenever both commits are in the clone (`fetch-depth: 0`).
 */
import { getErrorMessage } from '../errors.js';
import type { ChangeSet, Logger } from '../gate.js';
import { parseUnifiedDiff } from './diff-parse.js';

/** Runs git in the workspace without a shell and returns stdout; throws on a non-zero exit. */
export type GitRunner = (args: readonly string[]) => Promise<string>;

/**
 * Flags that make the output parseable whatever the user's git config says: fixed prefixes, no
 * colour, no external diff or textconv programs (they could run code from the PR), C-quoted names.
 */
export const DIFF_FLAGS = [
  '-c',
  'core.quotePath=true',
  'diff',
  '--unified=0',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '-M',
  '--src-prefix=a/',
  '--dst-prefix=b/',
] as const;

const short = (sha: string): string => sha.slice(0, 12);

async function succeeds(git: GitRunner, args: readonly string[]): Promise<string | undefined> {
  try {
    return (await git(args)).trim();
  } catch {
    return undefined;
  }
}

/** The workspace's path inside the repository (`packages/app/`), `''` at the root. */
export async function readPrefix(git: GitRunner): Promise<string> {
  return (await succeeds(git, ['rev-parse', '--show-prefix'])) ?? '';
}

/**
 * Diffs base...head when both commits and their merge base are in the clone; otherwise returns
 * why git could not be used (the caller falls back to the API). When the workspace is GitHub's
 * test merge commit of the PR (`refs/pull/N/merge`, whose second parent is the head), the diff runs
 * from its first parent instead, so that line numbers match the files the tests ran on.
 */
export async function readChangesFromGit(
  git: GitRunner,
  event: { name: string; baseSha: string; headSha: string },
  log: Logger,
  options: { text?: boolean } = {},
): Promise<ChangeSet | string> {
  try {
    await git(['rev-parse', '--git-dir']);
  } catch (error) {
    log.info(`git cannot read the workspace: ${getErrorMessage(error).slice(0, 200)}`);
    return 'git cannot read a repository in the workspace (no checkout, or a container job whose workspace needs `safe.directory`)';
  }
  const present = async (sha: string): Promise<boolean> =>
    (await succeeds(git, ['cat-file', '-e', `${sha}^{commit}`])) !== undefined;
  if (!(await present(event.baseSha)) || !(await present(event.headSha))) {
    log.info(`The base or head commit of this ${event.name} is not in the clone (a shallow checkout).`);
    return `the base commit ${short(event.baseSha)} or the head commit ${short(event.headSha)} is not in the clone`;
  }
  let [base, head] = [event.baseSha, event.headSha];
  const workspaceHead = await succeeds(git, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  const secondParent = await succeeds(git, ['rev-parse', '--verify', '--quiet', 'HEAD^2']);
  const firstParent = await succeeds(git, ['rev-parse', '--verify', '--quiet', 'HEAD^1']);
  if (workspaceHead && workspaceHead !== head && secondParent === head && firstParent) {
    log.info(
      `The workspace is the merge commit ${short(workspaceHead)} of the head: diffing it against its first parent.`,
    );
    [base, head] = [firstParent, workspaceHead];
  }
  const mergeBase = await succeeds(git, ['merge-base', base, head]);
  if (!mergeBase) {
    log.info(`The clone lacks the merge base of ${short(base)} and ${short(head)} (a shallow checkout).`);
    return `the merge base of ${short(base)} and ${short(head)} is not in the clone`;
  }
  const relative = (await readPrefix(git)) === '' ? [] : ['--relative'];
  const text = await git([...DIFF_FLAGS, ...relative, mergeBase, head, '--']);
  const files = parseUnifiedDiff(text, options);
  log.info(`Changed lines from git diff ${short(mergeBase)}...${short(head)}: ${files.length} files.`);
  return { source: 'git', event: event.name, base: mergeBase, head, files };
}
