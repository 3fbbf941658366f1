/**
 * The SARIF gate on a generated Semgrep-shaped log of 100,000 results (rules carry the level, as
 * Semgrep writes them; fingerprints, snippets, some suppressions), beside a bare `JSON.parse` of
 * the same bytes. The gate's time includes UTF-8 decoding, the nesting/duplicate-key scan, full
 * schema validation with ajv and level resolution, so the ratio is the whole price of not trusting
 * the report.
 */
import { parseSarif } from '../actions/sarif/src/read-reports.js';
import { decodeUtf8, parseJsonText } from '../packages/gate-result/src/json/read.js';
import { validateSarif } from '../actions/sarif/src/schema.js';
import { extractFindings } from '../actions/sarif/src/extract.js';
import os from 'node:os';
import { printTable, time, type Timing } from './_timing.js';

const RESULTS = 100_000;
const RULES = 200;

function generate(): Buffer {
  const rules = Array.from({ length: RULES }, (_, i) => ({
    id: `rules.bench-rule-${i}`,
    name: `rules.bench-rule-${i}`,
    shortDescription: { text: `Semgrep Finding: rules.bench-rule-${i}` },
    fullDescription: { text: 'A generated rule for the benchmark.' },
    defaultConfiguration: { level: (['error', 'warning', 'note'] as const)[i % 3] },
    properties: {
      precision: 'very-high',
      tags: ['security', `CWE-${i}`],
      'security-severity': String((i % 100) / 10),
    },
  }));
  const results = Array.from({ length: RESULTS }, (_, i) => ({
    ruleId: `rules.bench-rule-${i % RULES}`,
    message: { text: `Finding ${i}: user input flows into a dangerous sink without sanitising it.` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: `src/module-${i % 997}/file-${i % 13}.ts`, uriBaseId: '%SRCROOT%' },
          region: {
            startLine: (i % 400) + 1,
            startColumn: 5,
            endLine: (i % 400) + 2,
            endColumn: 30,
            snippet: { text: `    const value = dangerous(input${i});` },
          },
        },
      },
    ],
    fingerprints: { 'matchBasedId/v1': `${i.toString(16).padStart(8, '0')}${'f'.repeat(56)}_0` },
    properties: {},
    ...(i % 50 === 0 ? { suppressions: [{ kind: 'inSource' }] } : {}),
  }));
  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: [] }],
        results,
        tool: { driver: { name: 'Semgrep OSS', semanticVersion: '1.99.0', rules } },
      },
    ],
  };
  return Buffer.from(JSON.stringify(log));
}

interface CpuTiming extends Timing {
  cpuMs: number;
}

/** Wall-clock median from `time`, plus the median CPU time (user + system) of the same rounds:
 * on a shared, loaded machine CPU time is the steadier figure. */
async function timeBoth(label: string, fn: () => unknown, rounds = 5): Promise<CpuTiming> {
  const cpu: number[] = [];
  const wall = await time(
    label,
    () => {
      const start = process.cpuUsage();
      fn();
      const used = process.cpuUsage(start);
      cpu.push((used.user + used.system) / 1000);
    },
    rounds,
  );
  const measured = cpu.slice(1).sort((a, b) => a - b); // the first call is time()'s warm-up
  return { ...wall, cpuMs: measured[Math.floor(measured.length / 2)]! };
}

export async function bench(): Promise<void> {
  const bytes = generate();
  const mib = (bytes.length / 1024 / 1024).toFixed(1);
  let findings = 0;
  const peer = await timeBoth('JSON.parse', () => JSON.parse(bytes.toString('utf8')) as unknown);
  const gate = await timeBoth('sarif gate (parseSarif)', () => {
    findings = parseSarif(bytes, 'bench.sarif', '/ws').findings.length;
  });
  const text = bytes.toString('utf8');
  const safeParse = await timeBoth('  of which: safe JSON parse', () => parseJsonText(text, 'bench.sarif'));
  const parsed = parseJsonText(text, 'bench.sarif');
  const schema = await timeBoth('  of which: schema validation', () => validateSarif(parsed, 'bench.sarif'));
  const log = validateSarif(parsed, 'bench.sarif');
  const extract = await timeBoth('  of which: level resolution, paths', () =>
    extractFindings(log, 'bench.sarif', '/ws'),
  );
  const decode = await timeBoth('  of which: strict UTF-8 decode', () => decodeUtf8(bytes, 'bench.sarif'));
  const rows = [peer, gate, safeParse, schema, extract, decode];
  printTable(`SARIF, ${RESULTS.toLocaleString('en')} results (${mib} MiB), ${findings} findings read`, rows);
  console.log(
    `\nCPU time (user + system), median of the same rounds; load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log('| run | CPU ms | ratio to JSON.parse |');
  console.log('| --- | ---: | ---: |');
  for (const r of rows)
    console.log(`| ${r.label} | ${r.cpuMs.toFixed(1)} | ${(r.cpuMs / peer.cpuMs).toFixed(2)}x |`);
}
