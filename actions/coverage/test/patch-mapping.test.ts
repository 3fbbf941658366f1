/**
 * Patch coverage of reports written on another machine (issue 11, fail-open 1) and patch figures
 * nobody asked for (fail-open 3), against real git repositories built by the test.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  inputsFromRecord,
  readEventContext,
  withDefaults,
  type GateResult,
} from '@aeef/gate-result';
import { changeSetResolverOf } from '../../../packages/gate-result/src/runtime/changes-bridge.js';
import { createGitHubClient } from '../../../packages/gate-result/src/runtime/github-client.js';
import { createLocalIO } from '../../../packages/gate-result/src/runtime/local-io.js';
import { makePullRequestRepo, writeTree } from '../../../test/support/git-repo.js';
import { startGitHubServer } from '../../../test/support/github-server.js';
import { coverageGate } from '../src/gate.js';

const quiet = { info: () => undefined, warning: () => undefined, debug: () => undefined };
const source = (n: number): string => Array.from({ length: n }, (_, i) => `line ${i + 1}\n`).join('');
// The PR changes lines 3-6 of src/a.ts; the report covers 1-4 and misses 5-10.
const repo = makePullRequestRepo(
  { 'src/a.ts': source(10), 'src/b.ts': source(3), 'lib/b.ts': source(3) },
  { 'src/a.ts': source(10).replace('line 3\nline 4\nline 5\nline 6\n', 'l3\nl4\nl5\nl6\n') },
);
const cleanup: string[] = [repo.dir];
afterAll(() => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

function lcov(path: string): string {
  return `SF:${path}\n${Array.from({ length: 10 }, (_, i) => `DA:${i + 1},${i < 4 ? 1 : 0}`).join('\n')}\nend_of_record\n`;
}

async function runIn(dir: string, report: string, values: Record<string, string>): Promise<GateResult> {
  writeTree(dir, { 'coverage/lcov.info': report });
  const event = readEventContext('pull_request', repo.pullRequestEvent(), {});
  const io = createLocalIO({
    workspace: dir,
    event,
    log: quiet,
    resultDir: `${dir}/.results`,
    changes: (request) =>
      changeSetResolverOf({ event, git: (args) => io.git(args), github: undefined, log: quiet })(request),
  });
  const config = coverageGate.config(
    withDefaults(
      inputsFromRecord({ files: 'coverage/lcov.info', 'min-lines': '0', ...values }),
      coverageGate.inputs,
    ),
  );
  return coverageGate.run(config, io);
}

const notes = (r: GateResult): string => r.details.flatMap((d) => d.notes ?? []).join('\n');

describe('patch coverage of a report written under another root', () => {
  it.each([
    ['a Linux runner elsewhere', '/home/runner/work/x/x/src/a.ts', '`home/runner/work/x/x/`'],
    ['a Windows runner', 'D:\\a\\x\\x\\src\\a.ts', '`a/x/x/`'],
  ])('maps the paths of %s to the repository and measures min-patch', async (_, path, prefix) => {
    const r = await runIn(repo.dir, lcov(path), { 'min-patch': '90' });
    // Before the fix: patch n/a, verdict pass.
    expect(r.metrics.find((m) => m.id === 'patch')).toMatchObject({ value: 50, verdict: 'fail' });
    expect(r.verdict).toBe('fail');
    expect(r.findings.map((f) => [f.file, f.startLine, f.endLine])).toEqual([['src/a.ts', 5, 6]]);
    expect(notes(r)).toContain(
      `Report paths mapped by suffix: 1 files under ${prefix} to the repository root`,
    );
  });

  it('maps source-root-relative paths (JaCoCo-style) and says so', async () => {
    const r = await runIn(repo.dir, lcov('a.ts'), { 'min-patch': '40' });
    expect(r.metrics.find((m) => m.id === 'patch')).toMatchObject({ value: 50, verdict: 'pass' });
    expect(notes(r)).toContain('to `src/`');
  });

  it('refuses min-patch when a changed file is unreported and report paths map to no repository file', async () => {
    const run = runIn(repo.dir, lcov('/build/elsewhere/gen/zz.ts'), { 'min-patch': '90' });
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow(
      'min-patch (90%) cannot be measured: 1 changed files are not in the reports (src/a.ts) and 1 report paths match no file of the repository (/build/elsewhere/gen/zz.ts)',
    );
  });

  it('leaves an ambiguous suffix unmapped rather than guessing', async () => {
    // b.ts is tracked twice (src/b.ts, lib/b.ts): a bare `b.ts` names neither.
    const r = await runIn(repo.dir, `${lcov('src/a.ts')}${lcov('b.ts')}`, { 'min-patch': '10' });
    expect(r.metrics.find((m) => m.id === 'patch')).toMatchObject({ value: 50 });
    expect(notes(r)).toMatch(/1 paths match several tracked files equally/);
  });
});

describe('patch figures nobody asked for', () => {
  it('never asks the API (nor fails on its 403) when no setting needs the changed lines', async () => {
    const shallow = `${repo.dir}-shallow`;
    cleanup.push(shallow);
    execFileSync('git', [
      'clone',
      '-q',
      '--depth',
      '1',
      '--branch',
      'feature',
      `file://${repo.dir}`,
      shallow,
    ]);
    const server = await startGitHubServer(() => ({
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    }));
    try {
      const github = createGitHubClient({
        token: 'ghs_test',
        baseUrl: server.url,
        backoffUnitMs: 1,
        deadlineMs: 5000,
      });
      const event = readEventContext('pull_request', repo.pullRequestEvent(), {
        GITHUB_REPOSITORY: 'aeef/sample',
      });
      writeTree(shallow, { 'coverage/lcov.info': lcov('src/a.ts') });
      const io = createLocalIO({
        workspace: shallow,
        event,
        github,
        log: quiet,
        resultDir: `${shallow}/.results`,
        changes: (request) =>
          changeSetResolverOf({ event, git: (args) => io.git(args), github, log: quiet })(request),
      });
      const run = (values: Record<string, string>) =>
        coverageGate.run(
          coverageGate.config(
            withDefaults(
              inputsFromRecord({ files: 'coverage/lcov.info', 'min-lines': '0', ...values }),
              coverageGate.inputs,
            ),
          ),
          io,
        );
      const r = await run({});
      expect(r.verdict).toBe('pass');
      expect(r.metrics.find((m) => m.id === 'patch')).toMatchObject({ value: null, verdict: 'none' });
      expect(notes(r)).toMatch(
        /Patch coverage not measured: The changed lines of this pull_request are not in the clone/,
      );
      expect(server.requests).toEqual([]);
      // With min-patch the API is asked, and its 403 is an error.
      await expect(run({ 'min-patch': '50' })).rejects.toThrow(/403|not accessible/i);
      expect(server.requests.length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('reports patch figures when git has the base for free', async () => {
    const r = await runIn(repo.dir, lcov('src/a.ts'), {});
    expect(r.verdict).toBe('pass');
    expect(r.metrics.find((m) => m.id === 'patch')).toMatchObject({ value: 50, verdict: 'none' });
  });
});
