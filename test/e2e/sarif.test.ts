/**
 * The committed SARIF bundle run under Node 24 exactly as a runner runs it, on real PRs in real git
 * repositories: new-only diff and baseline, broken scans, hostile report text and paths.
 */
import { readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePullRequestRepo, writeTree } from '../support/git-repo.js';
import { fixturePath } from '../support/paths.js';
import { runAction, workflowCommands } from '../support/run-action.js';

const APP = Array.from({ length: 10 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
const APP_CHANGED = APP.replace('line 5', 'line 5 changed') + 'line 11 added\n';

interface Hit {
  ruleId: string;
  line: number;
  uri?: string;
  message?: string;
  fingerprint?: string;
}

/** A Semgrep-shaped log: the level lives on the rule, results carry none. */
function semgrep(hits: Hit[]): string {
  const rules = [...new Set(hits.map((h) => h.ruleId))].map((id) => ({
    id,
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['security'] },
  }));
  return JSON.stringify({
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Semgrep OSS', rules } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: [] }],
        results: hits.map((h) => ({
          ruleId: h.ruleId,
          message: { text: h.message ?? `finding of ${h.ruleId}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: h.uri ?? 'src/app.py', uriBaseId: '%SRCROOT%' },
                region: { startLine: h.line, endLine: h.line },
              },
            },
          ],
          ...(h.fingerprint ? { fingerprints: { 'matchBasedId/v1': h.fingerprint } } : {}),
        })),
      },
    ],
  });
}

function pr() {
  return makePullRequestRepo({ 'src/app.py': APP }, { 'src/app.py': APP_CHANGED });
}

/** The `file` property of every annotation, parsed as the runner does (comma-separated properties). */
function annotationFiles(stdout: string): string[] {
  return workflowCommands(stdout)
    .map(({ line }) => /^\s*::[a-z]+ ([^:]*)::/.exec(line)?.[1] ?? '')
    .flatMap((props) => props.split(','))
    .filter((prop) => prop.startsWith('file='))
    .map((prop) => prop.slice('file='.length));
}

function onlyOwnCommands(stdout: string): void {
  for (const { command } of workflowCommands(stdout))
    expect(['error', 'warning', 'notice', 'debug']).toContain(command);
}

describe('sarif action (e2e, Node 24)', () => {
  it('new-only: diff fails on a finding on a changed line and ignores the old one', async () => {
    const repo = pr();
    writeFileSync(
      path.join(repo.dir, 'semgrep.sarif'),
      semgrep([
        { ruleId: 'py.new-issue', line: 5 },
        { ruleId: 'py.old-issue', line: 2 },
      ]),
    );
    const run = await runAction({
      bundle: 'sarif',
      workspace: repo.dir,
      inputs: { files: 'semgrep.sarif', 'new-only': 'diff' },
      event: repo.pullRequestEvent(),
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({
      verdict: 'fail',
      findings: '1',
      new: '1',
      errors: '2',
      suppressed: '0',
    });
    expect(run.summary).toContain('git diff');
    expect(run.stdout).toMatch(/^::error .*file=src\/app\.py,line=5,/m);
    expect(run.stdout).not.toMatch(/^::error .*file=src\/app\.py,line=2,/m);
    onlyOwnCommands(run.stdout);
  });

  it('new-only: diff passes when only unchanged lines have findings', async () => {
    const repo = pr();
    writeFileSync(path.join(repo.dir, 'semgrep.sarif'), semgrep([{ ruleId: 'py.old-issue', line: 2 }]));
    const run = await runAction({
      bundle: 'sarif',
      workspace: repo.dir,
      inputs: { files: 'semgrep.sarif', 'new-only': 'diff' },
      event: repo.pullRequestEvent(),
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: 'pass', findings: '0', new: '0', errors: '1' });
  });

  it('new-only: baseline judges only findings absent from the base scan and says how they matched', async () => {
    const repo = pr();
    writeTree(repo.dir, {
      'base.sarif': semgrep([{ ruleId: 'py.old-issue', line: 2, fingerprint: 'aaa' }]),
      'head.sarif': semgrep([
        { ruleId: 'py.old-issue', line: 3, fingerprint: 'aaa' },
        { ruleId: 'py.new-issue', line: 11, fingerprint: 'bbb' },
      ]),
    });
    const run = await runAction({
      bundle: 'sarif',
      workspace: repo.dir,
      inputs: { files: 'head.sarif', 'new-only': 'baseline', 'baseline-files': 'base.sarif' },
      event: repo.pullRequestEvent(),
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: 'fail', findings: '1', new: '1' });
    expect(run.summary).toContain('1 by fingerprints');
    expect(run.stdout).toMatch(/^::error .*file=src\/app\.py,line=11,/m);
  });

  it('passes a real Semgrep log whose only result is suppressed', async () => {
    const repo = pr();
    writeFileSync(
      path.join(repo.dir, 'semgrep.sarif'),
      readFileSync(fixturePath('sarif', 'semgrep-only-suppressed-result.sarif')),
    );
    const run = await runAction({
      bundle: 'sarif',
      workspace: repo.dir,
      inputs: { files: '*.sarif' },
      event: repo.pullRequestEvent(),
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: 'pass', suppressed: '1', findings: '0' });
  });

  it.each([
    ['a missing report (B1)', {}, /No SARIF file matches `files`/],
    ['an empty report (B3)', { 'r.sarif': '' }, /r\.sarif is empty/],
    ['runs: [] (B7)', { 'r.sarif': '{"version":"2.1.0","runs":[]}' }, /has no runs/],
    [
      'a failed scanner (B8)',
      { 'r.sarif': readFileSync(fixturePath('sarif', 'semgrep-tool-error-no-results.sarif')) },
      /error-level tool notification/,
    ],
    [
      'SARIF 1.0',
      { 'r.sarif': readFileSync(fixturePath('sarif', 'sarif-v1.0.0-legacy.sarif')) },
      /SARIF version "1\.0\.0", which is not supported/,
    ],
  ])('fails closed on %s', async (_name, tree, message) => {
    const repo = pr();
    writeTree(repo.dir, tree);
    const run = await runAction({
      bundle: 'sarif',
      workspace: repo.dir,
      inputs: { files: 'r.sarif' },
      event: repo.pullRequestEvent(),
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('error');
    expect(run.summary + run.stdout).toMatch(message);
  });

  it('rejects a missing `files` input through the INPUT_* environment (A1)', async () => {
    const repo = pr();
    const run = await runAction({
      bundle: 'sarif',
      workspace: repo.dir,
      inputs: { files: '  ' },
      event: repo.pullRequestEvent(),
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('error');
    expect(run.summary + run.stdout).toMatch(/Expected `files` to be at least one SARIF file or glob/);
  });

  it('annotates at most 10 errors but decides on all 15 (E4)', async () => {
    const repo = pr();
    const hits = Array.from({ length: 15 }, (_, i) => ({ ruleId: `py.rule-${i}`, line: (i % 11) + 1 }));
    writeFileSync(path.join(repo.dir, 'semgrep.sarif'), semgrep(hits));
    const run = await runAction({
      bundle: 'sarif',
      workspace: repo.dir,
      inputs: { files: 'semgrep.sarif' },
      event: repo.pullRequestEvent(),
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.findings).toBe('15');
    expect(annotationFiles(run.stdout).length).toBeLessThanOrEqual(10);
    expect(run.summary).toMatch(/\b15\b/);
  });

  it('refuses a 300 MiB report before reading it (B19)', async () => {
    const repo = pr();
    const big = path.join(repo.dir, 'big.sarif');
    writeFileSync(big, '');
    truncateSync(big, 300 * 1024 * 1024); // sparse: no disk used
    const run = await runAction({
      bundle: 'sarif',
      workspace: repo.dir,
      inputs: { files: 'big.sarif' },
      event: repo.pullRequestEvent(),
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('error');
    expect(run.summary + run.stdout).toMatch(/big\.sarif/);
  });

  it('refuses a files pattern that leaves the workspace (B16)', async () => {
    const repo = pr();
    const run = await runAction({
      bundle: 'sarif',
      workspace: repo.dir,
      inputs: { files: '../../etc/passwd' },
      event: repo.pullRequestEvent(),
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('error');
    expect(run.summary + run.stdout).toMatch(/`files`/);
  });

  it('refuses a report symlinked to /proc/self/environ and leaks no environment (B15, E12)', async () => {
    const repo = pr();
    symlinkSync('/proc/self/environ', path.join(repo.dir, 'r.sarif'));
    const sentinel = 'SECRET_SENTINEL_c0ffee';
    const run = await runAction({
      bundle: 'sarif',
      workspace: repo.dir,
      inputs: { files: 'r.sarif' },
      event: repo.pullRequestEvent(),
      env: { AEEF_TEST_SECRET: sentinel },
    });
    expect(run.exitCode).toBe(1);
    for (const channel of [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)]) {
      expect(channel).not.toContain(sentinel);
    }
  });

  it('keeps hostile rule ids, messages and URIs inert (E1, E2, E5, E6, B24)', async () => {
    const repo = pr();
    const hostile = [
      'x\n::set-output name=passed::true',
      '\r::add-mask::FAIL',
      '\u00a0::stop-commands::tok',
      'mid x ##[add-mask]y',
      '</td></tr></table><h1>All gates passed</h1><img src=https://evil/p.gif>',
      '@admin please | merge `now` [x](javascript:alert(1))',
    ].join(' ');
    writeFileSync(
      path.join(repo.dir, 'semgrep.sarif'),
      semgrep([
        { ruleId: 'rule\n::error file=pwn::injected', line: 5, message: hostile },
        { ruleId: 'py.escape', line: 1, uri: '../../etc/passwd', message: 'outside' },
        { ruleId: 'py.js', line: 1, uri: 'javascript:alert(1)', message: 'scheme' },
        { ruleId: 'py.long', line: 1, uri: `src/${'a'.repeat(10_000)}.py`, message: 'long' },
        { ruleId: 'py.props', line: 1, uri: 'src/a.py,line=1,title=PWNED', message: 'property injection' },
        { ruleId: 'py.bidi', line: 1, message: 'evil\u202Egnp.exe' },
      ]),
    );
    const run = await runAction({
      bundle: 'sarif',
      workspace: repo.dir,
      inputs: { files: 'semgrep.sarif' },
      event: repo.pullRequestEvent(),
    });
    expect(run.exitCode).toBe(1);
    onlyOwnCommands(run.stdout);
    expect(run.stdout).not.toMatch(/^\s*::(set-output|add-mask|stop-commands)/im);
    expect(annotationFiles(run.stdout).sort()).toEqual([
      'src/a.py%2Cline=1%2Ctitle=PWNED',
      'src/app.py',
      'src/app.py',
    ]);
    expect(run.summary).not.toContain('\u202E');
    expect(run.summary).toContain('&lt;U+202E&gt;');
    expect(run.summary).not.toContain('<h1>');
    expect(run.summary).not.toContain('<img');
    expect(run.summary).toContain('&lt;h1&gt;');
    expect(run.summary).not.toMatch(/@admin/);
    expect(run.summary).toContain('../../etc/passwd');
    expect(run.outputs.findings).toBe('6');
  });
});
