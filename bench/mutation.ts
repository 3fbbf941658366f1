/**
 * `npm run bench` (mutation): a generated StrykerJS-shaped report of 100,000 mutants. Both sides
 * start from the file's text and pay for JSON.parse: the gate (duplicate-key and depth scan,
 * JSON.parse, ajv schema validation, model, Stryker scoring, evaluation) beside
 * mutation-testing-metrics (JSON.parse + calculateMutationTestMetrics, what Stryker's HTML report and
 * its `break` check run). The scores must be identical. Reading the file is left out on both sides.
 */
import { calculateMutationTestMetrics } from 'mutation-testing-metrics';
import type { MutationTestResult } from 'mutation-testing-report-schema';
import { evaluateMutation } from '../actions/mutation/src/evaluate.js';
import { parseMutationReport } from '../actions/mutation/src/report-reader.js';
import { scanJson } from '../actions/mutation/src/json-scan.js';
import { validateReport } from '../actions/mutation/src/report-schema.js';

const MUTANTS = 100_000;
const PER_FILE = 200;
const TESTS = 2_000;
const RUNS = 5;

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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

const CONFIG = {
  files: ['reports/mutation/mutation.json'],
  minScore: 60,
  minCoveredScore: undefined,
  minPatchScore: undefined,
  maxSurvived: undefined,
  allowEmpty: false,
  allowPending: false,
  allowMissingSources: false,
};

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

export async function bench(): Promise<void> {
  const text = generateReport();
  const gate: number[] = [];
  const peer: number[] = [];
  const parse: number[] = [];
  const scan: number[] = [];
  const validate: number[] = [];
  let gateResult = runGate(text);
  let peerResult = runPeer(text);
  for (let i = 0; i < RUNS; i++) {
    let ms: number;
    [peerResult, ms] = time(() => runPeer(text));
    peer.push(ms);
    [gateResult, ms] = time(() => runGate(text));
    gate.push(ms);
    const [parsed, parseMs] = time(() => JSON.parse(text) as unknown);
    parse.push(parseMs);
    scan.push(time(() => scanJson(text, 'r.json'))[1]);
    validate.push(time(() => validateReport(parsed, 'r.json'))[1]);
  }
  const value = (id: string) => gateResult.metrics.find((m) => m.id === id)?.value;
  if (
    value('score') !== peerResult.mutationScore ||
    value('covered-score') !== peerResult.mutationScoreBasedOnCoveredCode
  ) {
    throw new Error(
      `Scores differ: gate ${value('score')}/${value('covered-score')}, peer ${peerResult.mutationScore}/${peerResult.mutationScoreBasedOnCoveredCode}.`,
    );
  }
  if (value('total') !== peerResult.totalMutants || value('survived') !== peerResult.survived)
    throw new Error('Counts differ.');
  const g = median(gate);
  const p = median(peer);
  const mb = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
  const rows: [string, number][] = [
    ['JSON.parse alone (both sides pay it)', median(parse)],
    ['gate: duplicate-key/depth scan', median(scan)],
    ['gate: ajv schema validation', median(validate)],
    ['gate total (scan + parse + validate + model + score + evaluate)', g],
    ['mutation-testing-metrics (JSON.parse + calculateMutationTestMetrics)', p],
  ];
  console.log(
    `mutation: ${MUTANTS.toLocaleString('en')} mutants, ${mb} MiB, median of ${RUNS} runs, from text (file read excluded on both sides)`,
  );
  for (const [label, ms] of rows) console.log(`  ${label.padEnd(72)} ${ms.toFixed(1).padStart(8)} ms`);
  console.log(
    `  ratio peer / gate: ${(p / g).toFixed(2)}x (>1 means the gate is faster); without JSON.parse on both sides: ${((p - median(parse)) / (g - median(parse))).toFixed(2)}x`,
  );
  console.log(
    `  identical: score ${value('score')}, covered ${value('covered-score')}, total ${value('total')}`,
  );
  await Promise.resolve();
}
