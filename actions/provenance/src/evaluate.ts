/**
 * Pure judgement: the classified commits, the pull request's own signals, the disclosure and (for an
 * AI-involved pull request) the human checkpoint → GateResult.
 */
import { createResult, floor2, percent } from '@aeef/gate-result';
import type { Finding, GateResult, Section } from '@aeef/gate-result';
import type { CommitVerdict, PullFacts, Signal } from './classify.js';
import type { DisclosurePolicy } from './config.js';
import type { Disclosure } from './disclosure.js';

export interface CheckpointOutcome {
  met: boolean;
  approvals: number;
  required: number;
  sentence: string;
  sections: Section[];
}

export interface ProvenanceFacts {
  source: 'git' | 'api';
  commits: readonly CommitVerdict[];
  pull: PullFacts | undefined;
  pullSignals: readonly Signal[];
  disclosure: Disclosure | undefined;
  requireDisclosure: DisclosurePolicy;
  disclosureHeadings: readonly string[];
  requireTrailers: boolean;
  /** Undefined when no person was asked (not AI-involved, no pull request, or 0 approvals needed). */
  checkpoint: CheckpointOutcome | undefined;
  minApprovals: number;
}

export interface Totals {
  commits: number;
  aiCommits: number;
  addedLines: number;
  aiLines: number;
  /** Percent of added lines from AI-involved commits; null when the range adds no line. */
  aiShare: number | null;
  tools: string[];
  aiInvolved: boolean;
}

export function totalsOf(commits: readonly CommitVerdict[], pullSignals: readonly Signal[]): Totals {
  const ai = commits.filter((c) => c.ai);
  const addedLines = commits.reduce((n, c) => n + c.commit.additions, 0);
  const aiLines = ai.reduce((n, c) => n + c.commit.additions, 0);
  const tools = [...new Set([...commits.flatMap((c) => c.tools), ...pullSignals.map((s) => s.tool)])].sort();
  return {
    commits: commits.length,
    aiCommits: ai.length,
    addedLines,
    aiLines,
    aiShare: percent(aiLines, addedLines),
    tools,
    aiInvolved: ai.length > 0 || pullSignals.length > 0,
  };
}

/** Commits of an AI-involved range that name no tool in a trailer (require-trailers). */
export function untrailered(commits: readonly CommitVerdict[]): CommitVerdict[] {
  return commits.filter((c) => c.ai && !c.trailer);
}

/** Whether the policy asks this pull request for a disclosure. */
export function disclosureRequired(policy: DisclosurePolicy, aiInvolved: boolean): boolean {
  return policy === 'always' || (policy === 'when-ai' && aiInvolved);
}

const short = (sha: string): string => sha.slice(0, 7);
const MAX_ROWS = 300;
const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
/** Tool names become an output: only plain characters. */
const safeTool = (tool: string): string => tool.replace(/[^\w .()+-]/g, '').slice(0, 60);

function commitsSection(commits: readonly CommitVerdict[]): Section {
  const ai = commits.filter((c) => c.ai);
  return {
    title: 'AI-involved commits',
    columns: ['Commit', 'Author', 'Added lines', 'Tools', 'Evidence'],
    rows: ai
      .slice(0, MAX_ROWS)
      .map((c) => [
        short(c.commit.sha),
        c.commit.authorName,
        c.commit.additions,
        c.tools.join(', '),
        c.signals.map((s) => `${s.kind}: ${s.evidence}`).join('; '),
      ]),
    ...(ai.length > MAX_ROWS ? { omittedRows: ai.length - MAX_ROWS } : {}),
  };
}

function disclosureSentence(headings: readonly string[]): string {
  return `Add a section headed "${headings[0] ?? 'AI assistance'}" to the pull request description that says how AI was used (check a box or write a line; the untouched template does not count).`;
}

export function evaluateProvenance(facts: ProvenanceFacts): GateResult {
  const totals = totalsOf(facts.commits, facts.pullSignals);
  const problems: string[] = [];
  const notes: string[] = [];
  const findings: Finding[] = [];
  const required = disclosureRequired(facts.requireDisclosure, totals.aiInvolved);
  if (required) {
    if (facts.pull === undefined) {
      notes.push(
        `No pull request in this ${facts.source === 'api' ? 'API' : 'git'} range's event: the disclosure is a pull request's and was not checked.`,
      );
    } else if (!facts.disclosure?.filled) {
      problems.push(disclosureSentence(facts.disclosureHeadings));
      notes.push(`Disclosure: ${facts.disclosure?.reason ?? 'the pull request has no description'}.`);
    }
  }
  const missingTrailers = facts.requireTrailers ? untrailered(facts.commits) : [];
  if (missingTrailers.length > 0) {
    problems.push(
      `Add a trailer naming the tool (e.g. \`Assisted-by: <tool>\`) to ${plural(missingTrailers.length, 'AI-involved commit')} (${missingTrailers
        .slice(0, 5)
        .map((c) => short(c.commit.sha))
        .join(', ')}${missingTrailers.length > 5 ? ', …' : ''}).`,
    );
    for (const c of missingTrailers) {
      findings.push({
        level: 'error',
        title: 'Provenance: commit without an AI trailer',
        message: `Commit ${short(c.commit.sha)} is AI-involved (${c.tools.join(', ')}) but its message names no tool in a trailer.`,
        ruleId: 'require-trailers',
      });
    }
  }
  const checkpoint = facts.checkpoint;
  if (checkpoint && !checkpoint.met)
    problems.push(
      `An AI-involved pull request needs an approving review of the head commit: ${checkpoint.sentence}`,
    );
  const approved = checkpoint === undefined ? true : checkpoint.met;

  const what = totals.aiInvolved
    ? `AI-involved (${totals.tools.map(safeTool).join(', ')}): ${totals.aiCommits} of ${plural(totals.commits, 'commit')}${
        totals.aiShare === null ? '' : `, ${floor2(totals.aiShare)}% of added lines`
      }${facts.pullSignals.length > 0 ? ', and the pull request itself' : ''}`
    : `No AI involvement detected in ${plural(totals.commits, 'commit')}${facts.pull ? ' and the pull request' : ''}`;
  const verdict: GateResult['verdict'] = problems.length > 0 ? 'fail' : 'pass';
  const summary = problems.length > 0 ? `${what}. ${problems.join(' ')}` : `${what}.`;

  const details: Section[] = [];
  if (totals.aiCommits > 0) details.push(commitsSection(facts.commits));
  if (facts.pullSignals.length > 0) {
    details.push({
      title: 'Pull request',
      columns: ['Signal', 'Tool', 'Evidence'],
      rows: facts.pullSignals.map((s) => [s.kind, s.tool, s.evidence]),
    });
  }
  details.push({
    title: 'Disclosure',
    columns: ['Policy', 'Required', 'Section', 'Filled', 'Why'],
    rows: [
      [
        facts.requireDisclosure,
        required ? 'yes' : 'no',
        facts.disclosure?.heading ?? (facts.disclosure?.found ? 'yes' : 'none'),
        facts.disclosure?.filled ? 'yes' : 'no',
        facts.disclosure?.reason ?? 'no pull request',
      ],
    ],
  });
  if (checkpoint) details.push(...checkpoint.sections);
  notes.push(`Commits read from ${facts.source === 'git' ? 'git' : 'the REST API'}.`);
  details.push({ title: 'Notes', notes });

  return createResult('provenance', {
    verdict,
    summary,
    metrics: [
      { id: 'commits', label: 'Commits', value: totals.commits, unit: 'count', verdict: 'none' },
      {
        id: 'ai-commits',
        label: 'AI-involved commits',
        value: totals.aiCommits,
        unit: 'count',
        verdict: 'none',
      },
      {
        id: 'ai-lines',
        label: 'Lines added by AI-involved commits',
        value: totals.aiLines,
        unit: 'lines',
        verdict: 'none',
      },
      {
        id: 'ai-share',
        label: 'Share of added lines from AI-involved commits',
        value: totals.aiShare,
        unit: 'percent',
        verdict: 'none',
      },
      {
        id: 'approvals',
        label: 'Approvals that count',
        value: checkpoint ? checkpoint.approvals : null,
        unit: 'count',
        verdict: 'none',
      },
    ],
    findings,
    details,
    outputs: {
      'ai-assisted': String(totals.aiInvolved),
      tools: totals.tools.map(safeTool).join(','),
      approved: String(approved),
    },
  });
}
