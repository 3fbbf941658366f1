/** A tiny gate for runtime tests: reads one report holding a percentage and compares it. */
import { getPercent, requireInput } from '../../src/inputs.js';
import type { Gate } from '../../src/gate.js';
import { createResult } from '../../src/result-builder.js';
import { judge } from '../../src/result.js';

export interface TestConfig {
  report: string;
  min: number;
}

export const testGate: Gate<TestConfig> = {
  id: 'coverage',
  title: 'Test',
  inputs: [
    { name: 'report', kind: 'string', description: 'Report path.', default: 'report.txt' },
    { name: 'threshold', kind: 'percent', description: 'Minimum.', default: '80' },
  ],
  config: (inputs) => ({
    report: inputs.get('report')?.value ?? 'report.txt',
    min: requireInput('threshold', getPercent(inputs, 'threshold')),
  }),
  async run(config, io) {
    const text = await io.readText(config.report);
    const lines = text.trim().split('\n');
    const value = Number(lines[0]);
    if (!/^\d+(\.\d+)?$/.test(lines[0] ?? '')) throw new Error(`bad number in ${config.report}`);
    const threshold = { op: '>=' as const, value: config.min };
    const verdict = judge(value, threshold) === 'pass' ? 'pass' : 'fail';
    return createResult('coverage', {
      verdict,
      summary: `Value ${value}% is ${verdict === 'pass' ? 'at least' : 'below'} ${config.min}%.`,
      metrics: [{ id: 'lines', label: 'Line coverage', value, unit: 'percent', threshold, verdict }],
      findings: lines
        .slice(1)
        .map((message, i) => ({ level: 'error' as const, message, file: `src/f${i}.ts`, startLine: i + 1 })),
      details: [
        {
          title: 'Files',
          columns: ['File', 'Note'],
          rows: lines.slice(1).map((l, i) => [`src/f${i}.ts`, l]),
        },
      ],
      inputs: [config.report],
      config: { ...config },
    });
  },
};
