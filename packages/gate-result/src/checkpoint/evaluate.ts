/**
 * The human checkpoint, pure: given the PR's reviews and who wrote its commits, does a person who
 * counts approve the head commit? One module for every gate that asks for a person (integrity,
 * destructive, provenance), so "who may accept a risky change" is decided in one place.
 *
 * A review counts when it is the reviewer's latest state (COMMENTED and PENDING reviews do not
 * change a standing; DISMISSED withdraws it), APPROVED, by a user (type `User`, no `[bot]` login)
 * who is not the PR's author and, with `approver-not-committer`, authored or committed no commit of
 * the PR, who is listed in `approvers` (a login, or a member of a listed `org/team`) or, when
 * `approvers` is empty, whose `author_association` is OWNER, MEMBER or COLLABORATOR. A non-empty
 * `approvers` restricts: a DROP TABLE waiting for `org/dba` is not accepted by any other member.
 * The approval must be given on the head commit unless
 * `allow-stale-approvals`. A CHANGES_REQUESTED standing by a reviewer who would count blocks,
 * whatever commit it was given on: it stands until that reviewer approves or it is dismissed.
 */
import type { ApprovalPolicy } from './settings.js';

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

/** One review as `GET /pulls/{n}/reviews` returns it, reduced to what the checkpoint reads. */
export interface Review {
  id: number;
  login: string;
  /** `User`, `Bot`, `Organization`, ... */
  type: string;
  state: string;
  /** The head SHA the review was given on; `null` for reviews GitHub lost the commit of. */
  commitId: string | null;
  /** ISO time; reviews without one (PENDING) sort by their order in the list. */
  submittedAt: string | null;
  authorAssociation: string;
}

/** Team membership as the runtime could read it, by `org/team` slug (lower case). */
export type TeamMembers =
  { readable: true; members: readonly string[] } | { readable: false; reason: string };

export interface CheckpointFacts {
  headSha: string;
  /** The PR author's login. */
  author: string;
  /** Logins of the authors and committers of the PR's commits. */
  committers: readonly string[];
  /** In the API's order (oldest first). */
  reviews: readonly Review[];
  /** The teams of `approvers`, as far as the token could read them. */
  teams?: Readonly<Record<string, TeamMembers>>;
}

/** A counted approval: who, and which commit. */
export interface CountedApproval {
  login: string;
  commitId: string;
  submittedAt: string | null;
  /** Why the reviewer counts: `MEMBER`, `listed in approvers`, `member of org/team`. */
  standing: string;
}

/** A review that did not count, and why (raw text; renderers escape it). */
export interface UncountedReview {
  login: string;
  state: string;
  commitId: string | null;
  reason: string;
}

export interface CheckpointResult {
  /** True when enough counted approvals and no counted change request. */
  met: boolean;
  required: number;
  headSha: string;
  approvals: CountedApproval[];
  /** Counted CHANGES_REQUESTED standings: each blocks. */
  changesRequested: CountedApproval[];
  notCounted: UncountedReview[];
  /** Teams of `approvers` the token could not read, with why. */
  unreadableTeams: { team: string; reason: string }[];
  /** One sentence for the summary. */
  summary: string;
}

export const COUNTED_ASSOCIATIONS = ['OWNER', 'MEMBER', 'COLLABORATOR'] as const;

const lower = (s: string): string => s.toLowerCase();

function isBot(review: Review): boolean {
  return review.type !== 'User' || /\[bot\]$/i.test(review.login);
}

function timeOf(review: Review): number {
  const t = review.submittedAt === null ? Number.NaN : Date.parse(review.submittedAt);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** Each reviewer's standing: their latest review that is not COMMENTED or PENDING. */
export function latestStandings(reviews: readonly Review[]): Review[] {
  const byLogin = new Map<string, { review: Review; index: number }>();
  reviews.forEach((review, index) => {
    if (review.state !== 'APPROVED' && review.state !== 'CHANGES_REQUESTED' && review.state !== 'DISMISSED')
      return;
    const key = lower(review.login);
    const previous = byLogin.get(key);
    // Later in time wins; equal times keep the API's order (its list is chronological).
    if (previous === undefined || timeOf(review) >= timeOf(previous.review))
      byLogin.set(key, { review, index });
  });
  return [...byLogin.values()].sort((a, b) => a.index - b.index).map((e) => e.review);
}

/** The teams (`org/team`) listed in `approvers`. */
export function approverTeams(policy: ApprovalPolicy): string[] {
  return policy.approvers.filter((a) => a.includes('/')).map(lower);
}

function shortSha(sha: string | null): string {
  return sha === null ? 'an unknown commit' : sha.slice(0, 7);
}

/** Why the reviewer may count, or `undefined` with the reason they do not. */
function standingOf(
  review: Review,
  policy: ApprovalPolicy,
  teams: Readonly<Record<string, TeamMembers>>,
): { standing?: string; reason?: string } {
  if (policy.approvers.length === 0) {
    if (COUNTED_ASSOCIATIONS.includes(review.authorAssociation as (typeof COUNTED_ASSOCIATIONS)[number]))
      return { standing: review.authorAssociation };
    return {
      reason: `its author_association is ${review.authorAssociation || 'missing'} (OWNER, MEMBER or COLLABORATOR count)`,
    };
  }
  const login = lower(review.login);
  if (policy.approvers.some((a) => !a.includes('/') && lower(a) === login))
    return { standing: 'listed in approvers' };
  const unreadable: string[] = [];
  for (const team of approverTeams(policy)) {
    const members = teams[team];
    if (members === undefined || !members.readable) unreadable.push(team);
    else if (members.members.some((m) => lower(m) === login)) return { standing: `member of ${team}` };
  }
  const teamNote =
    unreadable.length > 0 ? `, and the membership of ${unreadable.join(', ')} could not be read` : '';
  return {
    reason: `not listed in \`approvers\` (${policy.approvers.join(', ')})${teamNote}; when \`approvers\` is set, only they count`,
  };
}

/**
 * Reviewers whose standing depends on a team of `approvers`: a person, not the author or a
 * committer, not counted by association or login. The runtime reads team membership only for them.
 */
export function loginsNeedingTeams(facts: Omit<CheckpointFacts, 'teams'>, policy: ApprovalPolicy): string[] {
  if (approverTeams(policy).length === 0) return [];
  const committers = new Set(facts.committers.map(lower));
  return latestStandings(facts.reviews)
    .filter(
      (r) =>
        r.state !== 'DISMISSED' &&
        !isBot(r) &&
        lower(r.login) !== lower(facts.author) &&
        !(policy.approverNotCommitter && committers.has(lower(r.login))) &&
        standingOf(r, policy, {}).standing === undefined &&
        !policy.approvers.some((a) => lower(a) === lower(r.login)),
    )
    .map((r) => r.login);
}

/** Decides the checkpoint. Pure: the same facts and policy always give the same result. */
export function evaluateCheckpoint(facts: CheckpointFacts, policy: ApprovalPolicy): CheckpointResult {
  const teams = facts.teams ?? {};
  const committers = new Set(facts.committers.map(lower));
  const author = lower(facts.author);
  const approvals: CountedApproval[] = [];
  const changesRequested: CountedApproval[] = [];
  const notCounted: UncountedReview[] = [];
  const standings = new Set(latestStandings(facts.reviews));
  const skip = (review: Review, reason: string): void => {
    notCounted.push({ login: review.login, state: review.state, commitId: review.commitId, reason });
  };
  for (const review of facts.reviews) {
    if (review.state === 'COMMENTED' || review.state === 'PENDING') continue;
    if (!standings.has(review)) {
      if (review.state === 'APPROVED') skip(review, 'superseded by a later review of the same reviewer');
      continue;
    }
    if (review.state === 'DISMISSED') {
      skip(review, 'dismissed');
      continue;
    }
    if (isBot(review)) {
      skip(review, `a bot or app account (type ${review.type || 'missing'}), not a person`);
      continue;
    }
    if (lower(review.login) === author) {
      skip(review, "the PR's author");
      continue;
    }
    if (policy.approverNotCommitter && committers.has(lower(review.login))) {
      skip(review, 'authored or committed a commit of this PR (`approver-not-committer`)');
      continue;
    }
    const { standing, reason } = standingOf(review, policy, teams);
    if (standing === undefined) {
      skip(review, reason ?? 'not an approver');
      continue;
    }
    const counted: CountedApproval = {
      login: review.login,
      commitId: review.commitId ?? '',
      submittedAt: review.submittedAt,
      standing,
    };
    if (review.state === 'CHANGES_REQUESTED') {
      changesRequested.push(counted);
      continue;
    }
    if (review.commitId !== facts.headSha && !policy.allowStaleApprovals) {
      skip(
        review,
        `approved ${shortSha(review.commitId)}, not the head ${shortSha(facts.headSha)} (stale; a new approval is needed)`,
      );
      continue;
    }
    approvals.push(counted);
  }
  const unreadableTeams = approverTeams(policy).flatMap((team) => {
    const members = teams[team];
    if (members === undefined) return [{ team, reason: 'not read' }];
    return members.readable ? [] : [{ team, reason: members.reason }];
  });
  const met = changesRequested.length === 0 && approvals.length >= policy.minApprovals;
  return {
    met,
    required: policy.minApprovals,
    headSha: facts.headSha,
    approvals,
    changesRequested,
    notCounted,
    unreadableTeams,
    summary: summarise(met, approvals, changesRequested, policy.minApprovals, facts.headSha),
  };
}

function names(list: readonly CountedApproval[]): string {
  return list.map((a) => `@${a.login}`).join(', ');
}

function summarise(
  met: boolean,
  approvals: readonly CountedApproval[],
  blocked: readonly CountedApproval[],
  required: number,
  head: string,
): string {
  const counted = `${approvals.length} of ${required} required approval${required === 1 ? '' : 's'} of ${shortSha(head)}`;
  if (blocked.length > 0) return `Changes requested by ${names(blocked)}; ${counted} count.`;
  if (met)
    return approvals.length === 0
      ? 'No approval is required (`min-approvals: 0`).'
      : `Approved by ${names(approvals)} (${counted}).`;
  return `Needs a person: ${counted} count${approvals.length > 0 ? ` (${names(approvals)})` : ''}.`;
}
