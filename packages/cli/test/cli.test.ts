/**
 * End to end: the committed bundle `dist/cli/index.js` run by this machine's node (Node 20, the
 * CLI's support floor) as a user runs it, on the examples and on temporary workspaces.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GateResult } from '@aeef/gate-result';
import { GATES } from '@aeef/gates';
import { REPO_ROOT } from '../../../test/support/paths.js';
import { makePullRequestRepo, writeTree, type Tree } from '../../../test/support/git-repo.js';

const BUNDLE = path.join(REPO_ROOT, 'dist', 'cli', 'index.js');

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runCliBundle(args: string[], cwd = REPO_ROOT, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BUNDLE, ...args],
      { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function workspace(tree: Tree): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aeef-cli-'));
  writeTree(dir, tree);
  return dir;
}

/** 10 lines, `covered` of them hit. */
const lcov = (file: string, covered: number): string =>
  `SF:${file}\n${Array.from({ length: 10 }, (_, i) => `DA:${i + 1},${i < covered ? 1 : 0}`).join('\n')}\nend_of_record\n`;

const parse = (run: CliRun): GateResult[] => JSON.parse(run.stdout) as GateResult[];

describe('aeef-gates (the bundle)', () => {
  it('runs the demo on examples/: every gate passes, exit code 0', async () => {
    const run = await runCliBundle(['--config', 'examples/aeef-gates.yml', '-C', 'examples', '--no-color']);
    expect(run.stderr).not.toMatch(/error/i);
    const verdictLines = run.stdout.split('\n').filter((l) => /^[✔!✖] /.test(l));
    expect(verdictLines.map((l) => l.replace(/ \(.*\)$/, ''))).toEqual([
      // The overview's title line first, then each gate's section.
      '✔ aeef/gates: passed',
      '✔ Coverage: passed',
      '✔ Mutation score: passed',
      '✔ Static analysis: passed',
      '✔ Licenses: passed',
    ]);
    expect(run.stdout).toContain('aeef-gates: pass (coverage pass, mutation pass, sarif pass, license pass)');
    expect(run.stdout).not.toContain('\u001b');
    expect(run.code).toBe(0);
  });

  it('colours only when asked or on a terminal, and honours NO_COLOR', async () => {
    const dir = workspace({ 'lcov.info': lcov('src/a.js', 9) });
    const args = ['coverage', '--set', 'coverage.files=lcov.info', '-C', dir];
    expect((await runCliBundle(args)).stdout).not.toContain('\u001b['); // a pipe is not a terminal
    expect((await runCliBundle([...args, '--color'])).stdout).toContain('\u001b[32m✔\u001b[0m');
    expect(
      (await runCliBundle([...args, '--color', '--no-color'], REPO_ROOT, { NO_COLOR: '1' })).stdout,
    ).not.toContain('\u001b[');
  });

  it('fails with exit code 1 when coverage is under the bar', async () => {
    const dir = workspace({ 'coverage/lcov.info': lcov('src/a.js', 5) });
    const run = await runCliBundle(['coverage', '-C', dir, '--set', 'coverage.files=coverage/lcov.info']);
    expect(run.stdout).toMatch(/^✖ Coverage: failed/m);
    expect(run.stdout).toMatch(/Line coverage\s+50%\s+≥ 80%\s+fail/);
    expect(run.stdout).toContain('aeef-gates: fail (coverage fail)');
    expect(run.code).toBe(1);
  });

  it('errs with exit code 1 and one sentence when the report is missing', async () => {
    const dir = workspace({});
    const run = await runCliBundle(['coverage', '-C', dir, '--set', 'coverage.files=nope/lcov.info']);
    expect(run.stdout).toMatch(/^✖ Coverage: could not decide/m);
    expect(run.stdout).toContain('  The report `nope/lcov.info` was not found.\n');
    expect(run.code).toBe(1);
  });

  it('takes --set over the config file over the defaults', async () => {
    const dir = workspace({
      'lcov.info': lcov('src/a.js', 7),
      'gates.yml': 'gates: [coverage]\ncoverage:\n  files: lcov.info\n  min-lines: 75\n',
    });
    const fromFile = await runCliBundle(['--config', 'gates.yml', '--json'], dir);
    expect(parse(fromFile)[0]?.metrics.find((m) => m.id === 'lines')?.threshold).toEqual({
      op: '>=',
      value: 75,
    });
    expect(fromFile.code).toBe(1);
    const overridden = await runCliBundle(
      ['--config', 'gates.yml', '--json', '--set', 'coverage.min-lines=70'],
      dir,
    );
    expect(parse(overridden)[0]?.verdict).toBe('pass');
    expect(overridden.code).toBe(0);
  });

  it('reads .github/aeef-gates.yml by default and needs a named config file to exist', async () => {
    const dir = workspace({
      'lcov.info': lcov('src/a.js', 9),
      '.github/aeef-gates.yml': 'gates: [coverage]\ncoverage:\n  files: lcov.info\n',
    });
    const run = await runCliBundle(['--json'], dir);
    expect(parse(run).map((r) => [r.gate, r.verdict])).toEqual([['coverage', 'pass']]);
    const missing = await runCliBundle(['--config', 'other.yml'], dir);
    expect(missing.stderr).toBe(
      'aeef-gates: The config file `other.yml` was not found. See `aeef-gates --help`.\n',
    );
    expect(missing.code).toBe(2);
  });

  it('reports a usage error with exit code 2 and prints nothing on stdout', async () => {
    const run = await runCliBundle(['covrage']);
    expect(run.stderr).toContain('Unknown gate `covrage` in the arguments. Did you mean `coverage`?');
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
    const none = await runCliBundle([], workspace({}));
    expect(none.stderr).toContain('No gate selected');
    expect(none.code).toBe(2);
  });

  it('prints the help and the version, exit code 0', async () => {
    const help = await runCliBundle(['--help']);
    expect(help.stdout).toMatch(/^Usage: aeef-gates \[gate\.\.\.\] \[options\]/);
    // The registry's order, so a new gate needs no edit here.
    expect(help.stdout).toContain(`Gates: ${GATES.map((g) => g.id).join(', ')}`);
    expect(help.code).toBe(0);
    const version = await runCliBundle(['--version']);
    expect(version.stdout).toBe('aeef-gates 1.0.0\n');
    expect(version.code).toBe(0);
  });

  it('prints the GateResult array with --json and writes result files to --result-dir', async () => {
    const dir = workspace({ 'lcov.info': lcov('src/a.js', 8) });
    const results = path.join(dir, 'results');
    const run = await runCliBundle([
      'coverage',
      '--json',
      '-C',
      dir,
      '--set',
      'coverage.files=lcov.info',
      '--result-dir',
      results,
    ]);
    const [result] = parse(run);
    expect(result).toMatchObject({ schema: 'aeef.gate-result/v1', gate: 'coverage', verdict: 'pass' });
    expect(JSON.parse(readFileSync(path.join(results, 'coverage.json'), 'utf8'))).toEqual(result);
    expect(run.code).toBe(0);
  });

  it('keeps escape sequences and workflow commands of a hostile file name out of stdout', async () => {
    const evil = 'src/\u001b[2J\u001b[31mred\u0007.js';
    const dir = workspace({
      'lcov.info': lcov('::error::pwned.js', 1) + lcov(evil, 2) + lcov('##[group]x.js', 3),
    });
    const run = await runCliBundle(['coverage', '-C', dir, '--set', 'coverage.files=lcov.info']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('pwned.js'); // the names are shown...
    expect(run.stdout).toContain('src/<U+001B>[2J<U+001B>[31mred<U+0007>.js');
    // ...but inert: no control character but the line feed.
    expect([...run.stdout].filter((c) => c !== '\n' && (c < ' ' || c === '\u007f'))).toEqual([]);
    for (const line of run.stdout.split('\n')) {
      expect(line).not.toMatch(/^\s*::/);
      expect(line).not.toContain('##[');
    }
  });

  it('measures patch coverage from git diff <merge-base>...HEAD with --base', async () => {
    const base = 'const a = 1;\nconst b = 2;\nconst c = 3;\nconst d = 4;\n';
    const head = 'const a = 1;\nconst b = 20;\nconst c = 30;\nconst d = 4;\n';
    const repo = makePullRequestRepo({ 'src/a.js': base }, { 'src/a.js': head });
    // Lines 2 and 3 changed; line 2 is covered, line 3 is not: 1 of 2 changed lines, 50%.
    mkdirSync(path.join(repo.dir, 'coverage'));
    writeFileSync(
      path.join(repo.dir, 'coverage', 'lcov.info'),
      'SF:src/a.js\nDA:1,1\nDA:2,1\nDA:3,0\nDA:4,1\nend_of_record\n',
    );
    const args = ['coverage', '--json', '--set', 'coverage.files=coverage/lcov.info'];
    const patch = (run: CliRun) => parse(run)[0]?.metrics.find((m) => m.id === 'patch')?.value;
    expect(patch(await runCliBundle([...args, '--base', 'main'], repo.dir))).toBe(50);
    expect(patch(await runCliBundle(args, repo.dir))).toBeNull();
    const typo = await runCliBundle([...args, '--base', 'mian'], repo.dir);
    expect(typo.stderr).toContain('Expected `--base` to name a commit of this repository, got `mian`.');
    expect(typo.code).toBe(2);
  });
});
