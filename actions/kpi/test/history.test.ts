import { describe, expect, it } from 'vitest';
import { renderDashboard } from '../src/dashboard.js';
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
  it('reads records across shards in time order and counts unreadable lines', () => {
    const older = report({ commit: 'b', timestamp: '2026-10-31T00:00:00.000Z' });
    const newer = report({ commit: 'c' });
    const parsed = parseHistory([recordLine(newer), `${recordLine(older)}{"broken"\nnot json\n`]);
    expect(parsed.records.map((r) => r.commit)).toEqual(['b', 'c']);
    expect(parsed.skipped).toBe(2);
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
