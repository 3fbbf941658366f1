import { describe, expect, it } from 'vitest';
import { createResult } from '../../src/result-builder.js';
import { renderSummary } from '../../src/render/summary-markdown.js';
import type { Finding, GateResult } from '../../src/result.js';

const sample = (fields: Partial<GateResult> = {}): GateResult =>
  createResult('coverage', {
    verdict: 'fail',
    summary: 'Line coverage 78.12% is below 80%.',
    metrics: [
      {
        id: 'lines',
        label: 'Line coverage',
        value: 78.129,
        unit: 'percent',
        threshold: { op: '>=', value: 80 },
        verdict: 'fail',
      },
      { id: 'patch', label: 'Patch coverage', value: null, unit: 'percent', verdict: 'none' },
    ],
    details: [
      {
        title: 'Worst files',
        columns: ['File', 'Lines'],
        rows: [
          ['src/a|b.ts', 12.5],
          ['src/<b>.ts', null],
        ],
        omittedRows: 3,
        notes: ['Paths are relative to `.`'],
      },
    ],
    durationMs: 1234,
    inputs: ['coverage/lcov.info'],
    ...fields,
  });

describe(renderSummary.name, () => {
  it('renders a gate as heading, sentence, metrics, sections and notes', () => {
    expect(renderSummary([sample()])).toMatchInlineSnapshot(`
      "# ❌ Coverage: failed

      | Gate | Verdict | Deciding figure | Details |
      | --- | --- | --- | --- |
      | Coverage | ❌ failed | lines 78.12% &lt; 80% | [coverage](#gate-coverage) |

      <a id="gate-coverage"></a>

      ## ❌ Coverage: failed

      Line coverage 78.12% is below 80%.

      | Metric | Value | Threshold | Verdict |
      | --- | ---: | ---: | --- |
      | Line coverage | 78.12% | ≥ 80% | ❌ fail |
      | Patch coverage | n/a | — | — |

      ### Worst files

      | File | Lines |
      | --- | --- |
      | src/a&vert;b.ts | 12.5 |
      | src/&lt;b&gt;.ts |  |

      _…and 3 more rows not shown._

      Paths are relative to \\\`.\\\`

      <sub>coverage gate · 1.2 s · read 1 file</sub>

      "
    `);
  });

  it('counts the findings beyond the annotation cap (E4)', () => {
    const findings: Finding[] = Array.from({ length: 25 }, (_, i) => ({
      level: i < 13 ? 'error' : 'warning',
      message: `m${i}`,
    }));
    expect(renderSummary([sample({ findings })])).toContain(
      '25 findings; 3 errors, 2 warnings beyond the annotation limit are not annotated.',
    );
  });

  // RELIABILITY E9: 100k findings in a table stay under 1 MiB, with a notice; the verdict is the gate's.
  it('stays under the 1 MiB budget with a visible truncation note', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => [
      `src/very/long/path/to/file-${i}.ts`,
      `message ${'x'.repeat(40)} ${i}`,
    ]);
    const result = sample({ details: [{ title: 'Findings', columns: ['File', 'Message'], rows }] });
    const markdown = renderSummary([result, sample({ verdict: 'pass', summary: 'Second gate.' })]);
    expect(Buffer.byteLength(markdown)).toBeLessThan(1024 * 1024);
    expect(markdown).toContain('This summary was truncated to stay under GitHub');
    expect(markdown).toMatch(/_…and \d+ more rows not shown\._/);
    expect(markdown).toContain('## ❌ Coverage: failed');
    expect(markdown).toContain('Second gate.');
    expect(result.verdict).toBe('fail');
  });

  it('keeps the budget with thousands of sections, each counting its cut rows', () => {
    const details = Array.from({ length: 3000 }, (_, i) => ({
      title: `Section ${i}`,
      columns: ['File', 'Message'],
      rows: Array.from({ length: 20 }, (_, j) => [`src/f${j}.ts`, 'y'.repeat(200)]),
    }));
    const markdown = renderSummary([sample({ details })]);
    expect(Buffer.byteLength(markdown)).toBeLessThan(1_000_000);
    expect(markdown).toContain('This summary was truncated');
  });
});
