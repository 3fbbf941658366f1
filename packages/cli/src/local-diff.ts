/**
 * The changed lines of a local branch for `--base <ref>`: the git source of the action (three-dot
 * `git diff <merge-base>...HEAD`, rename-aware), fed with commits resolved here. Bad refs are usage
 * errors before any gate runs, so a typo never reads as "no changed lines".
 */
import {
  ConfigError,
  readChangesFromGit,
  type ChangeSet,
  type GitRunner,
  type Logger,
} from '@aeef/gate-result';
import { UsageError } from './args.js';

export interface LocalDiff {
  baseSha: string;
  headSha: string;
  /** The change set, computed on first use (gates that need no diff never run git diff). */
  changes(): Promise<ChangeSet>;
}

async function commitOf(git: GitRunner, rev: string): Promise<string | undefined> {
  try {
    return (await git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Resolves `ref` and HEAD in the working directory's repository; throws `UsageError` when git cannot. */
export async function resolveLocalDiff(git: GitRunner, ref: string, log: Logger): Promise<LocalDiff> {
  const headSha = await commitOf(git, 'HEAD');
  if (headSha === undefined) {
    throw new UsageError(
      '`--base` needs a git repository with at least one commit in the working directory.',
    );
  }
  const baseSha = await commitOf(git, ref);
  if (baseSha === undefined) {
    throw new UsageError(`Expected \`--base\` to name a commit of this repository, got \`${ref}\`.`);
  }
  try {
    await git(['merge-base', baseSha, headSha]);
  } catch {
    throw new UsageError(`\`--base ${ref}\` and HEAD have no common ancestor, so there is no diff to read.`);
  }
  const commits = { name: 'local', baseSha, headSha };
  return {
    baseSha,
    headSha,
    async changes() {
      const changes = await readChangesFromGit(git, commits, log);
      // A string is git's reason for not producing a diff.
      if (typeof changes === 'string')
        throw new ConfigError(`git could not diff \`${ref}\`...HEAD: ${changes}.`);
      return changes;
    },
  };
}
