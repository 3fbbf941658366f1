/**
 * The KPI exports from result files the other gates really wrote on real reports from
 * test/fixtures: kpi.json validates against the published schema, the OpenMetrics text parses
 * with a Prometheus text-format parser and the CSV with a CSV parser, each to the gates' numbers.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { coverageGate } from '@aeef/action-coverage';
import { licenseGate } from '@aeef/action-license';
import { mutationGate } from '@aeef/action-mutation';
import { sarifGate } from '@aeef/action-sarif';
import { inputsFromRecord, type AnyGate, type GateResult } from '@aeef/gate-result';
import { createLocalIO, executeGate, writeResultFile } from '@aeef/gate-result/runtime';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { beforeAll, describe, expect, it } from 'vitest';
import { kpiGate } from '../src/gate.js';
import { fixturePath } from '../../../test/support/paths.js';

const RUNS: [AnyGate, string, string, Record<string, string>][] = [
  [coverageGate, 'coverage/lcov-istanbul-dot-slash-paths.info', 'lcov.info', { files: 'lcov.info' }],
  [
    mutationGate,
    'mutation/strykerjs-6.2.0-unsanitized-ids.json',
    'mutation.json',
    { files: 'mutation.json', 'allow-missing-sources': 'true' },
  ],
  [sarifGate, 'sarif/semgrep-rule-board-multiple-rules.sarif', 'semgrep.sarif', { files: 'semgrep.sarif' }],
  [licenseGate, 'licenses/trivy-npm-cyclonedx-1.7.json', 'bom.json', { sources: 'bom.json' }],
];

let gateResults: GateResult[];
let kpi: GateResult;

beforeAll(async () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'aeef-kpi-real-'));
  const resultDir = path.join(workspace, '.results');
  const io = createLocalIO({ workspace, resultDir });
  gateResults = [];
  for (const [gate, fixture, name, inputs] of RUNS) {
    copyFileSync(fixturePath(...fixture.split('/')), path.join(workspace, name));
    const result = await executeGate(gate, inputsFromRecord(inputs), io);
    // Each must have decided (pass or fail), or the KPI numbers below would test nothing.
    expect(['pass', 'warn', 'fail'], `${gate.id}: ${result.summary}`).toContain(result.verdict);
    await writeResultFile(resultDir, result);
    gateResults.push(result);
  }
  writeFileSync(path.join(workspace, '.keep'), '');
  kpi = await executeGate(kpiGate, inputsFromRecord({ 'output-dir': 'kpi' }), io);
  expect(kpi.verdict, kpi.summary).toBe('pass');
});

/** Every numeric metric of the gates' results, as `<gate>.<metric>` → value. */
function gateNumbers(): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const r of gateResults)
    for (const m of r.metrics) if (m.value !== null) numbers.set(`${r.gate}.${m.id}`, m.value);
  return numbers;
}

describe('KPI exports from real gate results', () => {
  it('kpi.json validates against the published JSON Schema and carries every gate', () => {
    const schema = JSON.parse(
      readFileSync(path.join(__dirname, '..', 'schema', 'kpi-v1.schema.json'), 'utf8'),
    ) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const json = JSON.parse(readFileSync(kpi.outputs['kpi-file']!, 'utf8')) as {
      gates: { gate: string }[];
      kpis: { id: string; value: number | null }[];
    };
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.gates.map((g) => g.gate)).toEqual(['coverage', 'mutation', 'sarif', 'license']);
    for (const [id, value] of gateNumbers())
      expect(json.kpis.find((k) => k.id === id)?.value, id).toBe(value);
  });

  it('the OpenMetrics text parses to the same numbers', () => {
    const families = parsePrometheusTextFormat(readFileSync(kpi.outputs['openmetrics-file']!, 'utf8'));
    const samples = families.find((f) => f.name === 'aeef_gate_metric')!.metrics;
    const numbers = gateNumbers();
    expect(samples).toHaveLength(numbers.size);
    for (const s of samples) {
      expect(Number(s.value), `${s.labels!.gate}.${s.labels!.metric}`).toBe(
        numbers.get(`${s.labels!.gate}.${s.labels!.metric}`),
      );
    }
    const verdicts = families
      .find((f) => f.name === 'aeef_gate_verdict')!
      .metrics.filter((m) => m.value === '1');
    expect(verdicts.map((v) => `${v.labels!.gate}:${v.labels!.verdict}`).sort()).toEqual(
      gateResults.map((r) => `${r.gate}:${r.verdict}`).sort(),
    );
  });

  it('the CSV parses to the same numbers', () => {
    const rows = parseCsv<Record<string, string>>(readFileSync(kpi.outputs['csv-file']!, 'utf8'), {
      columns: true,
    });
    for (const [id, value] of gateNumbers())
      expect(Number(rows.find((r) => r.kpi === id)?.value), id).toBe(value);
  });
});
