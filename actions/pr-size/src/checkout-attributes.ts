/**
 * Without the history, a `pull_request` job still has its checkout: actions/checkout's default is
 * the PR's test merge commit, which holds every `.gitattributes` of the PR. `git check-attr` reads
 * them there with real git semantics (nested files, macros), better than the root file alone.
 */
import type { GateIO } from '@aeef/gate-result';
import type { LinguistAttributes } from './check-attr.js';
import { readAttributes } from './git-source.js';
import type { SizeTarget } from './pr-event.js';

/** The commits of the PR's code: its head and, when the payload has it, its test merge commit. */
function prCommits(io: GateIO, target: SizeTarget): string[] {
  const pr = io.event.payload.pull_request as { merge_commit_sha?: unknown } | undefined;
  const merge = typeof pr?.merge_commit_sha === 'string' ? [pr.merge_commit_sha] : [];
  return [target.headSha, ...merge];
}

/**
 * True when HEAD is a merge with the PR head as a parent (actions/checkout's test merge commit). The
 * raw commit object names its parents even in a depth-1 clone, where the parents are not fetched.
 */
async function isMergeOf(io: GateIO, headSha: string): Promise<boolean> {
  const raw = await io.git(['cat-file', 'commit', 'HEAD']).catch(() => '');
  const header = raw.slice(0, Math.max(0, raw.indexOf('\n\n')));
  return header.split('\n').some((line) => line === `parent ${headSha}`);
}

/** `undefined` when the workspace is not a checkout of this PR (then the API's root file is read). */
export async function readCheckoutAttributes(
  io: GateIO,
  target: SizeTarget,
  paths: readonly string[],
): Promise<{ attributes: Map<string, LinguistAttributes>; note: string } | undefined> {
  if (target.event !== 'pull_request') return undefined;
  let head: string;
  let cdup: string;
  try {
    const [headOut, cdupOut] = await Promise.all([
      io.git(['rev-parse', '--verify', '--quiet', 'HEAD']),
      io.git(['rev-parse', '--show-cdup']),
    ]);
    head = headOut.trim();
    cdup = cdupOut.trim();
  } catch {
    return undefined;
  }
  if (!prCommits(io, target).includes(head) && !(await isMergeOf(io, target.headSha))) return undefined;
  const { attributes } = await readAttributes(io, head, paths, { cdup, withSource: false });
  return {
    attributes,
    note: `Attributes were read with git check-attr from the checkout of the PR (${head.slice(0, 7)}).`,
  };
}
