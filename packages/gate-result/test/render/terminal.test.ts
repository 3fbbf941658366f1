import { describe, expect, it } from 'vitest';
import { createResult } from '../../src/result-builder.js';
import { renderTerminal } from '../../src/render/terminal.js';

const result = createResult('coverage', {
  verdict: 'fail',
  summary: 'Line coverage 78.12% is below 80%.\u001b[2J',
  metrics: [
    {
      id: 'lines',
      label: 'Line coverage',
      value: 78.129,
      unit: 'percent',
      threshold: { op: '>=', value: 80 },
      verdict: 'fail',
    },
  ],
  findings: [
    { level: 'error', message: 'uncovered\n::error::x \u001b[31mred', file: 'src/a.ts', startLine: 3 },
  ],
  details: [{ title: 'Worst files', columns: ['File', 'Lines'], rows: [['src/a.ts', 12.5]] }],
  durationMs: 20,
});

describe(renderTerminal.name, () => {
  it('never starts a line with a workflow command, even with report text at the start of a row', () => {
    const hostile = createResult('coverage', {
      verdict: 'fail',
      summary: '::error::summary',
      details: [{ title: '##[group]t', rows: [['::add-mask::x', 1]], notes: ['::warning::note'] }],
      durationMs: 0,
    });
    const lines = renderTerminal([hostile], { color: true }).split('\n');
    expect(lines.filter((l) => /^\s*::/.test(l) || l.includes('##['))).toEqual([]);
    expect(lines).toContain('    : :add-mask::x  1');
    expect(lines).toContain('  : :error::summary');
  });

  it('renders plain text without colour and with report escapes made visible', () => {
    expect(renderTerminal([result], { color: false })).toBe(
      [
        '✖ aeef/gates: failed',
        '  ✖  Coverage  failed  lines 78.12% < 80%',
        '',
        '✖ Coverage: failed (20 ms)',
        '  Line coverage 78.12% is below 80%.<U+001B>[2J',
        '  Line coverage  78.12%  ≥ 80%  fail',
        '  Worst files',
        '    File      Lines',
        '    src/a.ts  12.5',
        '  error src/a.ts:3 uncovered ::error::x <U+001B>[31mred',
        '',
        '',
      ].join('\n'),
    );
  });

  it('colours only when asked', () => {
    const coloured = renderTerminal([result], { color: true });
    expect(coloured).toContain('\u001b[31m✖\u001b[0m');
    expect(coloured).not.toContain('\u001b[2J');
  });
});
