import { describe, expect, it } from 'vitest';
import { ReportError } from '@aeef/gate-result';
import { collectResults } from '../src/collect.js';
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
