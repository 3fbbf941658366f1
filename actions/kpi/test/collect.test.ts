import { describe, expect, it } from 'vitest';
import { ReportError } from '@aeef/gate-result';
import { buildKpiReport } from '../src/build-report.js';
import { collectResults } from '../src/collect.js';
import { renderOpenMetrics } from '../src/export/openmetrics.js';
import { assertValidKpiReport } from '../src/kpi-schema.js';
import { gateResultFactory, metricFactory } from '../../../test/support/factories.js';

const file = (path: string, result: unknown) => ({ path, text: JSON.stringify(result) });

describe(collectResults.name, () => {
  it('keeps one entry per gate, in the suite order', () => {
    const sut = collectResults([
      file('sarif.json', gateResultFactory({ gate: 'sarif', metrics: [] })),
      file('coverage.json', gateResultFactory()),
    ]);
    expect(sut.gates.map((g) => g.gate)).toEqual(['coverage', 'sarif']);
    expect(sut.conflicts).toEqual([]);
  });

  it('merges identical results of one gate from several shards', () => {
    const sut = collectResults([
      file('a/coverage.json', gateResultFactory({ durationMs: 5 })),
      file('b/coverage.json', gateResultFactory({ durationMs: 9 })),
    ]);
    expect(sut.gates).toHaveLength(1);
    expect(sut.gates[0]!.sources).toEqual(['a/coverage.json', 'b/coverage.json']);
    expect(sut.conflicts).toEqual([]);
  });

  it('reports differing results of one gate as a conflict, with the worst verdict and no metrics', () => {
    const sut = collectResults([
      file('a/coverage.json', gateResultFactory()),
      file(
        'b/coverage.json',
        gateResultFactory({ verdict: 'fail', metrics: [metricFactory({ value: 50, verdict: 'fail' })] }),
      ),
    ]);
    expect(sut.gates[0]!.verdict).toBe('fail');
    expect(sut.gates[0]!.metrics).toEqual([]);
    expect(sut.conflicts).toHaveLength(1);
    expect(sut.conflicts[0]!.reason).toContain('disagree');
  });

  it('exports two instances of one gate as two entries, each under its name, not as a conflict', () => {
    const web = gateResultFactory({ name: 'web', metrics: [metricFactory({ value: 91.3 })] });
    const api = gateResultFactory({
      name: 'api',
      verdict: 'fail',
      metrics: [metricFactory({ value: 60, verdict: 'fail' })],
    });
    const sut = collectResults([
      file('coverage-web.json', web),
      file('coverage-api.json', api),
      file('coverage.json', gateResultFactory({ metrics: [metricFactory({ value: 70 })] })),
    ]);
    expect(sut.conflicts).toEqual([]);
    // The unnamed instance first, then by name.
    expect(sut.gates.map((g) => [g.gate, g.name, g.verdict, g.metrics[0]?.value])).toEqual([
      ['coverage', undefined, 'pass', 70],
      ['coverage', 'api', 'fail', 60],
      ['coverage', 'web', 'pass', 91.3],
    ]);
    const report = buildKpiReport(sut, { name: 'push', payload: {} });
    expect(report.kpis.filter((k) => k.id.endsWith('.lines')).map((k) => [k.id, k.value])).toEqual([
      ['coverage.lines', 70],
      ['coverage-api.lines', 60],
      ['coverage-web.lines', 91.3],
    ]);
    expect(() => assertValidKpiReport(report)).not.toThrow();
    const prom = renderOpenMetrics(report);
    expect(prom).toContain('aeef_gate_metric{gate="coverage",metric="lines",unit="percent"} 70\n');
    expect(prom).toContain('aeef_gate_metric{gate="coverage",metric="lines",unit="percent",name="api"} 60\n');
    expect(prom).toContain('aeef_gate_verdict{gate="coverage",verdict="fail",name="api"} 1\n');
    expect(prom).toContain(
      'aeef_gate_metric{gate="coverage",metric="lines",unit="percent",name="web"} 91.3\n',
    );
  });

  it('still reports differing shards of one named instance as a conflict of that instance', () => {
    const sut = collectResults([
      file('a/coverage-web.json', gateResultFactory({ name: 'web' })),
      file('b/coverage-web.json', gateResultFactory({ name: 'web', verdict: 'fail' })),
      file('coverage-api.json', gateResultFactory({ name: 'api' })),
    ]);
    expect(sut.conflicts.map((c) => [c.gate, c.name, c.sources])).toEqual([
      ['coverage', 'web', ['a/coverage-web.json', 'b/coverage-web.json']],
    ]);
    expect(sut.conflicts[0]!.reason).toContain("the coverage gate's instance coverage-web disagree");
    expect(sut.gates.map((g) => [g.name, g.metrics.length])).toEqual([
      ['api', 1],
      ['web', 0],
    ]);
  });

  it('takes the provenance from the provenance gate, and labels every gate figure with it', () => {
    const provenance = (aiAssisted: string) =>
      file(
        `provenance-${aiAssisted}.json`,
        gateResultFactory({ gate: 'provenance', metrics: [], outputs: { 'ai-assisted': aiAssisted } }),
      );
    expect(collectResults([file('coverage.json', gateResultFactory())]).provenance).toBeUndefined();
    expect(collectResults([provenance('false')]).provenance).toEqual({ aiInvolved: false });
    const sut = collectResults([file('coverage.json', gateResultFactory()), provenance('true')]);
    expect(sut.provenance).toEqual({ aiInvolved: true });
    const prom = renderOpenMetrics(buildKpiReport(sut, { name: 'push', payload: {} }));
    expect(prom).toContain(
      'aeef_gate_metric{gate="coverage",metric="lines",unit="percent",ai_involved="true"} 91.3\n',
    );
    expect(prom).toContain('aeef_gate_verdict{gate="provenance",verdict="pass",ai_involved="true"} 1\n');
  });

  it.each([
    ['not JSON', '{', /The result file bad.json is not valid JSON/],
    [
      'another format',
      JSON.stringify({ schema: 'other/v1' }),
      /bad.json is not an aeef.gate-result\/v1 result: schema/,
    ],
    ['an unknown verdict', JSON.stringify(gateResultFactory({ verdict: 'ok' as never })), /verdict/],
    [
      'a hostile metric id',
      JSON.stringify(gateResultFactory({ metrics: [metricFactory({ id: 'x"} 1\nevil' })] })),
      /metrics\.0\.id/,
    ],
    [
      'a non-finite value',
      JSON.stringify(gateResultFactory()).replace('"value":91.3', '"value":1e400'),
      /The result file bad\.json holds the number 1e400 at line 1, column \d+, which is beyond the range of a double/,
    ],
    [
      'a duplicate verdict written with an escape',
      JSON.stringify(gateResultFactory({ verdict: 'fail' })).replace(
        '"verdict":"fail"',
        '"verdict":"fail","\\u0076erdict":"pass"',
      ),
      /The result file bad\.json repeats the key "verdict"/,
    ],
  ])('names the file when a result file is %s', (_name, text, message) => {
    expect(() => collectResults([{ path: 'bad.json', text }])).toThrow(message);
    // A user-fixable ReportError, so the summary is the sentence, never "Internal error".
    expect(() => collectResults([{ path: 'bad.json', text }])).toThrow(ReportError);
  });
});
