import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readEventContext } from '../../src/changes/event.js';
import { describeChangeSet, resolveChangeSet, type GitRunner } from '../../src/changes/resolve.js';
import { ConfigError } from '../../src/errors.js';
import type { Logger } from '../../src/gate.js';
import { makePullRequestRepo } from '../../../../test/support/git-repo.js';

const run = promisify(execFile);
const gitIn =
  (cwd: string): GitRunner =>
  async (args) =>
    (await run('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 })).stdout;
const log: Logger = { info: () => undefined, warning: () => undefined, debug: () => undefined };
const lines = (n: number, tag = 'line'): string =>
  Array.from({ length: n }, (_, i) => `${tag} ${i + 1}\n`).join('');

const repo = makePullRequestRepo(
  {
    'src/app.ts': lines(30),
    'src/old.ts': lines(5),
    'src/moved.ts': lines(10, 'moved'),
    'src/moved-edited.ts': lines(20, 'edit'),
    'img/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]),
  },
  {
    'src/app.ts': lines(30).replace('line 10\n', 'line ten\n'),
    'src/old.ts': null,
    'src/new file.ts': 'a\nb\n',
    'src/ünïcödé.ts': 'x\n',
    'lib/moved-edited.ts': lines(20, 'edit') + 'more\n',
    'img/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 2]),
  },
  {
    renames: [
      ['src/moved.ts', 'lib/moved.ts'],
      ['src/moved-edited.ts', 'lib/moved-edited.ts'],
    ],
  },
);
// The base branch moves on after the PR branched: three-dot semantics must ignore its change.
repo.git('checkout', '-q', 'main');
writeFileSync(path.join(repo.dir, 'src/app.ts'), 'header 1\nheader 2\n' + lines(30));
writeFileSync(path.join(repo.dir, 'main-only.ts'), 'main\n');
repo.git('commit', '-qam', 'main moves on');
repo.git('add', '-A');
repo.git('commit', '-qm', 'main adds a file');
const baseTip = repo.git('rev-parse', 'HEAD');
repo.git('checkout', '-q', 'feature');
const event = readEventContext(
  'pull_request',
  repo.pullRequestEvent({ base: { ref: 'main', sha: baseTip } }),
);

afterAll(() => rmSync(repo.dir, { recursive: true, force: true }));

describe(resolveChangeSet.name, () => {
  it('diffs merge-base...head with git, rename-aware, ignoring what moved on the base', async () => {
    const changes = await resolveChangeSet({ event, git: gitIn(repo.dir), log });
    expect(changes).toMatchObject({
      source: 'git',
      event: 'pull_request',
      base: repo.baseSha,
      head: repo.headSha,
    });
    const summary = Object.fromEntries(
      changes!.files.map((f) => [
        f.path,
        [f.status, f.previousPath, f.binary, f.ranges.map((r) => `${r.start}-${r.end}`).join(',')],
      ]),
    );
    expect(summary).toEqual({
      'src/app.ts': ['modified', undefined, false, '10-10'],
      'src/old.ts': ['deleted', undefined, false, ''],
      'src/new file.ts': ['added', undefined, false, '1-2'],
      'src/ünïcödé.ts': ['added', undefined, false, '1-1'],
      'lib/moved.ts': ['renamed', 'src/moved.ts', false, ''],
      'lib/moved-edited.ts': ['renamed', 'src/moved-edited.ts', false, '21-21'],
      'img/logo.png': ['modified', undefined, true, ''],
    });
    expect(describeChangeSet(changes!)).toMatch(
      /^Changed lines of 7 files from `git diff [0-9a-f]{7}\.\.\.[0-9a-f]{7}`\.$/,
    );
  });

  it('diffs GitHub-style merge commits against their first parent, in the merge commit line numbers', async () => {
    const merge = makePullRequestRepo(
      { 'a.ts': lines(10) },
      { 'a.ts': lines(10).replace('line 5\n', 'line five\n') },
    );
    try {
      merge.git('checkout', '-q', 'main');
      writeFileSync(path.join(merge.dir, 'a.ts'), 'top 1\ntop 2\n' + lines(10));
      merge.git('commit', '-qam', 'base moves');
      merge.git('checkout', '-q', '--detach', 'main');
      merge.git('merge', '-q', '--no-ff', '-m', 'Merge feature into main', 'feature');
      const mergeSha = merge.git('rev-parse', 'HEAD');
      const changes = await resolveChangeSet({
        event: readEventContext('pull_request', merge.pullRequestEvent()),
        git: gitIn(merge.dir),
        log,
      });
      expect(changes).toMatchObject({
        source: 'git',
        head: mergeSha,
        files: [{ path: 'a.ts', ranges: [{ start: 7, end: 7 }] }],
      });
      // Oracle: the line `git blame` attributes to the PR head commit inside the merge commit.
      expect(merge.git('blame', '-s', '-l', mergeSha, '--', 'a.ts').split('\n')[6]).toMatch(
        new RegExp(`^${merge.headSha} `),
      );
    } finally {
      rmSync(merge.dir, { recursive: true, force: true });
    }
  });

  it('reads a push (before...after) and a merge_group with git', async () => {
    const push = await resolveChangeSet({
      event: readEventContext('push', { before: repo.baseSha, after: repo.headSha }),
      git: gitIn(repo.dir),
      log,
    });
    expect(push?.files).toHaveLength(7);
    const group = await resolveChangeSet({
      event: readEventContext('merge_group', { merge_group: { base_sha: baseTip, head_sha: repo.headSha } }),
      git: gitIn(repo.dir),
      log,
    });
    expect(group).toMatchObject({ source: 'git', event: 'merge_group', base: repo.baseSha });
  });

  it('gives paths relative to a workspace in a subdirectory, and only its files', async () => {
    const changes = await resolveChangeSet({ event, git: gitIn(path.join(repo.dir, 'src')), log });
    // Files renamed out of src/ left the workspace: git diff --relative reports them as deleted.
    expect(Object.fromEntries(changes!.files.map((f) => [f.path, f.status]))).toEqual({
      'app.ts': 'modified',
      'new file.ts': 'added',
      'old.ts': 'deleted',
      'moved.ts': 'deleted',
      'moved-edited.ts': 'deleted',
      'ünïcödé.ts': 'added',
    });
  });

  it('returns undefined for unsupported events, new branches and deleted refs', async () => {
    const git = gitIn(repo.dir);
    expect(
      await resolveChangeSet({ event: readEventContext('workflow_dispatch', {}), git, log }),
    ).toBeUndefined();
    expect(
      await resolveChangeSet({
        event: readEventContext('push', { before: '0'.repeat(40), after: repo.headSha }),
        git,
        log,
      }),
    ).toBeUndefined();
    expect(
      await resolveChangeSet({
        event: readEventContext('push', { before: repo.headSha, after: '0'.repeat(40) }),
        git,
        log,
      }),
    ).toBeUndefined();
  });

  it('tells the user to set fetch-depth: 0 when the shallow clone lacks the base and there is no token', async () => {
    const shallow = `${repo.dir}-shallow`;
    await run('git', ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${repo.dir}`, shallow]);
    try {
      const promise = resolveChangeSet({ event, git: gitIn(shallow), log });
      await expect(promise).rejects.toThrow(ConfigError);
      await expect(resolveChangeSet({ event, git: gitIn(shallow), log })).rejects.toThrow(
        `Cannot find the changed lines of this pull_request: the base commit ${baseTip.slice(0, 12)} or the head commit ${repo.headSha.slice(0, 12)} is not in the clone and no GitHub token is available; set \`fetch-depth: 0\` on actions/checkout, or provide \`github-token\`.`,
      );
    } finally {
      rmSync(shallow, { recursive: true, force: true });
    }
  });

  it('says when git cannot read the workspace at all (no checkout)', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'aeef-no-repo-'));
    try {
      await expect(resolveChangeSet({ event, git: gitIn(empty), log })).rejects.toThrow(
        /^Cannot find the changed lines of this pull_request: git cannot read a repository in the workspace \(no checkout, or a container job whose workspace needs `safe.directory`\) and no GitHub token is available; set `fetch-depth: 0`/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
