/**
 * Which result files the KPI export reads (issue 11, item 8 and "20,000 result files"): a file in
 * the result directory counts as a verdict only when a gate of this job wrote it (its digest is in
 * the directory's ledger, under this job); planted, copied, edited or foreign files are reported
 * and left out. Reading is bounded: 20,000 files never mean 20,000 open handles.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inputsFromRecord, type EventContext, type GateIO } from '@aeef/gate-result';
import { createLocalIO, executeGate, RESULT_LEDGER, writeResultFile } from '@aeef/gate-result/runtime';
import { describe, expect, it } from 'vitest';
import { kpiGate } from '../src/gate.js';
import { mapBounded } from '../src/bounded.js';
import { gateResultFactory, metricFactory } from '../../../test/support/factories.js';

const JOB = '4242/1/quality';
const event: EventContext = { name: 'push', payload: {}, headSha: 'c', job: JOB };

function dirs() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'aeef-kpi-files-'));
  const workspace = path.join(root, 'ws');
  const resultDir = path.join(root, 'results');
  mkdirSync(workspace);
  return { root, workspace, resultDir };
}

const coverage = gateResultFactory({ metrics: [metricFactory({ value: 91 })] });
const sarifPass = gateResultFactory({ gate: 'sarif', verdict: 'pass', metrics: [] });

async function run(io: GateIO, inputs: Record<string, string> = {}) {
  return executeGate(kpiGate, inputsFromRecord({ formats: 'json', ...inputs }), io);
}

function exportedGates(outputs: Record<string, string>): string[] {
  const kpi = JSON.parse(readFileSync(outputs['kpi-file']!, 'utf8')) as { gates: { gate: string }[] };
  return kpi.gates.map((g) => g.gate);
}

const notes = (result: Awaited<ReturnType<typeof run>>): string =>
  result.details.find((d) => d.title === 'Notes')?.notes?.join(' ') ?? '';

describe('result files in the result directory', () => {
  it('exports a file a gate of this job wrote, and reports a planted one instead of exporting it', async () => {
    const { workspace, resultDir } = dirs();
    await writeResultFile(resultDir, coverage, JOB);
    // A build step drops a passing SARIF verdict into the folder.
    writeFileSync(path.join(resultDir, 'sarif.json'), JSON.stringify(sarifPass));
    const result = await run(createLocalIO({ workspace, resultDir, event }));
    expect(result.verdict).toBe('warn');
    expect(exportedGates(result.outputs)).toEqual(['coverage']);
    expect(result.summary).toContain(
      '1 file(s) in the result directory not written by a gate of this job left out',
    );
    expect(notes(result)).toContain('Not exported: 1 file(s) not written by a gate of this job: sarif.json');
  });

  it('reports a file changed after the gate wrote it', async () => {
    const { workspace, resultDir } = dirs();
    await writeResultFile(resultDir, coverage, JOB);
    const failing = await writeResultFile(resultDir, { ...sarifPass, verdict: 'fail' }, JOB);
    writeFileSync(failing, readFileSync(failing, 'utf8').replace('"verdict": "fail"', '"verdict": "pass"'));
    const result = await run(createLocalIO({ workspace, resultDir, event }));
    expect(exportedGates(result.outputs)).toEqual(['coverage']);
    expect(notes(result)).toContain('sarif.json');
  });

  it('reports files another job wrote (an extracted artifact with its own ledger)', async () => {
    const { workspace, resultDir } = dirs();
    await writeResultFile(resultDir, coverage, JOB);
    await writeResultFile(resultDir, sarifPass, '4242/1/other-job');
    const result = await run(createLocalIO({ workspace, resultDir, event }));
    expect(exportedGates(result.outputs)).toEqual(['coverage']);
    expect(notes(result)).toContain('sarif.json');
  });

  it('is an error naming them when no file there was written by a gate of this job', async () => {
    const { workspace, resultDir } = dirs();
    mkdirSync(resultDir);
    writeFileSync(path.join(resultDir, 'coverage.json'), JSON.stringify(coverage));
    writeFileSync(path.join(resultDir, 'binary.json'), Buffer.from([0xff, 0xfe, 0x00, 0x81]));
    const result = await run(createLocalIO({ workspace, resultDir, event }));
    expect(result.verdict).toBe('error');
    expect(result.summary).toContain(
      '2 file(s) not written by a gate of this job: binary.json, coverage.json',
    );
  });

  it('takes the runtime ledger as written, one line per write', async () => {
    const { resultDir } = dirs();
    await writeResultFile(resultDir, coverage, JOB);
    await writeResultFile(resultDir, coverage, JOB);
    const lines = readFileSync(path.join(resultDir, RESULT_LEDGER), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^[0-9a-f]{64}\\t${JOB}\\tcoverage\\.json$`));
  });
});

describe('20,000 result files', () => {
  it('reads them all with a bounded number of files open at once (no EMFILE)', async () => {
    const { workspace, resultDir } = dirs();
    await writeResultFile(resultDir, coverage, JOB);
    const artifacts = path.join(workspace, 'artifacts');
    mkdirSync(artifacts);
    const text = JSON.stringify(coverage);
    for (let i = 0; i < 20_000; i++) writeFileSync(path.join(artifacts, `shard-${i}.json`), text);
    // 20,000 files planted in the result directory too: reported by count, not each by name.
    for (let i = 0; i < 20_000; i++) writeFileSync(path.join(resultDir, `planted-${i}.json`), text);
    const real = createLocalIO({ workspace, resultDir, event });
    let inFlight = 0;
    let peak = 0;
    const io: GateIO = {
      ...real,
      async readText(file, options) {
        peak = Math.max(peak, ++inFlight);
        try {
          return await real.readText(file, options);
        } finally {
          inFlight--;
        }
      },
    };
    const result = await run(io, { results: 'artifacts/*.json' });
    expect(result.verdict, result.summary).toBe('warn');
    expect(result.inputs).toHaveLength(20_001);
    expect(exportedGates(result.outputs)).toEqual(['coverage']);
    expect(peak).toBeLessThanOrEqual(16);
    expect(notes(result)).toMatch(
      /20000 file\(s\) not written by a gate of this job: planted-0\.json, .* and 19980 more/,
    );
  }, 120_000);
});

describe(mapBounded.name, () => {
  it('keeps the input order and never exceeds the limit', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapBounded([5, 1, 4, 2, 3], 2, async (n) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, n));
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
    expect(await mapBounded([], 4, () => Promise.resolve(1))).toEqual([]);
  });
});
