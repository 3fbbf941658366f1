/**
 * `npm run bench` (mutation): a generated StrykerJS-shaped report of 100,000 mutants. Both sides
 * start from the file's text and pay for JSON.parse: the gate (duplicate-key and depth scan,
 * JSON.parse, ajv schema validation, model, Stryker scoring, evaluation) beside
 * mutation-testing-metrics (JSON.parse + calculateMutationTestMetrics, what Stryker's HTML report and
 * its `break` check run). The scores must be identical. Reading the file is left out on both sides.
 */
import { calculateMutationTestMetrics } from 'mutation-testing-metrics';
import type { MutationTestResult } from 'mutation-testing-report-schema';
import { inputsFromRecord, withDefaults } from '@aeef/gate-result';
import { INPUT_SPECS, readMutationConfig } from '../actions/mutation/src/config.js';
import { evaluateMutation } from '../actions/mutation/src/evaluate.js';
import { parseMutationReport } from '../actions/mutation/src/report-reader.js';
import { scanJson } from '../packages/gate-result/src/json/scan.js';
import { validateReport } from '../actions/mutation/src/report-schema.js';
import { printTable, type Timing } from './_timing.js';

const MUTANTS = 100_000;
const PER_FILE = 200;
const TESTS = 2_000;
const ROUNDS = 7;

const STATUSES = [
  'Killed',
  'Killed',
  'Killed',
  'Killed',
  'Survived',
  'NoCoverage',
  'Timeout',
  'CompileError',
  'RuntimeError',
  'Ignored',
];
const MUTATORS: [string, string][] = [
  ['ConditionalExpression', 'true'],
  ['EqualityOperator', 'a <= b'],
  ['StringLiteral', '""'],
  ['BlockStatement', '{}'],
  ['ArithmeticOperator', 'a - b'],
];

/** A report shaped like StrykerJS's: sources, coveredBy/killedBy, testFiles with tests. */
export function generateReport(mutants = MUTANTS): string {
  const files: Record<string, unknown> = {};
  const tests = Array.from({ length: TESTS }, (_, t) => ({
    id: String(t),
    name: `suite ${t % 40} should behave ${t}`,
  }));
  let id = 0;
  for (let f = 0; f * PER_FILE < mutants; f++) {
    const list = [];
    for (let i = 0; i < PER_FILE && id < mutants; i++, id++) {
      const line = 1 + (i % 150);
      const [mutatorName, replacement] = MUTATORS[id % MUTATORS.length] ?? ['M', 'x'];
      const status = STATUSES[(id * 7) % STATUSES.length] ?? 'Killed';
      const covered =
        status === 'NoCoverage'
          ? []
          : [String(id % TESTS), String((id * 13) % TESTS), String((id * 31) % TESTS)];
      list.push({
        id: String(id),
        mutatorName,
        replacement,
        location: { start: { line, column: 7 }, end: { line, column: 19 } },
        status,
        coveredBy: covered,
        ...(status === 'Killed' ? { killedBy: covered.slice(0, 1) } : {}),
        static: false,
      });
    }
    files[`src/module${f % 25}/file-${f}.ts`] = {
      language: 'typescript',
      source: 'export function f(a: number, b: number) {\n  return a > b ? a - b : b - a;\n}\n'.repeat(50),
      mutants: list,
    };
  }
  return JSON.stringify({
    schemaVersion: '1.0',
    thresholds: { high: 80, low: 60, break: null },
    projectRoot: '/home/runner/work/app/app',
    files,
    testFiles: { 'test/all.spec.ts': { tests } },
    framework: { name: 'StrykerJS', version: '9.0.0' },
  });
}

// The gate's own defaults, as a workflow without inputs gets them.
const CONFIG = readMutationConfig(withDefaults(inputsFromRecord({}), INPUT_SPECS));

function runGate(text: string) {
  const report = parseMutationReport(text, 'reports/mutation/mutation.json');
  return evaluateMutation(
    { reports: [report], files: [...report.files.values()], missingSources: [], changes: undefined },
    CONFIG,
  );
}

function runPeer(text: string) {
  return calculateMutationTestMetrics(JSON.parse(text) as MutationTestResult).systemUnderTestMetrics.metrics;
}

/** The runner's entry (bench/_run.ts awaits it). */
export function bench(): Promise<void> {
  const text = generateReport();
  const gate = runGate(text);
  const peer = runPeer(text);
  const value = (id: string) => gate.metrics.find((m) => m.id === id)?.value;
  const same =
    value('score') === peer.mutationScore &&
    value('covered-score') === peer.mutationScoreBasedOnCoveredCode &&
    value('total') === peer.totalMutants &&
    value('survived') === peer.survived &&
    value('killed') === peer.killed;
  if (!same) throw new Error(`Scores differ: gate ${value('score')}, peer ${peer.mutationScore}.`);
  const parsed = JSON.parse(text) as unknown;
  // Interleaved rounds (peer, gate, parts): on a shared machine, load drifts between runs.
  const runs: [string, () => unknown][] = [
    ['mutation-testing-metrics (JSON.parse + calculateMutationTestMetrics)', () => runPeer(text)],
    ['gate (scan + JSON.parse + ajv + model + score + evaluate)', () => runGate(text)],
    ['  of which JSON.parse (both sides pay it)', () => JSON.parse(text) as unknown],
    [
      '  of which strict-JSON scan (duplicate keys, depth, parsed size, numbers)',
      () => scanJson(text, 'r.json'),
    ],
    ['  of which ajv schema validation', () => validateReport(parsed, 'r.json')],
  ];
  const samples = runs.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    runs.forEach(([, fn], i) => {
      (globalThis as { gc?: () => void }).gc?.();
      const start = performance.now();
      fn();
      samples[i]!.push(performance.now() - start);
    });
  }
  const timings: Timing[] = runs.map(([label], i) => {
    const sorted = samples[i]!.sort((x, y) => x - y);
    return { label, medianMs: sorted[Math.floor(sorted.length / 2)]!, rounds: ROUNDS };
  });
  const mib = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
  printTable(
    `mutation: ${MUTANTS.toLocaleString('en')} mutants, ${mib} MiB, from the text (file read left out on both sides)`,
    timings,
  );
  const [peerTime, gateTime] = timings;
  console.log(
    `speed-up over the peer: ${(peerTime!.medianMs / gateTime!.medianMs).toFixed(2)}x (above 1: the gate is faster).`,
  );
  console.log(
    `identical scores: ${value('score')} / ${value('covered-score')} (covered), ${value('total')} mutants.`,
  );
  return Promise.resolve();
}
