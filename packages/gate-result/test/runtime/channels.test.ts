/**
 * RELIABILITY E1-E3, E5, E6, E8, E10, E12, C7, C8 through the whole runtime: a real gate run with
 * hostile report text, channels read back from the files and stdout the runner would see.
 */
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGateAction } from '../../src/runtime/action.js';
import { useRunnerEnv } from './env.js';
import { testGate } from './test-gate.js';

const env = useRunnerEnv();

const HOSTILE = [
  '\n::set-output name=passed::true',
  '\r::ADD-MASK::FAIL',
  '\u00a0::stop-commands::tok',
  '\u3000::stop-commands::tok',
  'x ##[add-mask]y',
  '::error file=evil.ts::forged',
  '</td></tr></table><h1>✅ All gates passed</h1>',
  '<img src=https://evil/p.gif>',
  '<details open><!-- hidden',
  '" onmouseover=alert(1) a|b|c `code` [x](javascript:alert(1)) ![i](https://evil/i.png)',
  'bidi \u202eexe.ts zero\u200bwidth \u2066isolate',
];

function writeReport(report: unknown): void {
  writeFileSync(path.join(env().workspace, 'report.json'), JSON.stringify(report));
}

/** Workflow commands as the runner reads them: after trimming Unicode whitespace, or `##[` anywhere. */
function commandsIn(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^[\s\u0085]*::/.test(line) || line.includes('##['));
}

/** Decodes the toolkit's property escaping. */
function properties(command: string): Record<string, string> {
  const match = /^::\w+ ([^:]*)::/.exec(command);
  const props: Record<string, string> = {};
  for (const pair of match?.[1]?.split(',') ?? []) {
    const at = pair.indexOf('=');
    props[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
  }
  return props;
}

describe('report text in every channel', () => {
  it('injects no workflow command and keeps the gate own annotations (E1, E2)', async () => {
    writeReport({
      value: 50,
      findings: HOSTILE.map((message, i) => ({ file: `src/f${i}.ts`, line: i + 1, message })),
    });
    await runGateAction(testGate);
    const commands = commandsIn(env().stdout());
    for (const command of commands) expect(command).toMatch(/^::(error|warning|notice|debug)( [^:]*)?::/);
    // GitHub shows 10 errors per step: 9 findings, and the failure line always kept.
    expect(commands.filter((c) => c.startsWith('::error title='))).toHaveLength(9);
    expect(commands.filter((c) => c.startsWith('::error::Coverage failed'))).toHaveLength(1);
    expect(env().outputs().verdict).toBe('fail');
  });

  it('escapes annotation properties (E3)', async () => {
    writeReport({
      value: 50,
      findings: [
        { file: 'a.ts,line=1,title=PWNED', line: 7, message: 'm' },
        { file: 'a:b%0A', line: 2, message: 'n' },
      ],
    });
    await runGateAction(testGate);
    const annotations = commandsIn(env().stdout()).filter((c) => c.startsWith('::error title='));
    expect(annotations.map(properties)).toEqual([
      { title: 'coverage', file: 'a.ts,line=1,title=PWNED', line: '7' },
      { title: 'coverage', file: 'a:b%0A', line: '2' },
    ]);
  });

  it('renders report text as text in the summary (E5, E6, E8)', async () => {
    writeReport({
      value: 90,
      findings: HOSTILE.map((message, i) => ({ file: `src/${message}`, line: i + 1, message })),
    });
    await runGateAction(testGate);
    const summary = env().summary();
    const tags = summary.match(/<\/?[A-Za-z!][^>]*>?/g) ?? [];
    // Only the renderer's own tags: the section anchor, folded tables and the footer.
    const own = ['<a id="gate-coverage">', '</a>', '<details>', '<summary>', '</summary>', '</details>'];
    expect(tags.filter((t) => ![...own, '<sub>', '</sub>'].includes(t))).toEqual([]);
    expect(tags).toContain('<sub>');
    const findings = summary.slice(summary.search(/(### |<summary>)Findings/));
    const table = findings.split('\n').filter((l) => l.startsWith('| '));
    expect(table).toHaveLength(2 + HOSTILE.length);
    for (const line of table) expect(line.split('|')).toHaveLength(4);
    expect(summary).toContain('&lt;U+202E&gt;exe.ts');
    expect(summary).not.toMatch(/[\u202e\u2066]/);
  });

  it('refuses an output with a line break rather than corrupt GITHUB_OUTPUT (E10)', async () => {
    writeReport({ value: 90, outputs: { size: 'xl\nverdict<<EOF\npass\nEOF' } });
    await runGateAction(testGate);
    expect(process.exitCode).toBe(1);
    expect(readFileSync(env().outputFile, 'utf8')).toBe('');
    expect(env().stdout()).toContain(
      'Could not publish the results: The coverage gate produced the output `size` with a line break',
    );
  });

  it('leaks no secret into any channel (E12, B15)', async () => {
    const secrets = [
      'SECRET_SENTINEL_1f2e3d',
      'ghs_FAKEtoken0123456789abcdefABCDEF',
      Buffer.from('SECRET_SENTINEL_1f2e3d').toString('base64'),
    ];
    process.env.SECRET_SENTINEL = secrets[0];
    process.env.GITHUB_TOKEN = secrets[1];
    process.env.SECRET_B64 = secrets[2];
    process.env['INPUT_GITHUB-TOKEN'] = secrets[1];
    symlinkSync('/proc/self/environ', path.join(env().workspace, 'report.json'));
    await runGateAction(testGate);
    expect(env().outputs().summary).toBe(
      'The report `report.json` must be a regular file inside the workspace, not a link to a file outside it.',
    );
    const resultFile = readFileSync(env().outputs()['result-file']!, 'utf8');
    // The runner consumes `::add-mask::` lines (that is how masking works); nothing else may carry a secret.
    const stdout = env()
      .stdout()
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    for (const channel of [stdout, env().summary(), readFileSync(env().outputFile, 'utf8'), resultFile]) {
      for (const secret of secrets) expect(channel).not.toContain(secret);
    }
  });

  it('keeps the decision when the job summary cannot be written, with a warning (C7)', async () => {
    writeReport({ value: 90 });
    delete process.env.GITHUB_STEP_SUMMARY;
    await expect(runGateAction(testGate)).resolves.toBe('pass');
    expect(process.exitCode ?? 0).toBe(0);
    expect(env().stdout()).toContain('::warning::Could not write the job summary');
    process.env.GITHUB_STEP_SUMMARY = path.join(env().runnerTemp, 'missing-dir', 'summary');
    writeReport({ value: 50 });
    await expect(runGateAction(testGate)).resolves.toBe('fail');
    expect(process.exitCode).toBe(1);
  });

  it('fails when the step outputs cannot be written (C8)', async () => {
    writeReport({ value: 90 });
    delete process.env.GITHUB_OUTPUT;
    await expect(runGateAction(testGate)).resolves.toBe('error');
    expect(process.exitCode).toBe(1);
    expect(env().stdout()).toContain('::error::Could not publish the results: GITHUB_OUTPUT is not set');
    expect(env().summary()).toContain('Coverage: passed');
  });
});
