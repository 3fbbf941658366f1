import { describe, expect, it } from 'vitest';
import { downsample, MAX_DRAWN_POINTS, renderDashboard } from '../src/dashboard.js';
import { backoffDelay, refuseCodeBranch } from '../src/history-git.js';
import { ConfigError, type EventContext } from '@aeef/gate-result';
import { lastComparable, parseHistory, recordLine, shardPath } from '../src/history-record.js';
import { KPI_SCHEMA, type KpiReport } from '../src/kpi-report.js';
import { factory } from '../../../test/support/factories.js';

const report = factory<KpiReport>(() => ({
  schema: KPI_SCHEMA,
  repository: 'aeef/sample',
  ref: 'main',
  commit: 'aaaaaaaaaaaaaaaa',
  event: 'push',
  pullNumber: null,
  timestamp: '2026-11-01T10:00:00.000Z',
  gates: [],
  kpis: [
    {
      id: 'coverage.lines',
      label: 'Line coverage',
      value: 80,
      unit: 'percent',
      direction: 'higher-is-better',
    },
  ],
  conflicts: [],
}));

describe(shardPath.name, () => {
  it('shards by the month of the event', () => {
    expect(shardPath(report())).toBe('history/2026-11.ndjson');
    expect(shardPath(report({ timestamp: null }))).toBe('history/undated.ndjson');
  });
});

describe(parseHistory.name, () => {
  it('reads records across shards in append order and counts unreadable lines', () => {
    const older = report({ commit: 'b', timestamp: '2026-10-31T00:00:00.000Z' });
    const newer = report({ commit: 'c' });
    const parsed = parseHistory([recordLine(newer, 1), `${recordLine(older, 0)}{"broken"\nnot json\n`]);
    expect(parsed.records.map((r) => r.commit)).toEqual(['b', 'c']);
    expect(parsed.skipped).toBe(2);
    expect(parsed.nextSeq).toBe(2);
  });

  it('orders by append position, never by the timestamp a commit date sets', () => {
    // A commit dated 9999 was appended second; the later runs come after it all the same.
    const lines = [
      recordLine(report({ commit: 'a', timestamp: '2026-11-01T00:00:00.000Z' }), 0),
      recordLine(report({ commit: 'dated-9999', timestamp: '9999-12-31T00:00:00.000Z' }), 1),
      recordLine(report({ commit: 'c', timestamp: '2026-11-02T00:00:00.000Z' }), 2),
    ];
    const parsed = parseHistory([lines[2]!, lines[1]!, lines[0]!]);
    expect(parsed.records.map((r) => r.commit)).toEqual(['a', 'dated-9999', 'c']);
    expect(lastComparable(parsed.records, report({ commit: 'next' }))?.commit).toBe('c');
  });

  it('puts records from before `seq` first, in their old timestamp order, then the sequenced ones', () => {
    const legacy = (commit: string, timestamp: string): string =>
      `${JSON.stringify(report({ commit, timestamp }))}\n`;
    const parsed = parseHistory([
      legacy('l2', '9999-01-01T00:00:00.000Z') + legacy('l1', '2026-01-01T00:00:00.000Z'),
      recordLine(report({ commit: 'n' }), 2),
    ]);
    expect(parsed.records.map((r) => r.commit)).toEqual(['l1', 'l2', 'n']);
    expect(parsed.nextSeq).toBe(3);
    expect(parseHistory([legacy('x', '2026-01-01T00:00:00.000Z')]).nextSeq).toBe(1);
  });

  it('skips a line whose seq is not a non-negative integer', () => {
    const bad = `${JSON.stringify({ seq: -1, ...report() })}\n${JSON.stringify({ seq: '1', ...report() })}\n`;
    expect(parseHistory([bad])).toMatchObject({ records: [], skipped: 2, nextSeq: 0 });
  });
});

describe(lastComparable.name, () => {
  it('skips records of the same commit (a re-run)', () => {
    const records = [report({ commit: 'a' }), report({ commit: 'b' })];
    expect(lastComparable(records, report({ commit: 'b' }))?.commit).toBe('a');
    expect(lastComparable([], report())).toBeUndefined();
  });
});

describe(renderDashboard.name, () => {
  it('draws one chart per KPI with a point per run', () => {
    const html = renderDashboard(
      [report({ commit: 'a' }), report({ commit: 'b', kpis: [{ ...report().kpis[0]!, value: 85 }] })],
      'KPIs of aeef/sample',
    );
    expect(html.match(/<figure/g)).toHaveLength(1);
    expect(html.match(/<circle/g)).toHaveLength(2);
    expect(html).toContain('latest 85');
    expect(html).not.toMatch(/<script/i);
  });

  it('draws each KPI split by provenance as two charts side by side, on one scale', () => {
    const split = (aiInvolved: boolean, value: number) => ({
      id: `github.${aiInvolved ? 'ai' : 'human'}.cycle-time`,
      label: `Cycle time, ${aiInvolved ? 'AI-involved' : 'human-only'} PRs`,
      value,
      p50: value,
      unit: 'hours' as const,
      direction: 'lower-is-better' as const,
      splitOf: 'github.cycle-time',
      aiInvolved,
    });
    const html = renderDashboard(
      [
        report({ commit: 'a', kpis: [split(false, 20), split(true, 4)] }),
        report({ commit: 'b', kpis: [split(true, 6), split(false, 10)] }),
      ],
      'KPIs',
    );
    const pair =
      /<div class="grid" data-split="github\.cycle-time">([\s\S]*?)\n<\/div>/.exec(html)?.[1] ?? '';
    // AI-involved first, then human-only, in one row.
    expect([...pair.matchAll(/data-kpi="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'github.ai.cycle-time',
      'github.human.cycle-time',
    ]);
    // One scale for both: the axis of each reads the pair's 4 to 20.
    const axes = [...pair.matchAll(/text-anchor="end">([\d.]+)<\/text>/g)].map((m) => m[1]);
    expect(axes).toEqual(['20', '4', '20', '4']);
    // The split charts are not repeated in the main grid.
    expect(html.match(/data-kpi="github\.ai\.cycle-time"/g)).toHaveLength(1);
  });

  it('escapes labels from result files', () => {
    const hostile = report({
      kpis: [
        {
          id: 'coverage.lines',
          label: '</title><script>alert(1)</script>',
          value: 1,
          unit: 'count',
          direction: 'none',
        },
      ],
    });
    const html = renderDashboard([hostile], '<b>x</b>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('the dashboard over a long history', () => {
  it('renders 1,000,000 records without spreading them into a call, drawing a bounded chart', () => {
    const kpis = report().kpis;
    const records: KpiReport[] = Array.from({ length: 1_000_000 }, (_, i) => ({
      ...report(),
      commit: null,
      kpis: i === 500_000 ? [{ ...kpis[0]!, value: 3 }] : kpis,
    }));
    const html = renderDashboard(records, 'KPIs');
    expect(html).toContain('1000000 run(s)');
    expect(html).toContain('1000000 runs; latest 80');
    const points = /<polyline class="line" points="([^"]*)"/.exec(html)?.[1]?.split(' ') ?? [];
    expect(points.length).toBeLessThanOrEqual(MAX_DRAWN_POINTS);
    // The one dip to 3 percent is drawn: y = 16 + (1 - 3/100) * 136 = 147.9.
    expect(points.filter((p) => p.endsWith(',147.9'))).toHaveLength(1);
    expect(html.match(/<circle/g)).toBeNull();
    expect(html.length).toBeLessThan(100_000);
  });
});

describe(downsample.name, () => {
  const points = (values: number[]) => values.map((value, x) => ({ x, value }));

  it('keeps every point under the limit', () => {
    expect(downsample(points([1, 2, 3]), 10)).toHaveLength(3);
  });

  it("keeps the first, the last and each bucket's extremes, in order", () => {
    const values = Array.from({ length: 10_000 }, (_, i) => 50 + (i % 7));
    values[4321] = -1000;
    values[8765] = 1000;
    const out = downsample(points(values), 100);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out[0]?.x).toBe(0);
    expect(out.at(-1)?.x).toBe(9999);
    expect(out.map((p) => p.value)).toContain(-1000);
    expect(out.map((p) => p.value)).toContain(1000);
    const xs = out.map((p) => p.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });
});

describe(backoffDelay.name, () => {
  it('grows exponentially with full jitter in the upper half of the window, capped at 8 s', () => {
    expect(backoffDelay(1, 0)).toBe(125);
    expect(backoffDelay(1, 0.999)).toBe(250);
    expect(backoffDelay(3, 0.5)).toBe(750);
    expect(backoffDelay(20, 0.999)).toBe(7996);
    expect(backoffDelay(20, 0)).toBe(4000);
  });
});

describe(refuseCodeBranch.name, () => {
  const event = (name: string, payload: Record<string, unknown>): EventContext => ({ name, payload });

  it('refuses every branch the event names as code: default, pushed, PR head and base, merge queue, workflow_run', () => {
    const cases: [EventContext, string][] = [
      [event('schedule', { repository: { default_branch: 'trunk' } }), 'trunk'],
      [event('push', { ref: 'refs/heads/release' }), 'release'],
      [event('pull_request', { pull_request: { head: { ref: 'f' }, base: { ref: 'dev' } } }), 'dev'],
      [
        event('merge_group', { merge_group: { head_ref: 'refs/heads/gh-readonly-queue/main/pr-1' } }),
        'gh-readonly-queue/main/pr-1',
      ],
      [event('workflow_run', { workflow_run: { head_branch: 'feature' } }), 'feature'],
    ];
    for (const [e, branch] of cases) expect(() => refuseCodeBranch(branch, e), branch).toThrow(ConfigError);
  });

  it('lets a branch of its own through', () => {
    const e = event('push', { ref: 'refs/heads/main', repository: { default_branch: 'main' } });
    expect(() => refuseCodeBranch('kpi-data', e)).not.toThrow();
    // A tag of the same name is not the branch.
    expect(() => refuseCodeBranch('v1', event('push', { ref: 'refs/tags/v1' }))).not.toThrow();
  });
});
