import { describe, expect, it } from 'vitest';
import {
  evaluateCheckpoint,
  latestStandings,
  loginsNeedingTeams,
  type CheckpointFacts,
  type Review,
} from '../../src/checkpoint/evaluate.js';
import { checkpointSection } from '../../src/checkpoint/render.js';
import { approvalPolicyOf, type ApprovalPolicy } from '../../src/checkpoint/settings.js';
import { inputsFromRecord } from '../../src/input-specs.js';
import { renderSummary } from '../../src/render/summary-markdown.js';
import { createResult } from '../../src/result-builder.js';

const HEAD = 'h'.repeat(40).replace(/h/g, 'a');
const OLD = 'b'.repeat(40);
let nextId = 1;
let clock = Date.parse('2026-01-01T00:00:00Z');

function review(login: string, state: string, fields: Partial<Review> = {}): Review {
  clock += 60_000;
  return {
    id: nextId++,
    login,
    type: 'User',
    state,
    commitId: HEAD,
    submittedAt: new Date(clock).toISOString(),
    authorAssociation: 'MEMBER',
    ...fields,
  };
}

const POLICY: ApprovalPolicy = {
  minApprovals: 1,
  approvers: [],
  approverNotCommitter: true,
  allowStaleApprovals: false,
};

function decide(
  reviews: Review[],
  policy: Partial<ApprovalPolicy> = {},
  facts: Partial<CheckpointFacts> = {},
) {
  return evaluateCheckpoint(
    { headSha: HEAD, author: 'author', committers: ['author', 'pusher'], reviews, ...facts },
    { ...POLICY, ...policy },
  );
}

describe('evaluateCheckpoint', () => {
  it('counts one approval by a MEMBER of the head commit', () => {
    const r = decide([review('alice', 'APPROVED')]);
    expect(r.met).toBe(true);
    expect(r.approvals).toEqual([
      expect.objectContaining({ login: 'alice', commitId: HEAD, standing: 'MEMBER' }),
    ]);
    expect(r.summary).toBe('Approved by @alice (1 of 1 required approval of aaaaaaa).');
  });

  it.each(['OWNER', 'MEMBER', 'COLLABORATOR'])('counts %s', (association) => {
    expect(decide([review('alice', 'APPROVED', { authorAssociation: association })]).met).toBe(true);
  });

  it.each(['CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'MANNEQUIN', 'NONE', ''])(
    'does not count %s',
    (association) => {
      const r = decide([review('alice', 'APPROVED', { authorAssociation: association })]);
      expect(r.met).toBe(false);
      expect(r.notCounted[0]?.reason).toMatch(/author_association/);
    },
  );

  it('does not count the PR author, case-insensitively', () => {
    const r = decide([review('Author', 'APPROVED')]);
    expect(r.met).toBe(false);
    expect(r.notCounted).toEqual([expect.objectContaining({ login: 'Author', reason: "the PR's author" })]);
  });

  it('does not count a committer unless approver-not-committer is false', () => {
    expect(decide([review('pusher', 'APPROVED')]).notCounted[0]?.reason).toMatch(/approver-not-committer/);
    expect(decide([review('pusher', 'APPROVED')], { approverNotCommitter: false }).met).toBe(true);
  });

  it('does not count bots: type Bot, Organization, or a [bot] login', () => {
    const r = decide([
      review('dependabot[bot]', 'APPROVED', { type: 'Bot' }),
      review('sneaky[bot]', 'APPROVED', { type: 'User' }),
      review('acme', 'APPROVED', { type: 'Organization' }),
    ]);
    expect(r.met).toBe(false);
    expect(r.notCounted.map((n) => n.reason)).toEqual([
      'a bot or app account (type Bot), not a person',
      'a bot or app account (type User), not a person',
      'a bot or app account (type Organization), not a person',
    ]);
  });

  it('does not count an approval of an older commit unless allow-stale-approvals', () => {
    const stale = [review('alice', 'APPROVED', { commitId: OLD })];
    const r = decide(stale);
    expect(r.met).toBe(false);
    expect(r.notCounted[0]?.reason).toBe(
      'approved bbbbbbb, not the head aaaaaaa (stale; a new approval is needed)',
    );
    expect(decide(stale, { allowStaleApprovals: true }).approvals[0]?.commitId).toBe(OLD);
  });

  it("takes each reviewer's latest non-COMMENTED state", () => {
    const withdrawn = decide([review('alice', 'APPROVED'), review('alice', 'CHANGES_REQUESTED')]);
    expect(withdrawn.met).toBe(false);
    expect(withdrawn.changesRequested.map((c) => c.login)).toEqual(['alice']);
    expect(withdrawn.summary).toMatch(/^Changes requested by @alice/);
    const commented = decide([review('alice', 'APPROVED'), review('alice', 'COMMENTED')]);
    expect(commented.met).toBe(true);
    const reapproved = decide([review('alice', 'CHANGES_REQUESTED'), review('alice', 'APPROVED')]);
    expect(reapproved.met).toBe(true);
  });

  it('DISMISSED removes an approval', () => {
    const r = decide([review('alice', 'APPROVED'), review('alice', 'DISMISSED')]);
    expect(r.met).toBe(false);
    expect(r.notCounted.map((n) => [n.state, n.reason])).toEqual([
      ['APPROVED', 'superseded by a later review of the same reviewer'],
      ['DISMISSED', 'dismissed'],
    ]);
  });

  it('orders by submitted_at, not list position', () => {
    const later = review('alice', 'CHANGES_REQUESTED');
    const earlier = review('alice', 'APPROVED', { submittedAt: '2025-01-01T00:00:00Z' });
    expect(latestStandings([later, earlier])).toEqual([later]);
  });

  it('a counted CHANGES_REQUESTED blocks, whatever commit, beside enough approvals', () => {
    const r = decide([review('alice', 'APPROVED'), review('bob', 'CHANGES_REQUESTED', { commitId: OLD })]);
    expect(r.met).toBe(false);
  });

  it('a CHANGES_REQUESTED by someone who would not count does not block', () => {
    const r = decide([
      review('alice', 'APPROVED'),
      review('drive-by', 'CHANGES_REQUESTED', { authorAssociation: 'NONE' }),
      review('ci[bot]', 'CHANGES_REQUESTED', { type: 'Bot' }),
    ]);
    expect(r.met).toBe(true);
  });

  it('needs min-approvals distinct reviewers', () => {
    const reviews = [review('alice', 'APPROVED'), review('alice', 'APPROVED'), review('bob', 'APPROVED')];
    expect(decide(reviews, { minApprovals: 2 }).met).toBe(true);
    expect(decide(reviews.slice(0, 2), { minApprovals: 2 }).met).toBe(false);
    expect(decide([], { minApprovals: 0 }).met).toBe(true);
    expect(decide([]).summary).toBe('Needs a person: 0 of 1 required approval of aaaaaaa count.');
  });

  it('counts listed logins and readable team members whatever their association', () => {
    const contributor = { authorAssociation: 'CONTRIBUTOR' };
    expect(
      decide([review('Carol', 'APPROVED', contributor)], { approvers: ['carol'] }).approvals[0]?.standing,
    ).toBe('listed in approvers');
    const teams = { 'acme/security': { readable: true as const, members: ['carol'] } };
    const r = decide([review('carol', 'APPROVED', contributor)], { approvers: ['acme/security'] }, { teams });
    expect(r.approvals[0]?.standing).toBe('member of acme/security');
  });

  it('lets a non-empty approvers list restrict who counts, whatever the association', () => {
    const teams = { 'org/dba': { readable: true as const, members: ['dana'] } };
    const owner = review('olga', 'APPROVED', { authorAssociation: 'OWNER' });
    const r = decide([owner], { approvers: ['org/dba'] }, { teams });
    expect(r.met).toBe(false);
    expect(r.notCounted[0]?.reason).toMatch(/not listed in `approvers` \(org\/dba\)/);
    expect(decide([owner]).met).toBe(true);
    expect(decide([owner, review('dana', 'APPROVED')], { approvers: ['org/dba'] }, { teams }).met).toBe(true);
  });

  it('says when a team could not be read', () => {
    const teams = { 'acme/security': { readable: false as const, reason: 'GitHub answered 403' } };
    const r = decide(
      [review('carol', 'APPROVED', { authorAssociation: 'CONTRIBUTOR' })],
      { approvers: ['acme/security'] },
      { teams },
    );
    expect(r.met).toBe(false);
    expect(r.notCounted[0]?.reason).toMatch(/membership of acme\/security could not be read/);
    expect(r.unreadableTeams).toEqual([{ team: 'acme/security', reason: 'GitHub answered 403' }]);
  });

  it('asks for team membership only for reviewers it would decide', () => {
    const facts = {
      headSha: HEAD,
      author: 'author',
      committers: ['pusher'],
      reviews: [
        review('carol', 'APPROVED', { authorAssociation: 'CONTRIBUTOR' }),
        review('alice', 'APPROVED'),
        review('pusher', 'APPROVED', { authorAssociation: 'CONTRIBUTOR' }),
        review('x[bot]', 'APPROVED', { type: 'Bot', authorAssociation: 'NONE' }),
      ],
    };
    // With `approvers` set, a MEMBER (alice) counts only through the team, so she is asked for too.
    expect(loginsNeedingTeams(facts, { ...POLICY, approvers: ['acme/security'] })).toEqual([
      'carol',
      'alice',
    ]);
    expect(loginsNeedingTeams(facts, POLICY)).toEqual([]);
  });

  it('renders who approved which commit and why others did not count, escaped', () => {
    const r = decide([
      review('alice', 'APPROVED'),
      review('<b>evil</b>|x', 'APPROVED', { authorAssociation: 'NONE' }),
    ]);
    const section = checkpointSection(r);
    expect(section.rows?.[0]).toEqual(['@alice', 'APPROVED', 'aaaaaaa', 'yes', 'MEMBER']);
    const summary = renderSummary([
      createResult('coverage', { verdict: 'pass', summary: 's', details: [section] }),
    ]);
    expect(summary).not.toContain('<b>');
    expect(summary).toContain('@\u200balice');
  });
});

describe('approvalPolicyOf', () => {
  it('reads the four settings with their defaults', () => {
    expect(approvalPolicyOf(inputsFromRecord({}))).toEqual(POLICY);
    expect(
      approvalPolicyOf(
        inputsFromRecord({
          'min-approvals': '2',
          approvers: '@alice, acme/security',
          'approver-not-committer': 'false',
          'allow-stale-approvals': 'true',
        }),
      ),
    ).toEqual({
      minApprovals: 2,
      approvers: ['alice', 'acme/security'],
      approverNotCommitter: false,
      allowStaleApprovals: true,
    });
  });

  it('rejects malformed values', () => {
    expect(() => approvalPolicyOf(inputsFromRecord({ 'min-approvals': '-1' }))).toThrow(/min-approvals/);
    expect(() => approvalPolicyOf(inputsFromRecord({ approvers: 'not a login!' }))).toThrow(/approvers/);
    expect(() => approvalPolicyOf(inputsFromRecord({ 'allow-stale-approvals': 'yes' }))).toThrow(
      /allow-stale/,
    );
  });
});
