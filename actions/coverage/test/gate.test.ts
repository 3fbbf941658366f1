import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  MissingReportError,
  ReportError,
  inputsFromRecord,
  withDefaults,
} from '@aeef/gate-result';
import { coverageGate } from '../src/gate.js';

import { changeSet, memoryIO } from '../../../test/support/memory-io.js';

const inputs = (values: Record<string, string> = {}) =>
  withDefaults(inputsFromRecord(values), coverageGate.inputs);
const run = (files: Record<string, string>, values: Record<string, string> = {}, changes = changeSet({})) =>
  coverageGate.run(coverageGate.config(inputs(values)), memoryIO(files, changes));

/** a.js: lines 1-10, 1-7 covered, 8-10 not; lines 5 and 6 have no DA (not executable) in b.js */
const LCOV = `SF:src/a.js\n${Array.from({ length: 10 }, (_, i) => `DA:${i + 1},${i < 7 ? 1 : 0}`).join('\n')}\nend_of_record\n`;

describe(coverageGate.run.name, () => {
  it('passes at 80% and fails below, judging the exact value (79.996% is not 80%)', async () => {
    const pass = await run({ 'lcov.info': LCOV }, { files: 'lcov.info', 'min-lines': '70' });
    expect(pass.verdict).toBe('pass');
    expect(pass.metrics.find((m) => m.id === 'lines')).toMatchObject({
      value: 70,
      verdict: 'pass',
      threshold: { op: '>=', value: 70 },
    });
    const fail = await run({ 'lcov.info': LCOV }, { files: 'lcov.info', 'min-lines': '70.01' });
    expect(fail.verdict).toBe('fail');
    expect(fail.summary).toBe('Line coverage 70.00% is below 70.01%.');
    const almost = `SF:a\n${Array.from({ length: 25000 }, (_, i) => `DA:${i + 1},${i < 19999 ? 1 : 0}`).join('\n')}\nend_of_record\n`;
    const r = await run({ 'lcov.info': almost }, { files: 'lcov.info' });
    expect(r.metrics[0]!.value).toBeCloseTo(79.996, 6);
    expect(r.verdict).toBe('fail');
  });

  it('uses min-lines 80 by default and never 0 for a blank value (A1)', async () => {
    for (const blank of ['', '  ']) {
      const r = await run({ 'lcov.info': LCOV }, { files: 'lcov.info', 'min-lines': blank });
      expect(r.metrics[0]!.threshold).toEqual({ op: '>=', value: 80 });
    }
  });

  it.each(['80%', '0x50', '1e400', '-1', '101', 'NaN', 'Infinity', '80,5', '1e2'])(
    'refuses min-lines=%s (A2)',
    (value) => {
      expect(() => coverageGate.config(inputs({ 'min-lines': value }))).toThrow(
        /Expected `min-lines` to be a number from 0 to 100/,
      );
    },
  );

  it('takes max-drop without baseline-files as a bar against the KPI history branch', () => {
    expect(coverageGate.config(inputs({ 'max-drop': '1' }))).toMatchObject({
      maxDrop: 1,
      baselineFiles: [],
      historyBranch: 'kpi-data',
    });
    expect(() => coverageGate.config(inputs({ 'max-drop': '1', 'history-branch': '-x' }))).toThrow(
      /Expected `history-branch` to be a branch name/,
    );
  });

  it('throws MissingReportError for a missing file, an unmatched glob and no usual location (B1, B2)', async () => {
    await expect(run({}, { files: 'coverage/lcov.info' })).rejects.toBeInstanceOf(MissingReportError);
    await expect(run({}, { files: 'coverage/*.info' })).rejects.toThrow(
      /No file matches `files` pattern coverage\/\*\.info/,
    );
    await expect(run({})).rejects.toThrow(
      /No coverage report found: `files` is empty and none of coverage\/coverage-final\.json/,
    );
  });

  it('searches the usual locations when files is empty and says which it read', async () => {
    const r = await run({ 'coverage/lcov.info': LCOV }, { 'min-lines': '0' });
    expect(r.inputs).toEqual(['coverage/lcov.info']);
    expect(r.details[1]!.notes!.join(' ')).toMatch(/read coverage\/lcov\.info/);
  });

  it('refuses a report with no measurable lines (B9)', async () => {
    await expect(
      run({ 'lcov.info': 'SF:a\nLF:10\nLH:10\nend_of_record\n' }, { files: 'lcov.info' }),
    ).rejects.toThrow(/no measurable lines/);
  });

  it('measures patch coverage and annotates merged uncovered ranges, largest first', async () => {
    const lcov = 'SF:src/a.js\nDA:1,1\nDA:2,0\nDA:4,0\nDA:5,1\nDA:6,0\nDA:7,0\nDA:8,0\nend_of_record\n';
    const r = await run(
      { 'lcov.info': lcov },
      { files: 'lcov.info', 'min-lines': '0', 'min-patch': '50' },
      changeSet({ 'src/a.js': [[1, 8]], 'README.md': [[1, 3]] }),
    );
    expect(r.metrics.find((m) => m.id === 'patch')).toMatchObject({ value: (2 / 7) * 100, verdict: 'fail' });
    expect(r.findings.map((f) => [f.startLine, f.endLine, f.rank, f.level])).toEqual([
      [2, 4, 2, 'error'],
      [6, 8, 3, 'error'],
    ]);
    expect(r.findings[1]!.message).toBe('Changed lines 6-8 are not covered by tests (3 executable lines).');
  });

  it('refuses min-patch when the run has no diff: a set bar that cannot be measured is an error', async () => {
    const run = coverageGate.run(
      coverageGate.config(inputs({ files: 'lcov.info', 'min-lines': '0', 'min-patch': '90' })),
      { ...memoryIO({ 'lcov.info': LCOV }, undefined), event: { name: 'workflow_run', payload: {} } },
    );
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow(
      /^min-patch \(90%\) is set, but this workflow_run run has no changed lines to measure it on/,
    );
  });

  it('leaves patch coverage empty with a note when no diff exists and no min-patch is set', async () => {
    const r = await coverageGate.run(
      coverageGate.config(inputs({ files: 'lcov.info', 'min-lines': '0' })),
      memoryIO({ 'lcov.info': LCOV }, undefined),
    );
    expect(r.verdict).toBe('pass');
    expect(r.metrics.find((m) => m.id === 'patch')).toMatchObject({ value: null, verdict: 'none' });
    expect(r.details[1]!.notes!.join(' ')).toMatch(/Patch coverage not measured: no diff in this run/);
  });

  it('refuses min-patch on an incomplete change set, even when the visible lines are covered', async () => {
    const changes = {
      ...changeSet({ 'src/a.js': [[1, 2]] }),
      incomplete: 'the API listed 3000 of 3500 files.',
      partialList: true as const,
    };
    const result = run(
      { 'lcov.info': LCOV },
      { files: 'lcov.info', 'min-lines': '0', 'min-patch': '90' },
      changes,
    );
    await expect(result).rejects.toThrow(ConfigError);
    await expect(result).rejects.toThrow(
      'min-patch (90%) cannot be decided: the changed files are not all listed (the API listed 3000 of 3500 files.)',
    );
  });

  it('refuses min-patch where the API withheld the patch of a reported file, not of an unreported one', async () => {
    const withheld = (path: string) => ({
      path,
      status: 'modified' as const,
      additions: 9000,
      deletions: 0,
      binary: false,
      ranges: [],
      linesUnknown: true as const,
    });
    const base = changeSet({ 'src/a.js': [[1, 2]] });
    const values = { files: 'lcov.info', 'min-lines': '0', 'min-patch': '90' };
    const reported = run({ 'lcov.info': LCOV }, values, {
      ...base,
      files: [withheld('src/a.js')],
      incomplete: '1 files have no patch in the API response (too large): src/a.js.',
    });
    // Before: ranges [] read as "unchanged", patch n/a and a pass.
    await expect(reported).rejects.toThrow(
      'min-patch (90%) cannot be decided: the GitHub API withheld the patch of 1 changed files the reports list (src/a.js)',
    );
    const lockfile = await run({ 'lcov.info': LCOV }, values, {
      ...base,
      files: [...base.files, withheld('package-lock.json')],
      incomplete: '1 files have no patch in the API response (too large): package-lock.json.',
    });
    expect(lockfile.metrics.find((m) => m.id === 'patch')).toMatchObject({ value: 100, verdict: 'pass' });
  });

  it('fails a minimum on a metric the format does not measure (lcov has no statements)', async () => {
    const r = await run(
      { 'lcov.info': LCOV },
      { files: 'lcov.info', 'min-lines': '0', 'min-statements': '50' },
    );
    expect(r.verdict).toBe('fail');
    expect(r.summary).toMatch(
      /Statement coverage is not measured by these reports but a minimum of 50% is set/,
    );
  });

  it('merges shards by summing hits per line and honours exclude', async () => {
    const a = 'SF:src/a.js\nDA:1,1\nDA:2,0\nend_of_record\nSF:gen/x.js\nDA:1,0\nend_of_record\n';
    const b = 'SF:src/a.js\nDA:1,0\nDA:2,3\nend_of_record\n';
    const r = await run(
      { 'shard-1/lcov.info': a, 'shard-2/lcov.info': b },
      { files: 'shard-*/lcov.info', exclude: 'gen/**' },
    );
    expect(r.metrics[0]!.value).toBe(100);
    expect(r.inputs).toEqual(['shard-1/lcov.info', 'shard-2/lcov.info']);
  });

  it('judges max-drop in percentage points against the baseline', async () => {
    const base = 'SF:a\nDA:1,1\nDA:2,1\nDA:3,1\nDA:4,1\nend_of_record\n';
    const head = 'SF:a\nDA:1,1\nDA:2,1\nDA:3,1\nDA:4,0\nend_of_record\n';
    const r = await run(
      { 'base.info': base, 'head.info': head },
      { files: 'head.info', 'baseline-files': 'base.info', 'max-drop': '25', 'min-lines': '0' },
    );
    expect(r.metrics.find((m) => m.id === 'lines-drop')).toMatchObject({
      value: 25,
      verdict: 'pass',
      threshold: { op: '<=', value: 25 },
    });
    const r2 = await run(
      { 'base.info': base, 'head.info': head },
      { files: 'head.info', 'baseline-files': 'base.info', 'max-drop': '24.99', 'min-lines': '0' },
    );
    expect(r2.verdict).toBe('fail');
  });

  it('refuses one file reported in two formats', async () => {
    const summary = JSON.stringify({
      total: {},
      'src/a.js': {
        lines: { total: 1, covered: 1 },
        statements: { total: 1, covered: 1 },
        functions: { total: 0, covered: 0 },
        branches: { total: 0, covered: 0 },
      },
    });
    await expect(
      run(
        {
          'lcov.info': LCOV,
          's.json': summary.replace('"total":{}', '"total":{"lines":{"total":1,"covered":1}}'),
        },
        { files: 'lcov.info,s.json' },
      ),
    ).rejects.toThrow(ReportError);
  });

  it('keeps report strings with workflow commands, HTML and Markdown only in findings and sections (E1, E2, E5)', async () => {
    const evil = [
      'src/\n::set-output name=passed::true.js',
      'src/</td></tr></table><h1>✅ All gates passed</h1>.js',
      'src/x ##[add-mask]y | [x](javascript:alert(1)).js',
    ];
    const lcov = evil.map((p) => `SF:${p.replace('\n', '%0A')}\nDA:1,0\nend_of_record\n`).join('');
    const r = await run(
      { 'lcov.info': lcov },
      { files: 'lcov.info' },
      changeSet(Object.fromEntries(evil.map((p) => [p.replace('\n', '%0A'), [[1, 1]]]))),
    );
    expect(r.verdict).toBe('fail');
    expect(r.summary).not.toMatch(/::|<|\[x\]|##/);
    expect(JSON.stringify(r.outputs)).toBe('{}');
    expect(r.findings.map((f) => f.file)).toEqual(evil.map((p) => p.replace('\n', '%0A')));
    expect(JSON.stringify(r.details[0]!.rows)).toContain('All gates passed');
  });
});
