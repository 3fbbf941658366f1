import { describe, expect, it } from 'vitest';
import {
  buildStatement,
  resultFileRecord,
  serializeStatement,
  sha256,
  type AttestationFacts,
} from '../src/attestation.js';
import { classifyCommit } from '../src/classify.js';
import { evaluateProvenance, totalsOf } from '../src/evaluate.js';
import { BUILTIN_IDENTITIES, compileIdentities } from '../src/identities.js';

const match = compileIdentities(BUILTIN_IDENTITIES);
const sha = (c: string): string => c.repeat(40);
const commits = [
  classifyCommit(
    {
      sha: sha('a'),
      authorName: 'Dana',
      authorEmail: 'd@x',
      committerName: 'Dana',
      committerEmail: 'd@x',
      message: 'x\n\nCo-authored-by: Claude <noreply@anthropic.com>',
      parents: 1,
      additions: 3,
      deletions: 1,
    },
    match,
  ),
  classifyCommit(
    {
      sha: sha('b'),
      authorName: 'Dana',
      authorEmail: 'd@x',
      committerName: 'Dana',
      committerEmail: 'd@x',
      message: 'y',
      parents: 1,
      additions: 6,
      deletions: 0,
    },
    match,
  ),
];
const totals = totalsOf(commits, []);
const facts = (results: AttestationFacts['results']): AttestationFacts => ({
  repository: { owner: 'o', repo: 'r' },
  event: 'pull_request',
  head: sha('b'),
  base: sha('0'),
  source: 'git',
  pull: undefined,
  pullSignals: [],
  commits,
  totals,
  disclosure: { policy: 'when-ai', required: true, result: undefined },
  review: {
    required: 1,
    met: true,
    approvals: [
      { login: 'z', commit: sha('b'), submittedAt: null, standing: 'MEMBER' },
      { login: 'a', commit: sha('b'), submittedAt: null, standing: 'OWNER' },
    ],
  },
  verdict: 'pass',
  summary: 's',
  results,
});

describe('the statement', () => {
  it('totals: AI lines over all added lines', () => {
    expect(totals).toMatchObject({
      commits: 2,
      aiCommits: 1,
      addedLines: 9,
      aiLines: 3,
      tools: ['Claude Code'],
      aiInvolved: true,
    });
    expect(totals.aiShare).toBeCloseTo(33.333, 3);
  });

  it('is deterministic: result files and approvals sorted whatever their order', () => {
    const a = {
      file: 'a.json',
      gate: 'coverage',
      verdict: 'pass',
      metrics: [],
      sha256: '1'.repeat(64),
      writtenByThisJob: true,
    };
    const b = {
      file: 'b.json',
      gate: 'sarif',
      verdict: 'fail',
      metrics: [],
      sha256: '2'.repeat(64),
      writtenByThisJob: false,
    };
    const one = serializeStatement(buildStatement(facts([a, b])));
    expect(serializeStatement(buildStatement(facts([b, a])))).toBe(one);
    const parsed = JSON.parse(one) as { predicate: { review: { approvals: { login: string }[] } } };
    expect(parsed.predicate.review.approvals.map((x) => x.login)).toEqual(['a', 'z']);
  });

  it('a result record holds the file sha256; non-results are skipped', () => {
    const bytes = Buffer.from(
      JSON.stringify({
        schema: 'aeef.gate-result/v1',
        gate: 'coverage',
        verdict: 'pass',
        metrics: [{ id: 'lines', value: 81.5 }],
      }),
    );
    expect(resultFileRecord('coverage.json', bytes)).toEqual({
      file: 'coverage.json',
      gate: 'coverage',
      verdict: 'pass',
      metrics: [{ id: 'lines', value: 81.5 }],
      sha256: sha256(bytes),
      writtenByThisJob: false,
    });
    expect(resultFileRecord('x.json', Buffer.from('{"not":"a result"}'))).toBeUndefined();
    expect(resultFileRecord('x.json', Buffer.from('nope'))).toBeUndefined();
  });
});

describe('evaluateProvenance', () => {
  const base = {
    source: 'git' as const,
    commits,
    pull: { number: 1, authorLogin: 'dana', authorType: 'User', body: '', labels: [], title: '' },
    pullSignals: [],
    requireDisclosure: 'when-ai' as const,
    disclosureHeadings: ['AI assistance'],
    requireTrailers: false,
    checkpoint: undefined,
    minApprovals: 0,
  };
  it('a missing disclosure fails with the sentence that says what to add; never asks a human-only PR', () => {
    const failed = evaluateProvenance({
      ...base,
      disclosure: { found: false, filled: false, reason: 'none' },
    });
    expect(failed.verdict).toBe('fail');
    expect(failed.summary).toContain('Add a section headed "AI assistance"');
    const human = evaluateProvenance({
      ...base,
      commits: [commits[1]!],
      disclosure: { found: false, filled: false, reason: 'none' },
    });
    expect(human.verdict).toBe('pass');
    const always = evaluateProvenance({
      ...base,
      commits: [commits[1]!],
      requireDisclosure: 'always',
      disclosure: { found: false, filled: false, reason: 'none' },
    });
    expect(always.verdict).toBe('fail');
    const never = evaluateProvenance({
      ...base,
      requireDisclosure: 'never',
      disclosure: { found: false, filled: false, reason: 'none' },
    });
    expect(never.verdict).toBe('pass');
  });

  it('require-trailers fails on an AI commit whose only evidence is its author', () => {
    const aider = classifyCommit({ ...commits[1]!.commit, authorName: 'Dana (aider)' }, match);
    const result = evaluateProvenance({
      ...base,
      commits: [aider],
      requireTrailers: true,
      disclosure: { found: true, filled: true, reason: 'text' },
    });
    expect(result.verdict).toBe('fail');
    expect(result.findings).toHaveLength(1);
    expect(
      evaluateProvenance({
        ...base,
        requireTrailers: true,
        disclosure: { found: true, filled: true, reason: 'text' },
      }).verdict,
    ).toBe('pass');
  });
});
