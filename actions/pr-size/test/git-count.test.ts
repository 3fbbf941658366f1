/**
 * The git path on real temporary repositories. The oracle is git itself: `git diff --numstat`
 * with the expected exclusions given as `:(exclude)` pathspecs, summed here; the gate must agree.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePullRequestRepo } from '../../../test/support/git-repo.js';
import type { PullRequestRepo } from '../../../test/support/git-repo.js';
import { configurePrSize } from '../src/config.js';
import { prSizeGate } from '../src/gate.js';
import { inputsOf, makeGateIO } from './support/gate-io.js';

const lines = (n: number, tag: string): string =>
  Array.from({ length: n }, (_, i) => `${tag} line ${i}`).join('\n') + '\n';
const binary = (seed: number): Buffer => Buffer.from(Array.from({ length: 512 }, (_, i) => (i * seed) % 256));

/** Every kind of change the gate must tell apart, in one PR. */
function makeMixedRepo(): PullRequestRepo {
  return makePullRequestRepo(
    {
      '.gitattributes':
        'gen/** linguist-generated\nthird_party/** linguist-vendored\n*.pb.go linguist-generated=true\nkeep.pb.go -linguist-generated\n',
      'src/app.ts': lines(20, 'app'),
      'src/old-name.ts': lines(30, 'unchanged'),
      'lib/moved.ts': lines(40, 'moved'),
      'docs/gone.md': lines(12, 'gone'),
      'package-lock.json': lines(50, 'lock'),
      'image.png': binary(3),
    },
    {
      'src/app.ts': lines(15, 'app') + lines(5, 'new'),
      'lib/renamed.ts': lines(38, 'moved') + 'edited one\nedited two\n',
      'docs/gone.md': null,
      'package-lock.json': lines(900, 'lock2'),
      'web/yarn.lock': lines(300, 'yarn'),
      'gen/api.ts': lines(100, 'gen'),
      'third_party/x.js': lines(70, 'vendored'),
      'proto/a.pb.go': lines(60, 'pb'),
      'proto/keep.pb.go': lines(8, 'keep'),
      'image.png': binary(7),
      'assets/logo.bin': binary(11),
      'tests/big.snap': lines(40, 'snap'),
      'src/ünï code.ts': lines(3, 'uni'),
    },
    {
      renames: [
        ['src/old-name.ts', 'src/new-name.ts'],
        ['lib/moved.ts', 'lib/renamed.ts'],
      ],
    },
  );
}

/** The oracle: git's own numstat over the PR minus the excluded paths (binary rows carry `-`). */
function oracle(
  repo: PullRequestRepo,
  excluded: readonly string[],
): { lines: number; additions: number; deletions: number; files: number } {
  const out = execFileSync(
    'git',
    [
      'diff',
      '--numstat',
      '-M',
      repo.baseSha,
      repo.headSha,
      '--',
      '.',
      ...excluded.map((p) => `:(exclude)${p}`),
    ],
    { cwd: repo.dir, encoding: 'utf8' },
  );
  let additions = 0;
  let deletions = 0;
  let files = 0;
  for (const row of out.split('\n').filter(Boolean)) {
    const [a, d] = row.split('\t');
    if (a === '-') continue;
    additions += Number(a);
    deletions += Number(d);
    files++;
  }
  return { lines: additions + deletions, additions, deletions, files };
}

const EXCLUDED = {
  'image.png': 'binary file',
  'assets/logo.bin': 'binary file',
  'package-lock.json': 'lockfile',
  'web/yarn.lock': 'lockfile',
  'gen/api.ts': 'linguist-generated in .gitattributes',
  'proto/a.pb.go': 'linguist-generated in .gitattributes',
  'third_party/x.js': 'linguist-vendored in .gitattributes',
  'tests/big.snap': 'matches the ignore input',
};

function metric(result: { metrics: { id: string; value: number | null }[] }, id: string): number | null {
  return result.metrics.find((m) => m.id === id)!.value;
}

describe('prSizeGate (git)', () => {
  it('counts git numstat minus lockfiles, linguist-generated/vendored, binaries and ignore globs', async () => {
    const repo = makeMixedRepo();
    const io = makeGateIO({
      workspace: repo.dir,
      event: { name: 'pull_request', payload: repo.pullRequestEvent() },
    });
    const config = configurePrSize(
      inputsOf({ ignore: '**/*.snap', 'max-lines': '1000', 'warn-lines': '900' }),
    );
    const result = await prSizeGate.run(config, io);
    const expected = oracle(repo, Object.keys(EXCLUDED));
    expect(metric(result, 'lines')).toBe(expected.lines);
    expect(metric(result, 'additions')).toBe(expected.additions);
    expect(metric(result, 'deletions')).toBe(expected.deletions);
    expect(metric(result, 'files')).toBe(expected.files);
    expect(metric(result, 'ignored-files')).toBe(Object.keys(EXCLUDED).length);
    expect(result.outputs).toEqual({ size: 'S', source: 'git' });
    expect(result.verdict).toBe('pass');
    const excluded = result.details.find((s) => s.title === 'Excluded files')!;
    expect(Object.fromEntries(excluded.rows!.map((r) => [r[0], r[1]]))).toEqual(EXCLUDED);
    // A rename without content change is listed with 0 lines; one with edits counts the edits only.
    const largest = result.details.find((s) => s.title === 'Largest files')!.rows!;
    expect(largest).toContainEqual(['src/old-name.ts → src/new-name.ts', 0, 0]);
    expect(largest).toContainEqual(['lib/moved.ts → lib/renamed.ts', 2, 2]);
    expect(largest).toContainEqual(['docs/gone.md', 0, 12]);
    expect(largest).toContainEqual(['src/ünï code.ts', 3, 0]);
    expect(result.details[0]!.notes![0]).toContain('git diff --numstat');
  });

  it('counts from the merge base, not from a base branch that moved on', async () => {
    const repo = makePullRequestRepo({ 'a.txt': lines(10, 'a') }, { 'b.txt': lines(7, 'b') });
    repo.git('checkout', '-q', 'main');
    execFileSync('git', ['commit', '-q', '--allow-empty', '-m', 'later'], {
      cwd: repo.dir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@e.invalid',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@e.invalid',
      },
    });
    mkdirSync(path.join(repo.dir, 'x'), { recursive: true });
    const movedBase = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', 'feature');
    const event = repo.pullRequestEvent({ base: { ref: 'main', sha: movedBase } });
    const result = await prSizeGate.run(
      configurePrSize(inputsOf()),
      makeGateIO({ workspace: repo.dir, event: { name: 'pull_request', payload: event } }),
    );
    expect(metric(result, 'lines')).toBe(7);
    expect(result.outputs.size).toBe('XS');
  });

  it('counts a merge_group from its base and head SHAs', async () => {
    const repo = makePullRequestRepo(
      { 'a.txt': lines(10, 'a') },
      { 'a.txt': lines(10, 'a') + lines(300, 'q') },
    );
    const payload = {
      merge_group: {
        base_sha: repo.baseSha,
        head_sha: repo.headSha,
        head_ref: 'gh-readonly-queue/main/pr-7',
      },
      repository: { full_name: 'aeef/sample' },
    };
    const result = await prSizeGate.run(
      configurePrSize(inputsOf()),
      makeGateIO({ workspace: repo.dir, event: { name: 'merge_group', payload } }),
    );
    expect(metric(result, 'lines')).toBe(300);
    expect(result.verdict).toBe('warn');
    expect(result.outputs).toEqual({ size: 'L', source: 'git' });
  });

  it('counts the whole PR when the workspace is a subfolder, with attributes resolved from the top', async () => {
    const repo = makePullRequestRepo(
      { '.gitattributes': 'gen/** linguist-generated\n', 'pkg/keep.txt': 'k\n' },
      { 'gen/x.ts': lines(40, 'g'), 'pkg/a.ts': lines(5, 'a'), 'other/b.ts': lines(6, 'b') },
    );
    const io = makeGateIO({
      workspace: path.join(repo.dir, 'pkg'),
      event: { name: 'pull_request', payload: repo.pullRequestEvent() },
    });
    const result = await prSizeGate.run(configurePrSize(inputsOf()), io);
    expect(metric(result, 'lines')).toBe(11);
    expect(metric(result, 'ignored-files')).toBe(1);
  });

  it('fails above max-lines and max-files, and names the top-level folders to split along', async () => {
    const head: Record<string, string> = {};
    for (let i = 0; i < 6; i++) head[`svc${i % 3}/f${i}.ts`] = lines(100, `f${i}`);
    const repo = makePullRequestRepo({ 'README.md': 'x\n' }, head);
    const config = configurePrSize(inputsOf({ 'max-files': '5' }));
    const result = await prSizeGate.run(
      config,
      makeGateIO({ workspace: repo.dir, event: { name: 'pull_request', payload: repo.pullRequestEvent() } }),
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toBe(
      '600 changed lines in 6 files (size XL, counted from git): more than the 400-line limit and more than the 5-file limit; split the PR.',
    );
    const split = result.details.find((s) => s.title === 'How to split')!;
    expect(split.notes![0]).toContain(
      'spans 3 top-level folders: svc0 (200 lines, 2 files), svc1 (200 lines, 2 files), svc2 (200 lines, 2 files)',
    );
  });

  it('refuses a merge_group whose commits are not in the clone, with the fetch-depth hint', async () => {
    const repo = makePullRequestRepo({ 'a.txt': 'a\n' }, { 'a.txt': 'b\n' });
    const payload = { merge_group: { base_sha: 'a'.repeat(40), head_sha: repo.headSha } };
    await expect(
      prSizeGate.run(
        configurePrSize(inputsOf()),
        makeGateIO({ workspace: repo.dir, event: { name: 'merge_group', payload } }),
      ),
    ).rejects.toThrow(/fetch-depth: 0/);
  });

  it('refuses a shallow pull_request without a token, saying both ways out', async () => {
    const repo = makePullRequestRepo({ 'a.txt': 'a\n' }, { 'a.txt': 'b\n' });
    const event = repo.pullRequestEvent({ base: { sha: 'b'.repeat(40) } });
    await expect(
      prSizeGate.run(
        configurePrSize(inputsOf()),
        makeGateIO({ workspace: repo.dir, event: { name: 'pull_request', payload: event } }),
      ),
    ).rejects.toThrow(
      /needs the GitHub API to count this PR \(the merge base .* is not in the clone \(set fetch-depth: 0.*set the `github-token` input/,
    );
  });
});
