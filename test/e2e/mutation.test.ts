/**
 * The committed mutation bundle, run under Node 24 exactly as a runner runs it, on a real git
 * repository with a pull request whose changed lines hold a surviving mutant.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePullRequestRepo, writeTree, type PullRequestRepo } from '../support/git-repo.js';
import { runAction, workflowCommands } from '../support/run-action.js';

const BASE_SOURCE = [
  'export function max(a: number, b: number): number {',
  '  return a;',
  '}',
  '',
  'export const ONE = 1;',
  '',
].join('\n');
const HEAD_SOURCE = [
  'export function max(a: number, b: number): number {',
  '  return a > b ? a : b;',
  '}',
  '',
  'export const ONE = 1;',
  '',
].join('\n');

interface Spec {
  status: string;
  line: number;
  mutatorName: string;
  replacement: string;
}

function report(projectRoot: string, mutants: Spec[], file = 'src/max.ts'): string {
  return JSON.stringify({
    schemaVersion: '1.0',
    thresholds: { high: 80, low: 60, break: 99 },
    projectRoot,
    files: {
      [file]: {
        language: 'typescript',
        source: HEAD_SOURCE,
        mutants: mutants.map((m, i) => ({
          id: String(i),
          mutatorName: m.mutatorName,
          replacement: m.replacement,
          status: m.status,
          location: { start: { line: m.line, column: 10 }, end: { line: m.line, column: 25 } },
        })),
      },
    },
  });
}

/** On the changed line 2: one killed, one surviving; elsewhere: three killed. Patch 50%, total 80%. */
const MUTANTS: Spec[] = [
  { status: 'Killed', line: 2, mutatorName: 'ConditionalExpression', replacement: 'true ? a : b' },
  { status: 'Survived', line: 2, mutatorName: 'EqualityOperator', replacement: 'a >= b' },
  { status: 'Killed', line: 5, mutatorName: 'NumberLiteral', replacement: '0' },
  { status: 'Killed', line: 5, mutatorName: 'NumberLiteral', replacement: '2' },
  { status: 'Killed', line: 1, mutatorName: 'BlockStatement', replacement: '{}' },
];

/** A PR repository; `reportOf(dir)` gives the report text written after checkout (not committed). */
function prRepo(reportOf: (dir: string) => string | undefined): PullRequestRepo {
  const repo = makePullRequestRepo({ 'src/max.ts': BASE_SOURCE }, { 'src/max.ts': HEAD_SOURCE });
  const text = reportOf(repo.dir);
  if (text !== undefined) writeTree(repo.dir, { 'reports/mutation/mutation.json': text });
  return repo;
}

async function run(
  repo: PullRequestRepo,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
) {
  return runAction({ bundle: 'mutation', workspace: repo.dir, inputs, event: repo.pullRequestEvent(), env });
}

const SENTINEL = 'SECRET_SENTINEL_5f2c9a';

describe('mutation action (bundle under Node 24)', () => {
  it('fails on a surviving mutant in the changed lines, annotating it with mutator and replacement', async () => {
    const repo = prRepo((dir) => report(dir, MUTANTS));
    const out = await run(repo, { 'min-score': '60', 'min-patch-score': '80' });
    expect(out.exitCode).toBe(1);
    expect(out.outputs).toMatchObject({
      verdict: 'fail',
      score: '80',
      'covered-score': '80',
      'patch-score': '50',
      survived: '1',
      killed: '4',
      valid: '5',
      total: '5',
    });
    const errors = workflowCommands(out.stdout).filter((c) => c.command === 'error');
    const annotation = errors.find((c) => c.line.includes('file=src/max.ts') && c.line.includes('line=2'));
    expect(annotation?.line).toContain('EqualityOperator');
    expect(annotation?.line).toContain('a >= b');
    expect(out.summary).toContain('50.00%');
    expect((out.result as { verdict: string }).verdict).toBe('fail');
  });

  it("passes under a lower bar and turns the survivor into a warning; the report's own break is ignored", async () => {
    const repo = prRepo((dir) => report(dir, MUTANTS));
    const out = await run(repo, { 'min-score': '80', 'min-patch-score': '50' });
    expect(out.exitCode).toBe(0);
    expect(out.outputs).toMatchObject({ verdict: 'pass', score: '80', 'patch-score': '50' });
    const warnings = workflowCommands(out.stdout).filter((c) => c.command === 'warning');
    expect(warnings.some((c) => c.line.includes('file=src/max.ts') && c.line.includes('line=2'))).toBe(true);
  });

  it('is an error when the report is missing', async () => {
    const out = await run(prRepo(() => undefined));
    expect(out.exitCode).toBe(1);
    expect(out.outputs.verdict).toBe('error');
    expect(out.outputs.summary).toContain('reports/mutation/mutation.json');
  });

  it('is an error when the report is empty', async () => {
    const out = await run(prRepo(() => ''));
    expect(out.exitCode).toBe(1);
    expect(out.outputs.verdict).toBe('error');
    expect(out.outputs.summary).toMatch(/empty/);
    expect(out.outputs.score).toBeUndefined();
  });

  it('is an error when the report is truncated, with no partial totals', async () => {
    const out = await run(prRepo((dir) => report(dir, MUTANTS).slice(0, 300)));
    expect(out.exitCode).toBe(1);
    expect(out.outputs.verdict).toBe('error');
    expect(out.outputs.summary).toMatch(/ends before its JSON is complete/);
    expect(out.outputs.score).toBeUndefined();
  });

  it('refuses a report that is a symlink to /proc/self/environ, leaking nothing (B15, E12)', async () => {
    const repo = prRepo(() => undefined);
    mkdirSync(path.join(repo.dir, 'reports/mutation'), { recursive: true });
    symlinkSync('/proc/self/environ', path.join(repo.dir, 'reports/mutation/mutation.json'));
    const out = await run(repo, {}, { SECRET_SENTINEL: SENTINEL });
    expect(out.exitCode).toBe(1);
    expect(out.outputs.verdict).toBe('error');
    for (const channel of [out.stdout, out.stderr, out.summary, JSON.stringify(out.outputs)])
      expect(channel).not.toContain(SENTINEL);
  });

  it('refuses a report path outside the workspace (B16)', async () => {
    const out = await run(
      prRepo((dir) => report(dir, MUTANTS)),
      { files: '../../etc/passwd' },
    );
    expect(out.exitCode).toBe(1);
    expect(out.outputs.verdict).toBe('error');
    expect(out.outputs.summary).toBe(
      'Expected `files` to hold patterns without `..` segments, got `../../etc/passwd`.',
    );
  });

  it('is an error when the report does not match the schema, naming the JSON path (B6)', async () => {
    const pwned = MUTANTS.map((m) => ({ ...m, status: 'Pwned' }));
    const out = await run(prRepo((dir) => report(dir, pwned)));
    expect(out.exitCode).toBe(1);
    expect(out.outputs.verdict).toBe('error');
    expect(out.outputs.summary).toContain('files["src/max.ts"].mutants[0].status must be one of');
  });

  it('renders HTML and commands in a file name as text (E1, E5)', async () => {
    const evilFile =
      '</td></tr></table><h1>All gates passed</h1><img src=https://evil/p.gif>\n::set-output name=x::y.ts';
    const out = await run(
      prRepo((dir) => report(dir, MUTANTS, evilFile)),
      { 'allow-missing-sources': 'true', 'min-score': '0' },
    );
    expect(out.outputs.verdict).toBe('warn');
    expect(out.exitCode).toBe(0);
    expect(out.summary).not.toMatch(/<h1>|<img|<\/table>/);
    expect(out.summary).toContain('&lt;h1&gt;');
    expect(workflowCommands(out.stdout).map((c) => c.command)).toEqual([]);
  });

  it('is an error when every mutant is ignored (no evidence)', async () => {
    const ignored = MUTANTS.map((m) => ({ ...m, status: 'Ignored' }));
    const out = await run(prRepo((dir) => report(dir, ignored)));
    expect(out.exitCode).toBe(1);
    expect(out.outputs.verdict).toBe('error');
    expect(out.outputs.summary).toMatch(/No mutant is valid/);
  });

  it('lets no report text inject workflow commands or leak the environment (E1, E2, E12)', async () => {
    const payload = (p: string) =>
      `${p}\n::set-output name=passed::true\r::add-mask::FAIL\u00a0::stop-commands::tok x ##[add-mask]y`;
    const evil = MUTANTS.map((m) => ({
      ...m,
      mutatorName: payload(m.mutatorName),
      replacement: payload('</td><h1>ok</h1>'),
    }));
    const out = await run(
      prRepo((dir) => report(dir, evil)),
      { 'min-patch-score': '80' },
      { SECRET_SENTINEL: SENTINEL },
    );
    expect(out.exitCode).toBe(1);
    const commands = workflowCommands(out.stdout).map((c) => c.command);
    expect(
      commands.filter(
        (c) =>
          c !== 'error' &&
          c !== 'warning' &&
          c !== 'notice' &&
          c !== 'debug' &&
          c !== 'group' &&
          c !== 'endgroup',
      ),
    ).toEqual([]);
    expect(commands).toContain('error');
    expect(out.summary).not.toContain('<h1>');
    for (const channel of [out.stdout, out.stderr, out.summary, JSON.stringify(out.outputs)])
      expect(channel).not.toContain(SENTINEL);
  });
});
