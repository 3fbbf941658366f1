/**
 * The audit record: an in-toto Statement v1 about the head commit whose predicate
 * (https://aeef.dev/provenance/v1, schema/provenance-predicate-v1.schema.json) records the commits
 * with their AI involvement, the disclosure, who approved which commit, and every gate result file
 * of this job with its sha256. Pure and deterministic: the same facts give the same bytes (no
 * clock, keys in a fixed order, lists sorted), so `actions/attest` signs exactly what was decided.
 */
import { createHash } from 'node:crypto';
import type { Verdict } from '@aeef/gate-result';
import type { CommitVerdict, PullFacts, Signal } from './classify.js';
import type { Disclosure } from './disclosure.js';
import type { Totals } from './evaluate.js';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const PREDICATE_TYPE = 'https://aeef.dev/provenance/v1';
export const ATTESTATION_FILE = 'provenance.intoto.json';

export interface ResultFileRecord {
  /** The file's name in the result directory. */
  file: string;
  gate: string;
  verdict: string;
  metrics: { id: string; value: number | null }[];
  sha256: string;
  /** The runtime's ledger names this file, with this digest, as written by a gate of this job. */
  writtenByThisJob: boolean;
}

export interface ApprovalRecord {
  login: string;
  commit: string;
  submittedAt: string | null;
  standing: string;
}

export interface AttestationFacts {
  repository?: { owner: string; repo: string };
  event: string;
  head: string;
  base: string;
  /** The PR's merge commit, when the payload names one. */
  mergeCommit?: string;
  source: 'git' | 'api';
  pull: PullFacts | undefined;
  pullSignals: readonly Signal[];
  commits: readonly CommitVerdict[];
  totals: Totals;
  disclosure: { policy: string; required: boolean; result: Disclosure | undefined };
  review: { required: number; met: boolean | null; approvals: ApprovalRecord[] };
  verdict: Verdict;
  summary: string;
  results: ResultFileRecord[];
}

export const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** A result file as the attestation lists it; undefined when it is not a gate result. */
export function resultFileRecord(file: string, bytes: Buffer): ResultFileRecord | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const result = parsed as { schema?: unknown; gate?: unknown; verdict?: unknown; metrics?: unknown };
  if (
    typeof result.gate !== 'string' ||
    typeof result.verdict !== 'string' ||
    typeof result.schema !== 'string'
  )
    return undefined;
  const metrics = Array.isArray(result.metrics)
    ? result.metrics.flatMap((m: unknown) => {
        const metric = m as { id?: unknown; value?: unknown };
        if (typeof metric?.id !== 'string') return [];
        return [{ id: metric.id, value: typeof metric.value === 'number' ? metric.value : null }];
      })
    : [];
  return {
    file,
    gate: result.gate,
    verdict: result.verdict,
    metrics,
    sha256: sha256(bytes),
    writtenByThisJob: false,
  };
}

const signal = (s: Signal): Record<string, string> => ({ kind: s.kind, tool: s.tool, evidence: s.evidence });

export function buildStatement(facts: AttestationFacts): Record<string, unknown> {
  const repo = facts.repository
    ? `https://github.com/${facts.repository.owner}/${facts.repository.repo}`
    : undefined;
  const subjectName = (sha: string): string => (repo ? `${repo}/commit/${sha}` : `git+commit:${sha}`);
  const subject = [{ name: subjectName(facts.head), digest: { gitCommit: facts.head } }];
  if (facts.mergeCommit && facts.mergeCommit !== facts.head)
    subject.push({ name: subjectName(facts.mergeCommit), digest: { gitCommit: facts.mergeCommit } });
  return {
    _type: STATEMENT_TYPE,
    subject,
    predicateType: PREDICATE_TYPE,
    predicate: {
      gate: { id: 'provenance', verdict: facts.verdict, summary: facts.summary },
      repository: facts.repository ? `${facts.repository.owner}/${facts.repository.repo}` : null,
      event: facts.event,
      range: { base: facts.base, head: facts.head, source: facts.source },
      pullRequest: facts.pull
        ? {
            number: facts.pull.number,
            author: { login: facts.pull.authorLogin, type: facts.pull.authorType },
            labels: [...facts.pull.labels].sort(),
            signals: facts.pullSignals.map(signal),
          }
        : null,
      aiInvolved: facts.totals.aiInvolved,
      tools: facts.totals.tools,
      totals: {
        commits: facts.totals.commits,
        aiCommits: facts.totals.aiCommits,
        addedLines: facts.totals.addedLines,
        aiLines: facts.totals.aiLines,
        aiShare: facts.totals.aiShare,
      },
      commits: facts.commits.map((c) => ({
        sha: c.commit.sha,
        author: { name: c.commit.authorName, email: c.commit.authorEmail },
        committer: { name: c.commit.committerName, email: c.commit.committerEmail },
        additions: c.commit.additions,
        deletions: c.commit.deletions,
        aiInvolved: c.ai,
        tools: c.tools,
        signals: c.signals.map(signal),
      })),
      disclosure: {
        policy: facts.disclosure.policy,
        required: facts.disclosure.required,
        found: facts.disclosure.result?.found ?? false,
        filled: facts.disclosure.result?.filled ?? false,
        heading: facts.disclosure.result?.heading ?? null,
        reason: facts.disclosure.result?.reason ?? 'no pull request',
      },
      review: {
        required: facts.review.required,
        met: facts.review.met,
        approvals: [...facts.review.approvals]
          .sort((a, b) => a.login.localeCompare(b.login, 'en') || a.commit.localeCompare(b.commit, 'en'))
          .map((a) => ({
            login: a.login,
            commit: a.commit,
            submittedAt: a.submittedAt,
            standing: a.standing,
          })),
      },
      results: [...facts.results]
        .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
        .map((r) => ({
          gate: r.gate,
          file: r.file,
          verdict: r.verdict,
          metrics: r.metrics,
          digest: { sha256: r.sha256 },
          writtenByThisJob: r.writtenByThisJob,
        })),
    },
  };
}

/** The runtime's record of the result files it wrote (`<sha256>\t<job>\t<file>` lines; see the KPI export). */
export const RESULT_LEDGER = '.aeef-gates-written.tsv';

/** `file\0sha256` of every write the ledger records for `job` (any job's when it is unknown). */
export function ledgerEntries(text: string, job: string | undefined): Set<string> {
  const written = new Set<string>();
  for (const line of text.split('\n')) {
    const [digest, owner, file, extra] = line.split('\t');
    if (digest === undefined || owner === undefined || file === undefined || extra !== undefined) continue;
    if (!/^[0-9a-f]{64}$/.test(digest) || (job !== undefined && owner !== job)) continue;
    written.add(`${file}\0${digest}`);
  }
  return written;
}

/** The statement's bytes: two-space JSON with a final newline, as the other result files. */
export function serializeStatement(statement: Record<string, unknown>): string {
  return `${JSON.stringify(statement, null, 2)}\n`;
}
