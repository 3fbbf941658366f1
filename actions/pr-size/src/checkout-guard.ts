/**
 * RELIABILITY C5: `pull_request_target` runs with the base repository's secrets and a write token.
 * A workspace checked out at the PR's own commits runs attacker code in that context, so the gate
 * refuses to take part unless the user opted in with `allow-unsafe: true`.
 */
import { ConfigError } from '@aeef/gate-result';
import type { GateIO } from '@aeef/gate-result';
import type { SizeTarget } from './pr-event.js';

/** The commits of the PR's code: its head and, when the payload has it, its test merge commit. */
export function prCommits(io: GateIO, target: SizeTarget): string[] {
  const pr = io.event.payload.pull_request as { merge_commit_sha?: unknown } | undefined;
  const merge = typeof pr?.merge_commit_sha === 'string' ? [pr.merge_commit_sha] : [];
  return [target.headSha, ...merge];
}

export async function refuseUntrustedCheckout(
  io: GateIO,
  target: SizeTarget,
  allowUnsafe: boolean,
): Promise<void> {
  if (target.event !== 'pull_request_target' || allowUnsafe) return;
  let head: string;
  try {
    head = (await io.git(['rev-parse', '--verify', '--quiet', 'HEAD'])).trim();
  } catch {
    return; // no repository or no commit checked out: nothing untrusted in the workspace
  }
  if (prCommits(io, target).includes(head)) {
    throw new ConfigError(
      `Refusing an untrusted checkout in a privileged context: the workspace is at the PR's commit ${head.slice(0, 7)} on pull_request_target. The pr-size gate needs no checkout there; remove it, or set \`allow-unsafe: true\` if you accept the risk.`,
    );
  }
}
