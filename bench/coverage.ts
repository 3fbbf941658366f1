/**
 * Coverage parsing at scale: a generated ~100 MB coverage-final.json and ~50 MB lcov tracefile.
 * The gate's parse + summary beside JSON.parse of the same text (the floor for JSON), beside
 * istanbul-lib-coverage's summary and beside lcov-parse, asserting equal totals.
 * Then 100,000 lcov shards (one per test job of a large matrix) through the whole gate over real
 * files: glob, read, parse, merge, judge; it must stay linear (issue 11: under 10 s).
 * Run: npm run bench -- coverage
 */
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import libCoverage from 'istanbul-lib-coverage';
import { mergeReports } from '../actions/coverage/src/merge.js';
import type { Totals } from '../actions/coverage/src/model.js';
import { parseReport } from '../actions/coverage/src/parse-report.js';
import { computeTotals } from '../actions/coverage/src/totals.js';
import { inputsFromRecord, withDefaults } from '@aeef/gate-result';
import { createLocalIO } from '../packages/gate-result/src/runtime/local-io.js';
import { coverageGate } from '../actions/coverage/src/gate.js';
import { memoryIO } from '../test/support/memory-io.js';
import { printTable, time, type Timing } from './_timing.js';

/** Deterministic pseudo-random hits: about a third uncovered. */
function hits(i: number): number {
  const x = (i * 2654435761) % 1000;
  return x < 330 ? 0 : x % 50;
}

function loc(line: number) {
  return { start: { line, column: 2 }, end: { line, column: 40 } };
}

function generateIstanbul(targetBytes: number): string {
  const parts: string[] = [];
  let size = 2;
  let n = 0;
  for (let f = 0; size < targetBytes; f++) {
    const p = `/home/runner/work/app/app/src/module-${f}/file-${f}.ts`;
    const statementMap: Record<string, unknown> = {};
    const s: Record<string, number> = {};
    const fnMap: Record<string, unknown> = {};
    const fns: Record<string, number> = {};
    const branchMap: Record<string, unknown> = {};
    const b: Record<string, number[]> = {};
    for (let i = 0; i < 400; i++) {
      statementMap[i] = loc(i + 1);
      s[i] = hits(n++);
    }
    for (let i = 0; i < 40; i++) {
      fnMap[i] = { name: `fn${i}`, decl: loc(i * 10 + 1), loc: loc(i * 10 + 1), line: i * 10 + 1 };
      fns[i] = hits(n++);
    }
    for (let i = 0; i < 60; i++) {
      branchMap[i] = {
        loc: loc(i * 6 + 2),
        type: 'if',
        locations: [loc(i * 6 + 2), loc(i * 6 + 3)],
        line: i * 6 + 2,
      };
      b[i] = [hits(n++), hits(n++)];
    }
    const entry = JSON.stringify({ path: p, statementMap, fnMap, branchMap, s, f: fns, b });
    parts.push(`${JSON.stringify(p)}:${entry}`);
    size += entry.length + p.length + 4;
  }
  return `{${parts.join(',')}}`;
}

function generateLcov(targetBytes: number): string {
  const parts: string[] = [];
  let size = 0;
  let n = 0;
  for (let f = 0; size < targetBytes; f++) {
    const rec: string[] = ['TN:', `SF:/home/runner/work/app/app/src/module-${f}/file-${f}.ts`];
    for (let i = 0; i < 40; i++) rec.push(`FN:${i * 10 + 1},fn${i}`);
    for (let i = 0; i < 40; i++) rec.push(`FNDA:${hits(n++)},fn${i}`);
    for (let i = 0; i < 60; i++)
      rec.push(`BRDA:${i * 6 + 2},0,0,${hits(n++)}`, `BRDA:${i * 6 + 2},0,1,${hits(n++)}`);
    for (let i = 0; i < 400; i++) rec.push(`DA:${i + 1},${hits(n++)}`);
    rec.push('LF:400', 'LH:0', 'end_of_record');
    const text = rec.join('\n');
    parts.push(text);
    size += text.length + 1;
  }
  return `${parts.join('\n')}\n`;
}

function gateTotals(text: string, file: string): Totals {
  const parsed = parseReport(text, { workspace: '/home/runner/work/app/app', file });
  return computeTotals(mergeReports([{ source: file, parsed }]));
}

function istanbulTotals(text: string) {
  return libCoverage.createCoverageMap(JSON.parse(text) as never).getCoverageSummary();
}

type LcovParse = { source: (text: string, cb: (err: unknown, data: LcovParseRecord[]) => void) => void };
// lcov-parse ships no types; it is a dev-only peer here.
const lcovParse = createRequire(import.meta.url)('lcov-parse') as LcovParse;

interface LcovParseRecord {
  lines: { found: number; hit: number; details: { hit: number }[] };
  functions: { details: { hit?: number }[] };
  branches: { details: { taken: number | string }[] };
}

function lcovParseTotals(text: string): Promise<Totals> {
  return new Promise((resolve, reject) => {
    lcovParse.source(text, (err, data) => {
      if (err) return reject(new Error(typeof err === 'string' ? err : 'lcov-parse failed'));
      const t = {
        lines: { covered: 0, total: 0 },
        functions: { covered: 0, total: 0 },
        branches: { covered: 0, total: 0 },
      };
      for (const r of data) {
        t.lines.total += r.lines.details.length;
        t.lines.covered += r.lines.details.filter((d) => d.hit > 0).length;
        t.functions.total += r.functions.details.length;
        t.functions.covered += r.functions.details.filter((d) => (d.hit ?? 0) > 0).length;
        t.branches.total += r.branches.details.length;
        t.branches.covered += r.branches.details.filter((d) => d.taken !== '-' && Number(d.taken) > 0).length;
      }
      resolve({ ...t, statements: null });
    });
  });
}

/**
 * Median CPU time (user + system) of this process per round: the machine is shared, and wall-clock
 * ratios swing with other load; CPU time is steadier. Printed beside the wall-clock tables.
 */
async function cpuTime(label: string, fn: () => unknown, rounds: number): Promise<Timing> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  return { label: `${label} (CPU)`, medianMs: samples[Math.floor(samples.length / 2)] ?? 0, rounds };
}

function assertEqual(label: string, a: unknown, b: unknown): void {
  if (JSON.stringify(a) !== JSON.stringify(b))
    throw new Error(`${label}: totals differ\n${JSON.stringify(a)}\n${JSON.stringify(b)}`);
  console.log(`${label}: equal totals ${JSON.stringify(a)}`);
}

/** One small shard: 1 of 1,000 source files, 20 lines, 2 functions, 4 branches. */
function shardText(i: number): string {
  const rec = [`TN:job${i}`, `SF:src/module-${i % 1000}/file.ts`, 'FN:1,main', 'FN:11,render'];
  rec.push(`FNDA:${hits(i)},main`, `FNDA:${hits(i + 1)},render`);
  for (let b = 0; b < 4; b++) rec.push(`BRDA:${b * 5 + 2},0,${b},${hits(i + b)}`);
  for (let l = 1; l <= 20; l++) rec.push(`DA:${l},${hits(i * 20 + l)}`);
  rec.push('LF:20', 'LH:0', 'end_of_record');
  return `${rec.join('\n')}\n`;
}

/** The whole gate over `count` lcov shard files on disk. */
export async function benchShards(count = 100_000): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aeef-bench-shards-'));
  try {
    mkdirSync(path.join(dir, 'shards'));
    for (let i = 0; i < count; i++) writeFileSync(path.join(dir, 'shards', `${i}.info`), shardText(i));
    const io = createLocalIO({
      workspace: dir,
      resultDir: path.join(dir, '.results'),
      log: { info: () => undefined, warning: () => undefined, debug: () => undefined },
    });
    const config = coverageGate.config(
      withDefaults(inputsFromRecord({ files: 'shards/*.info', 'min-lines': '0' }), coverageGate.inputs),
    );
    let files = 0;
    const run = async (): Promise<void> => {
      const result = await coverageGate.run(config, io);
      files = result.inputs.length;
    };
    const label = `coverage gate, ${count.toLocaleString('en')} lcov shards`;
    const wall = await time(label, run, 1);
    if (files !== count) throw new Error(`expected ${count} shards read, got ${files}`);
    // CPU time too: on a loaded machine the wall clock mostly measures the other processes.
    const cpu = await cpuTime(label, run, 1);
    // The same shards from memory: the gate's own work, without the runtime's per-file checks.
    const texts: Record<string, string> = {};
    for (let i = 0; i < count; i++) texts[`shards/${i}.info`] = shardText(i);
    const memory = memoryIO(texts, undefined);
    const inMemory = await cpuTime(`${label}, from memory`, () => coverageGate.run(config, memory), 1);
    printTable('lcov shard merge (glob + read + parse + merge + judge)', [wall, cpu, inMemory]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function bench(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aeef-bench-coverage-'));
  try {
    const jsonFile = path.join(dir, 'coverage-final.json');
    const lcovFile = path.join(dir, 'lcov.info');
    writeFileSync(jsonFile, generateIstanbul(100 * 1024 * 1024));
    writeFileSync(lcovFile, generateLcov(50 * 1024 * 1024));
    const json = readFileSync(jsonFile, 'utf8');
    const lcov = readFileSync(lcovFile, 'utf8');
    console.log(
      `coverage-final.json: ${(json.length / 1048576).toFixed(1)} MiB, lcov.info: ${(lcov.length / 1048576).toFixed(1)} MiB`,
    );

    const g = gateTotals(json, 'coverage-final.json');
    const i = istanbulTotals(json);
    assertEqual('istanbul', g, {
      lines: { covered: i.lines.covered, total: i.lines.total },
      statements: { covered: i.statements.covered, total: i.statements.total },
      functions: { covered: i.functions.covered, total: i.functions.total },
      branches: { covered: i.branches.covered, total: i.branches.total },
    });
    const gl = gateTotals(lcov, 'lcov.info');
    const pl = await lcovParseTotals(lcov);
    assertEqual(
      'lcov',
      { lines: gl.lines, functions: gl.functions, branches: gl.branches },
      { lines: pl.lines, functions: pl.functions, branches: pl.branches },
    );

    const rounds = 3;
    const jp = await time('JSON.parse', () => JSON.parse(json), rounds);
    const gj = await time('gate parse+summary', () => gateTotals(json, 'coverage-final.json'), rounds);
    const ij = await time('istanbul-lib-coverage summary', () => istanbulTotals(json), rounds);
    printTable('coverage-final.json (~100 MB): ratios to JSON.parse', [jp, gj, ij]);
    printTable('coverage-final.json: ratios to the gate', [gj, ij]);

    const gl2 = await time('gate parse+summary', () => gateTotals(lcov, 'lcov.info'), rounds);
    const lp = await time('lcov-parse + summary', () => lcovParseTotals(lcov), rounds);
    printTable('lcov.info (~50 MB): ratios to the gate', [gl2, lp]);

    const cjp = await cpuTime('JSON.parse', () => JSON.parse(json), rounds);
    const cgj = await cpuTime('gate parse+summary', () => gateTotals(json, 'coverage-final.json'), rounds);
    const cij = await cpuTime('istanbul-lib-coverage summary', () => istanbulTotals(json), rounds);
    printTable('coverage-final.json, CPU time: ratios to JSON.parse', [cjp, cgj, cij]);
    const cgl = await cpuTime('gate parse+summary', () => gateTotals(lcov, 'lcov.info'), rounds);
    const clp = await cpuTime('lcov-parse + summary', () => lcovParseTotals(lcov), rounds);
    printTable('lcov.info, CPU time: ratios to the gate', [cgl, clp]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await benchShards();
}
