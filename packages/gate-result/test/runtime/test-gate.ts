/**
 * A tiny gate for runtime tests. Its report is JSON: `{ "value": 85, "findings": [{ "file",
 * "line", "message" }], "outputs": {} }`; every string in it is report text, as in a real gate.
 */
import { getPercent, requireInput } from '../../src/inputs.js';
import type { Gate } from '../../src/gate.js';
import { createResult } from '../../src/result-builder.js';
import { judge } from '../../src/result.js';

export interface TestConfig {
  report: string;
  min: number;
}

interface TestReport {
  value: number;
  findings?: { file: string; line: number; message: string }[];
  outputs?: Record<string, string>;
}

export const testGate: Gate<TestConfig> = {
  id: 'coverage',
  title: 'Coverage',
  inputs: [
    { name: 'report', kind: 'string', description: 'Report path.', default: 'report.json' },
    { name: 'threshold', kind: 'percent', description: 'Minimum.', default: '80' },
    { name: 'github-token', kind: 'secret', description: 'Token.' },
  ],
  config: (inputs) => ({
    report: inputs.get('report')?.value ?? 'report.json',
    min: requireInput('threshold', getPercent(inputs, 'threshold')),
  }),
  async run(config, io) {
    const report = JSON.parse(await io.readText(config.report)) as TestReport;
    if (typeof report.value !== 'number') throw new Error(`bad number in ${config.report}`);
    const threshold = { op: '>=' as const, value: config.min };
    const verdict = judge(report.value, threshold) === 'pass' ? 'pass' : 'fail';
    const findings = report.findings ?? [];
    io.log.info(`Read ${findings.length} findings: ${findings.map((f) => f.message).join(' ')}`);
    return createResult('coverage', {
      verdict,
      summary: `Value ${report.value}% is ${verdict === 'pass' ? 'at least' : 'below'} ${config.min}%.`,
      metrics: [
        { id: 'lines', label: 'Line coverage', value: report.value, unit: 'percent', threshold, verdict },
      ],
      findings: findings.map((f) => ({
        level: 'error' as const,
        message: f.message,
        file: f.file,
        startLine: f.line,
      })),
      details: [
        { title: 'Findings', columns: ['File', 'Message'], rows: findings.map((f) => [f.file, f.message]) },
      ],
      outputs: report.outputs ?? {},
      inputs: [config.report],
      config: { ...config },
    });
  },
};
