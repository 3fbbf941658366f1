/**
 * RELIABILITY C5: `pull_request_target` runs with the base repository's secrets and a write token.
 * A workspace checked out at the PR's own code runs (and feeds the gate) attacker-controlled files in
 * that context, so no gate takes part unless the step opts in with `allow-unsafe: true`. Every gate
 * passes through here (run-gate.ts), so a new gate cannot forget it.
 */
import { ConfigError } from '../errors.js';
import type { GateIO } from '../gate.js';

/** A ref actions/checkout creates for a PR (`ref: refs/pull/7/merge` becomes `refs/remotes/pull/7/merge`). */
const PULL_REF = /^refs\/(?:remotes\/(?:[^/]+\/)?)?pull\/\d+\/(?:head|merge)$/;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

async function gitOr(io: GateIO, args: readonly string[]): Promise<string> {
  return (await io.git(args).catch(() => '')).trim();
}

/**
 * Why the workspace holds the PR's code, or `undefined` when it does not (or holds no checkout).
 * The PR's code is: HEAD at the PR head or its test merge commit, HEAD at a `pull/<n>/...` ref, or
 * the PR's head branch checked out by name.
 */
export async function untrustedCheckout(io: GateIO): Promise<string | undefined> {
  const head = await gitOr(io, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (head === '') return undefined; // no repository or no commit checked out: nothing of the PR's here
  const pr = (io.event.payload.pull_request ?? {}) as {
    merge_commit_sha?: unknown;
    head?: { sha?: unknown; ref?: unknown };
    base?: { ref?: unknown };
  };
  const commits = [io.event.headSha, text(pr.head?.sha), text(pr.merge_commit_sha)].filter(
    (sha): sha is string => sha !== undefined,
  );
  if (commits.includes(head)) return `the workspace is at the PR's commit ${head.slice(0, 7)}`;
  const refs = (await gitOr(io, ['for-each-ref', '--points-at', 'HEAD', '--format=%(refname)'])).split('\n');
  const pullRef = refs.find((ref) => PULL_REF.test(ref));
  if (pullRef !== undefined) return `the workspace is checked out at \`${pullRef}\``;
  const headRef = text(pr.head?.ref);
  // A head branch named like the base branch (a fork's `main`) is the default checkout: not proof.
  if (headRef !== undefined && headRef !== text(pr.base?.ref)) {
    const branch = await gitOr(io, ['symbolic-ref', '--quiet', 'HEAD']);
    if (branch === `refs/heads/${headRef}`) return `the workspace is on the PR's head branch \`${headRef}\``;
  }
  return undefined;
}

/** Throws a `ConfigError` when a `pull_request_target` run holds the PR's code and the step did not opt in. */
export async function refuseUntrustedCheckout(io: GateIO, gate: string, allowUnsafe: boolean): Promise<void> {
  if (io.event.name !== 'pull_request_target' || allowUnsafe) return;
  const why = await untrustedCheckout(io);
  if (why === undefined) return;
  throw new ConfigError(
    `Refusing an untrusted checkout in a privileged context: on pull_request_target ${why}, so the ${gate} gate would read the PR's own files with the base repository's secrets and a write token. Check out the base branch (actions/checkout's default on pull_request_target), or set the step input \`allow-unsafe: true\` if you accept the risk.`,
  );
}
