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
import { printTable, time } from './_timing.js';

const MUTANTS = 100_000;
const PER_FILE = 200;
const TESTS = 2_000;

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
  const peerTime = await time('mutation-testing-metrics (JSON.parse + calculateMutationTestMetrics)', () =>
    runPeer(text),
  );
  const gateTime = await time('gate (scan + JSON.parse + ajv + model + score + evaluate)', () =>
    runGate(text),
  );
  const parseTime = await time('  of which JSON.parse (both sides pay it)', () => JSON.parse(text));
  const scanTime = await time('  of which duplicate-key/depth scan', () => scanJson(text, 'r.json'));
  const ajvTime = await time('  of which ajv schema validation', () => validateReport(parsed, 'r.json'));
  const mib = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
  printTable(
    `mutation: ${MUTANTS.toLocaleString('en')} mutants, ${mib} MiB, from the text (file read left out on both sides)`,
    [peerTime, gateTime, parseTime, scanTime, ajvTime],
  );
  const beyondParse = (t: number) => t - parseTime.medianMs;
  console.log(
    `speed-up over the peer: ${(peerTime.medianMs / gateTime.medianMs).toFixed(2)}x with JSON.parse on both sides; ` +
      `${(beyondParse(peerTime.medianMs) / beyondParse(gateTime.medianMs)).toFixed(2)}x on the work after JSON.parse.`,
  );
  console.log(
    `identical scores: ${value('score')} / ${value('covered-score')} (covered), ${value('total')} mutants.`,
  );
}
