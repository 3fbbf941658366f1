import { parse as parseCsv } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import { buildKpiReport } from '../src/build-report.js';
import { collectResults } from '../src/collect.js';
import { renderBenchmark } from '../src/export/benchmark.js';
import { renderCsv } from '../src/export/csv.js';
import { renderKpiJson } from '../src/export/json.js';
import { renderOpenMetrics } from '../src/export/openmetrics.js';
import { kpiJsonSchema } from '../src/kpi-schema.js';
import { gateResultFactory, metricFactory } from '../../../test/support/factories.js';

function sampleReport() {
  const collected = collectResults([
    { path: 'coverage.json', text: JSON.stringify(gateResultFactory()) },
    {
      path: 'sarif.json',
      text: JSON.stringify(
        gateResultFactory({
          gate: 'sarif',
          verdict: 'fail',
          metrics: [
            metricFactory({
              id: 'findings',
              label: '=HYPERLINK("http://x")',
              unit: 'count',
              value: 3,
              threshold: { op: '<=', value: 0 },
              verdict: 'fail',
            }),
          ],
        }),
      ),
    },
  ]);
  return buildKpiReport(collected, {
    name: 'pull_request',
    payload: { pull_request: { updated_at: '2026-11-01T10:00:00Z', head: { ref: 'feature' } } },
    repository: { owner: 'aeef', repo: 'sample' },
    pullNumber: 7,
    headSha: 'abc123',
  });
}

describe('the KPI exports', () => {
  it('kpi.json validates against the published JSON Schema', () => {
    const json = JSON.parse(renderKpiJson(sampleReport())) as unknown;
    const validate = new Ajv2020({ strict: false }).compile(kpiJsonSchema());
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...(json as object), schema: 'aeef.kpi/v2' })).toBe(false);
  });

  it('derives the gate pass rate, counting fail and error as not passed', () => {
    const rate = sampleReport().kpis.find((k) => k.id === 'gates.pass-rate')!;
    expect(rate.value).toBe(50);
    expect(rate.samples).toBe(2);
  });

  it('takes the timestamp from the event, not the clock', () => {
    expect(sampleReport().timestamp).toBe('2026-11-01T10:00:00.000Z');
  });

  it('OpenMetrics text parses with a Prometheus text-format parser to the same numbers', () => {
    const families = parsePrometheusTextFormat(renderOpenMetrics(sampleReport()));
    const byName = new Map(families.map((f) => [f.name, f]));
    const metric = byName.get('aeef_gate_metric')!;
    expect(metric.type).toBe('GAUGE');
    expect(metric.metrics).toContainEqual({
      labels: { gate: 'coverage', metric: 'lines', unit: 'percent' },
      value: '91.3',
    });
    expect(metric.metrics).toContainEqual({
      labels: { gate: 'sarif', metric: 'findings', unit: 'count' },
      value: '3',
    });
    const verdicts = byName.get('aeef_gate_verdict')!.metrics;
    expect(verdicts).toContainEqual({ labels: { gate: 'sarif', verdict: 'fail' }, value: '1' });
    expect(verdicts).toContainEqual({ labels: { gate: 'sarif', verdict: 'pass' }, value: '0' });
    expect(byName.get('aeef_kpi')!.metrics).toContainEqual({
      labels: { kpi: 'gates.pass-rate', unit: 'percent' },
      value: '50',
    });
  });

  it('ends the OpenMetrics text with # EOF and carries no run-specific labels', () => {
    const text = renderOpenMetrics(sampleReport());
    expect(text.endsWith('# EOF\n')).toBe(true);
    expect(text).not.toMatch(/abc123|run_id|commit|pull/);
  });

  it('CSV opens with a CSV parser to the same numbers, formulas neutralised', () => {
    const rows = parseCsv<Record<string, string>>(renderCsv(sampleReport()), { columns: true });
    const lines = rows.find((r) => r.kpi === 'coverage.lines')!;
    expect(Number(lines.value)).toBe(91.3);
    const findings = rows.find((r) => r.kpi === 'sarif.findings')!;
    expect(findings.label).toBe(`'=HYPERLINK("http://x")`);
    expect(Number(findings.value)).toBe(3);
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+@\t\r]/);
  });

  it('splits the benchmark export by direction', () => {
    const { bigger, smaller } = renderBenchmark(sampleReport());
    expect(bigger).toContainEqual({ name: 'coverage.lines', unit: '%', value: 91.3 });
    expect(smaller).toContainEqual({ name: 'sarif.findings', unit: 'count', value: 3 });
  });
});
