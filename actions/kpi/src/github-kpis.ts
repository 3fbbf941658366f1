/**
 * Delivery KPIs from recently merged pull requests (pure: the fetching is in fetch-pulls.ts).
 * Each distribution carries its sample count and p50/p90, not only a mean.
 */
import type { Kpi } from './kpi-report.js';
import { mean, percentile } from './stats.js';

export interface ReviewSample {
  state: string; // APPROVED | CHANGES_REQUESTED | COMMENTED | DISMISSED | PENDING
  submittedAt: string | null;
  author: string | null;
  authorIsBot: boolean;
}

export interface PullSample {
  number: number;
  author: string | null;
  /** From the provenance identity table: the PR's author, body, labels or fetched commits. */
  aiInvolved?: boolean;
  aiEvidence?: 'pull' | 'commits';
  /** The AI tools found, sorted. */
  tools?: string[];
  createdAt: string;
  mergedAt: string;
  /** additions + deletions; null when not fetched. */
  changedLines: number | null;
  reviews: ReviewSample[];
}

const HOUR = 3_600_000;

/**
 * `windowDays` is the span the pulls were taken from (throughput is per 7 days of it). When the
 * pulls carry their provenance, each KPI is also given for the AI-involved PRs
 * (`github.ai.cycle-time`) and the others (`github.human.cycle-time`), side by side.
 */
export function computeGithubKpis(pulls: readonly PullSample[], windowDays: number): Kpi[] {
  const all = deliveryKpis(pulls, windowDays);
  if (!pulls.some((p) => p.aiInvolved !== undefined)) return all;
  const split = (aiInvolved: boolean): Kpi[] =>
    deliveryKpis(
      pulls.filter((p) => (p.aiInvolved ?? false) === aiInvolved),
      windowDays,
    ).map((kpi) => ({
      ...kpi,
      id: kpi.id.replace(/^github\./, aiInvolved ? 'github.ai.' : 'github.human.'),
      label: `${kpi.label}, ${aiInvolved ? 'AI-involved' : 'human-only'} PRs`,
      splitOf: kpi.id,
      aiInvolved,
    }));
  return [...all, ...split(true), ...split(false)];
}

function deliveryKpis(pulls: readonly PullSample[], windowDays: number): Kpi[] {
  const cycle = pulls.map((p) => (Date.parse(p.mergedAt) - Date.parse(p.createdAt)) / HOUR);
  const firstReview: number[] = [];
  let reviewed = 0;
  let passedFirstTime = 0;
  for (const pull of pulls) {
    const reviews = humanReviewsByOthers(pull);
    if (reviews.length > 0) {
      firstReview.push(
        (Date.parse(reviews[0]?.submittedAt ?? pull.createdAt) - Date.parse(pull.createdAt)) / HOUR,
      );
    }
    const decisive = reviews.filter((r) => r.state === 'APPROVED' || r.state === 'CHANGES_REQUESTED');
    if (decisive.length > 0) {
      reviewed++;
      const firstApproval = decisive.findIndex((r) => r.state === 'APPROVED');
      const firstChange = decisive.findIndex((r) => r.state === 'CHANGES_REQUESTED');
      if (firstApproval >= 0 && (firstChange < 0 || firstChange > firstApproval)) passedFirstTime++;
    }
  }
  const sizes = pulls.map((p) => p.changedLines).filter((n): n is number => n !== null);
  return [
    distribution('github.cycle-time', 'Cycle time (opened to merged)', cycle, 'hours', 'lower-is-better'),
    distribution(
      'github.time-to-first-review',
      'Time to first review',
      firstReview,
      'hours',
      'lower-is-better',
    ),
    {
      id: 'github.review-pass-rate',
      label: 'Review pass rate (approved without prior changes requested)',
      value: reviewed === 0 ? null : (passedFirstTime / reviewed) * 100,
      unit: 'percent',
      direction: 'higher-is-better',
      samples: reviewed,
    },
    {
      id: 'github.throughput',
      label: 'Merged PRs per week',
      value: windowDays > 0 ? (pulls.length / windowDays) * 7 : null,
      unit: 'count',
      direction: 'higher-is-better',
      samples: pulls.length,
    },
    distribution(
      'github.merged-pr-size',
      'Merged PR size (lines changed)',
      sizes,
      'lines',
      'lower-is-better',
    ),
  ];
}

/** Submitted reviews by people other than the author, oldest first. */
function humanReviewsByOthers(pull: PullSample): ReviewSample[] {
  return pull.reviews
    .filter(
      (r) => r.submittedAt !== null && !r.authorIsBot && r.author !== pull.author && r.state !== 'PENDING',
    )
    .sort((a, b) => Date.parse(a.submittedAt ?? '') - Date.parse(b.submittedAt ?? ''));
}

function distribution(
  id: string,
  label: string,
  samples: readonly number[],
  unit: Kpi['unit'],
  direction: Kpi['direction'],
): Kpi {
  return {
    id,
    label,
    value: mean(samples),
    unit,
    direction,
    samples: samples.length,
    p50: percentile(samples, 50),
    p90: percentile(samples, 90),
  };
}
