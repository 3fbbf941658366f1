import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MissingReportError, ReportError, type ChangeSet } from '@aeef/gate-result';
import type { SarifConfig } from '../src/config.js';
import { sarifGate } from '../src/gate.js';
import { fixturePath } from '../../../test/support/paths.js';
import { memoryIO } from '../../../test/support/memory-io.js';
import { sarifBytes, sarifLog, sarifResult, sarifRun } from './factory.js';

const CONFIG: SarifConfig = {
  files: ['reports/*.sarif', 'reports/*.sarif.gz'],
  failOnLevel: 'error',
  failOnSeverity: 'high',
  maxFindings: 0,
  newOnly: 'false',
  baselineFiles: [],
  include: [],
  exclude: [],
  ignoreRules: [],
};

function metric(result: Awaited<ReturnType<typeof sarifGate.run>>, id: string) {
  return result.metrics.find((m) => m.id === id)?.value;
}

describe('sarifGate.run', () => {
  it('reads several files, gzip included, and merges their runs', async () => {
    const a = sarifBytes(sarifLog([sarifRun({ results: [sarifResult({ level: 'error' })] })]));
    const b = gzipSync(sarifBytes(sarifLog([sarifRun({ results: [sarifResult({ level: 'warning' })] })])));
    const result = await sarifGate.run(CONFIG, memoryIO({ 'reports/a.sarif': a, 'reports/b.sarif.gz': b }));
    expect(result.inputs).toEqual(['reports/a.sarif', 'reports/b.sarif.gz']);
    expect(metric(result, 'errors')).toBe(1);
    expect(metric(result, 'warnings')).toBe(1);
    expect(result.verdict).toBe('fail');
  });

  it('fails closed when no file matches (B1, B2)', async () => {
    await expect(sarifGate.run(CONFIG, memoryIO({}))).rejects.toThrow(MissingReportError);
    await expect(sarifGate.run(CONFIG, memoryIO({}))).rejects.toThrow(/No SARIF file matches `files`/);
  });

  it.each([
    ['runs: [] (B7)', sarifLog([]), /has no runs/],
    [
      'a run without results (B7)',
      sarifLog([{ tool: { driver: { name: 'T' } } }]),
      /run 0 \(T\) has no "results" array/,
    ],
    [
      'executionSuccessful: false (B8)',
      sarifLog([sarifRun({ invocations: [{ executionSuccessful: false }] })]),
      /executionSuccessful: false; the scanner did not complete/,
    ],
    [
      'an error-level tool notification (B8)',
      sarifLog([
        sarifRun({
          invocations: [
            {
              executionSuccessful: true,
              toolExecutionNotifications: [{ level: 'error', message: { text: 'boom' } }],
            },
          ],
        }),
      ]),
      /error-level tool notification \("boom"\)/,
    ],
    [
      'level "catastrophic" (B6)',
      sarifLog([sarifRun({ results: [sarifResult({ level: 'catastrophic' as 'error' })] })]),
      /\/runs\/0\/results\/0\/level must be equal to one of the allowed values \(none, note, warning, error\)/,
    ],
    [
      'a missing tool.driver.name (B6)',
      { version: '2.1.0', runs: [{ tool: { driver: {} }, results: [] }] },
      /\/runs\/0\/tool\/driver must have required property 'name'/,
    ],
  ])('rejects %s', async (_name, log, message) => {
    const io = memoryIO({ 'reports/x.sarif': sarifBytes(log) });
    const error = await sarifGate.run(CONFIG, io).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReportError);
    expect((error as Error).message).toMatch(/^reports\/x\.sarif/);
    expect((error as Error).message).toMatch(message);
  });

  it('applies the same validation to a log claiming to be CodeQL (B25)', async () => {
    const log = sarifLog([
      sarifRun({
        tool: { driver: { name: 'CodeQL' } },
        results: [sarifResult({ level: 'fatal' as 'error' })],
      }),
    ]);
    await expect(sarifGate.run(CONFIG, memoryIO({ 'reports/x.sarif': sarifBytes(log) }))).rejects.toThrow(
      /not valid SARIF 2\.1\.0/,
    );
  });

  it('new-only: baseline judges only findings absent from the baseline, and says how they matched', async () => {
    const base = sarifLog([
      sarifRun({
        results: [
          sarifResult({
            ruleId: 'fp',
            level: 'error',
            partialFingerprints: { 'primaryLocationLineHash/v1': 'aaa' },
          }),
          sarifResult({ ruleId: 'msg', level: 'error', message: { text: 'old   finding' } }),
        ],
      }),
    ]);
    const head = sarifLog([
      sarifRun({
        results: [
          sarifResult({
            ruleId: 'fp',
            level: 'error',
            partialFingerprints: { 'primaryLocationLineHash/v1': 'aaa' },
          }),
          sarifResult({ ruleId: 'msg', level: 'error', message: { text: 'old finding' } }),
          sarifResult({
            ruleId: 'fp',
            level: 'error',
            partialFingerprints: { 'primaryLocationLineHash/v1': 'bbb' },
          }),
        ],
      }),
    ]);
    const io = memoryIO({ 'reports/head.sarif': sarifBytes(head), 'base/base.sarif': sarifBytes(base) });
    const result = await sarifGate.run(
      { ...CONFIG, newOnly: 'baseline', baselineFiles: ['base/*.sarif'] },
      io,
    );
    expect(metric(result, 'findings')).toBe(1);
    expect(metric(result, 'new')).toBe(1);
    expect(result.details[0]!.notes).toContain(
      'Baseline matches: 1 by partialFingerprints, 0 by fingerprints, 0 by rule + path + snippet, 1 by rule + path + message.',
    );
  });

  it('new-only: baseline fails closed when the baseline file is missing', async () => {
    const io = memoryIO({ 'reports/head.sarif': sarifBytes(sarifLog()) });
    await expect(
      sarifGate.run({ ...CONFIG, newOnly: 'baseline', baselineFiles: ['base/*.sarif'] }, io),
    ).rejects.toThrow(/No SARIF file matches `baseline-files`/);
    // not a MissingReportError: `if-missing: skip` must not skip a comparison the user asked for
    const error: unknown = await sarifGate
      .run({ ...CONFIG, newOnly: 'baseline', baselineFiles: ['base/*.sarif'] }, io)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect(error).not.toBeInstanceOf(MissingReportError);
  });

  it('new-only: diff judges only findings on changed lines', async () => {
    const head = sarifLog([
      sarifRun({
        results: [
          sarifResult({
            ruleId: 'on-change',
            level: 'error',
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'src/a.ts' },
                  region: { startLine: 10, endLine: 12 },
                },
              },
            ],
          }),
          sarifResult({
            ruleId: 'untouched',
            level: 'error',
            locations: [
              { physicalLocation: { artifactLocation: { uri: 'src/a.ts' }, region: { startLine: 1 } } },
            ],
          }),
          sarifResult({
            ruleId: 'other-file',
            level: 'error',
            locations: [
              { physicalLocation: { artifactLocation: { uri: 'src/b.ts' }, region: { startLine: 11 } } },
            ],
          }),
          sarifResult({
            ruleId: 'no-place',
            level: 'error',
            locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///etc/x' } } }],
          }),
        ],
      }),
    ]);
    const changes: ChangeSet = {
      source: 'git',
      event: 'pull_request',
      base: 'a'.repeat(40),
      head: 'b'.repeat(40),
      files: [
        {
          path: 'src/a.ts',
          status: 'modified',
          additions: 1,
          deletions: 0,
          binary: false,
          ranges: [{ start: 12, end: 14 }],
        },
      ],
    };
    const result = await sarifGate.run(
      { ...CONFIG, newOnly: 'diff' },
      memoryIO({ 'reports/h.sarif': sarifBytes(head) }, changes),
    );
    expect(metric(result, 'findings')).toBe(2);
    expect(result.findings.filter((f) => f.level === 'error').map((f) => f.ruleId)).toEqual([
      'on-change',
      'no-place',
    ]);
    expect(result.details[0]!.notes!.join(' ')).toContain('from git diff');
  });

  it('new-only: diff counts a finding as new where the change set lacks its lines (issue 11)', async () => {
    const at = (ruleId: string, uri: string) =>
      sarifResult({
        ruleId,
        level: 'error',
        locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: 5 } } }],
      });
    const head = sarifLog([
      sarifRun({
        results: [at('withheld', 'src/big.ts'), at('unlisted', 'src/c.ts'), at('old', 'src/a.ts')],
      }),
    ]);
    const listed = {
      status: 'modified' as const,
      additions: 1,
      deletions: 0,
      binary: false,
    };
    const changes: ChangeSet = {
      source: 'api',
      event: 'pull_request',
      base: 'a'.repeat(40),
      head: 'b'.repeat(40),
      files: [
        { ...listed, path: 'src/a.ts', ranges: [{ start: 40, end: 41 }] },
        { ...listed, path: 'src/big.ts', additions: 9000, ranges: [], linesUnknown: true },
      ],
      incomplete: 'GitHub lists at most 3000 files of a pull request; 1 files have no patch.',
    };
    const whole = await sarifGate.run(
      { ...CONFIG, newOnly: 'diff' },
      memoryIO({ 'reports/h.sarif': sarifBytes(head) }, changes),
    );
    // Before: the withheld file's finding was old and the gate passed.
    expect(whole.findings.filter((f) => f.level === 'error').map((f) => f.ruleId)).toEqual(['withheld']);
    expect(whole.verdict).toBe('fail');
    expect(whole.details[0]!.notes!.join(' ')).toContain(
      '1 changed file(s) lack line data (the API withheld their patch), so every finding in them counts as new: src/big.ts.',
    );
    const capped = await sarifGate.run(
      { ...CONFIG, newOnly: 'diff' },
      memoryIO({ 'reports/h.sarif': sarifBytes(head) }, { ...changes, partialList: true }),
    );
    expect(capped.findings.filter((f) => f.level === 'error').map((f) => f.ruleId)).toEqual([
      'withheld',
      'unlisted',
    ]);
    expect(capped.details[0]!.notes!.join(' ')).toMatch(/findings in files it did not list count as new/);
  });

  it('new-only: diff without a diff is an error, not a pass', async () => {
    const io = memoryIO({ 'reports/h.sarif': sarifBytes(sarifLog()) });
    await expect(sarifGate.run({ ...CONFIG, newOnly: 'diff' }, io)).rejects.toThrow(
      /needs the changed lines/,
    );
  });

  it('judges real Semgrep output by the rule level (results carry none)', async () => {
    const bytes = readFileSync(fixturePath('sarif', 'semgrep-rule-board-multiple-rules.sarif'));
    const result = await sarifGate.run(CONFIG, memoryIO({ 'reports/semgrep.sarif': bytes }));
    expect(result.verdict).toBe('fail');
    expect(metric(result, 'errors')).toBe(3);
    expect(result.findings[0]).toMatchObject({ file: 'targets/basic/stupid.py', startLine: 3 });
  });

  it('passes a Semgrep report whose only result is suppressed (B26)', async () => {
    const bytes = readFileSync(fixturePath('sarif', 'semgrep-only-suppressed-result.sarif'));
    const result = await sarifGate.run(CONFIG, memoryIO({ 'reports/semgrep.sarif': bytes }));
    expect(result.verdict).toBe('pass');
    expect(metric(result, 'suppressed')).toBe(1);
  });

  it('uses security-severity from CodeQL-style rule properties', async () => {
    const bytes = readFileSync(fixturePath('sarif', 'sarifsdk-cwe-ghas-taxonomy-partialfingerprints.sarif'));
    const result = await sarifGate.run(
      { ...CONFIG, failOnLevel: 'none' },
      memoryIO({ 'reports/ghas.sarif': bytes }),
    );
    const rows = result.details.find((s) => s.title === 'Findings')!.rows!;
    expect(rows.some((r) => typeof r[3] === 'string' && /critical|high|medium|low/.test(r[3]))).toBe(true);
  });
});
