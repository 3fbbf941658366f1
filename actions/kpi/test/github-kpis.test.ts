import { describe, expect, it } from 'vitest';
import { computeGithubKpis, type PullSample, type ReviewSample } from '../src/github-kpis.js';
import { percentile } from '../src/stats.js';
import { factory } from '../../../test/support/factories.js';

const review = factory<ReviewSample>(() => ({
  state: 'APPROVED',
  submittedAt: '2026-11-01T02:00:00Z',
  author: 'reviewer',
  authorIsBot: false,
}));
const pull = factory<PullSample>(() => ({
  number: 1,
  author: 'dev',
  createdAt: '2026-11-01T00:00:00Z',
  mergedAt: '2026-11-01T10:00:00Z',
  changedLines: 120,
  reviews: [review()],
}));

const byId = (pulls: PullSample[], days = 7) => new Map(computeGithubKpis(pulls, days).map((k) => [k.id, k]));

describe(percentile.name, () => {
  it.each([
    [[], 50, null],
    [[5], 90, 5],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[10, 1, 7], 50, 7],
  ])('nearest rank of %j at p%i is %s', (samples, p, expected) => {
    expect(percentile(samples, p)).toBe(expected);
  });
});

describe(computeGithubKpis.name, () => {
  it('measures cycle time in hours with mean, p50 and p90', () => {
    const kpis = byId([pull(), pull({ number: 2, mergedAt: '2026-11-02T00:00:00Z' })]);
    expect(kpis.get('github.cycle-time')).toMatchObject({
      value: 17,
      p50: 10,
      p90: 24,
      samples: 2,
      unit: 'hours',
    });
  });

  it('times the first review by someone else, ignoring bots and the author', () => {
    const kpis = byId([
      pull({
        reviews: [
          review({ author: 'dev', submittedAt: '2026-11-01T00:30:00Z', state: 'COMMENTED' }),
          review({ author: 'ci-bot', authorIsBot: true, submittedAt: '2026-11-01T00:45:00Z' }),
          review({ submittedAt: '2026-11-01T03:00:00Z', state: 'COMMENTED' }),
        ],
      }),
      pull({ number: 2, reviews: [] }),
    ]);
    expect(kpis.get('github.time-to-first-review')).toMatchObject({ value: 3, samples: 1 });
  });

  it('counts a PR as passing review only when approved before any change request', () => {
    const kpis = byId([
      pull({ reviews: [review()] }),
      pull({
        number: 2,
        reviews: [
          review({ state: 'CHANGES_REQUESTED', submittedAt: '2026-11-01T01:00:00Z' }),
          review({ submittedAt: '2026-11-01T02:00:00Z' }),
        ],
      }),
      pull({ number: 3, reviews: [review({ state: 'COMMENTED' })] }),
    ]);
    // PR 3 had no decisive review: it is not in the denominator.
    expect(kpis.get('github.review-pass-rate')).toMatchObject({ value: 50, samples: 2 });
  });

  it('reports throughput per week and merged size, and null without samples', () => {
    const kpis = byId([pull(), pull({ number: 2, changedLines: null })], 14);
    expect(kpis.get('github.throughput')).toMatchObject({ value: 1, samples: 2 });
    expect(kpis.get('github.merged-pr-size')).toMatchObject({ value: 120, samples: 1 });
    const empty = byId([]);
    expect(empty.get('github.cycle-time')).toMatchObject({ value: null, p50: null, samples: 0 });
    expect(empty.get('github.review-pass-rate')!.value).toBeNull();
  });
});
