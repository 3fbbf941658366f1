/**
 * B23/G3 in small: many runs, many results, huge messages and thread flows. The decision uses
 * every result; only what is shown is cut.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ReportError } from '@aeef/gate-result';
import type { SarifConfig } from '../src/config.js';
import { evaluateSarif } from '../src/evaluate.js';
import { MAX_MESSAGE_LENGTH } from '../src/extract.js';
import { parseSarif } from '../src/read-reports.js';
import { MAX_ROWS } from '../src/sections.js';
import { sarifBytes, sarifLog, sarifResult, sarifRun } from './factory.js';

const CONFIG: SarifConfig = {
  files: ['x'],
  failOnLevel: 'error',
  failOnSeverity: 'high',
  maxFindings: 0,
  newOnly: 'false',
  baselineFiles: [],
  include: [],
  exclude: [],
  ignoreRules: [],
};

describe('scale (B23)', () => {
  it('decides on all 30,000 results of 30 runs, with a 1 MB message and 10,000 thread-flow locations', () => {
    const threadFlow = {
      locations: Array.from({ length: 10_000 }, (_, i) => ({
        location: {
          physicalLocation: { artifactLocation: { uri: 'src/a.ts' }, region: { startLine: i + 1 } },
        },
      })),
    };
    const runs = Array.from({ length: 30 }, (_, r) =>
      sarifRun({
        tool: { driver: { name: `tool-${r}` } },
        results: Array.from({ length: 1000 }, (_, i) =>
          sarifResult({
            ruleId: `rule-${i % 7}`,
            level: i % 2 === 0 ? 'error' : 'warning',
            ...(r === 0 && i === 0
              ? { message: { text: 'x'.repeat(1024 * 1024) }, codeFlows: [{ threadFlows: [threadFlow] }] }
              : {}),
          }),
        ),
      }),
    );
    const model = { ...parseSarif(sarifBytes(sarifLog(runs)), 'big.sarif', '/ws'), reports: ['big.sarif'] };
    expect(model.findings).toHaveLength(30_000);
    expect(model.findings[0]!.message.length).toBeLessThan(MAX_MESSAGE_LENGTH + 20);
    const result = evaluateSarif(model, CONFIG, { isNew: [], notes: [] });
    expect(result.metrics.find((m) => m.id === 'findings')!.value).toBe(15_000);
    const table = result.details.find((s) => s.title === 'Findings')!;
    expect(table.rows).toHaveLength(MAX_ROWS);
    expect(table.omittedRows).toBe(30_000 - MAX_ROWS);
  });
});

describe('malformed input (property)', () => {
  it('returns findings or throws a ReportError, never anything else', () => {
    const json = fc.oneof(
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ version: '2.1.0', runs: [v] })),
      fc.jsonValue().map((v) => JSON.stringify(sarifLog([sarifRun({ results: [v as never] })]))),
      fc.string(),
    );
    fc.assert(
      fc.property(json, (text) => {
        try {
          parseSarif(Buffer.from(text), 'p.sarif', '/ws');
        } catch (error) {
          expect(error).toBeInstanceOf(ReportError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
