import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readEventContext } from '../../src/changes/event.js';
import { describeChangeSet, resolveChangeSet, type GitRunner } from '../../src/changes/resolve.js';
import { ConfigError, GitHubApiError } from '../../src/errors.js';
import type { ChangedFile, Logger } from '../../src/gate.js';
import { createGitHubClient } from '../../src/runtime/github-client.js';
import { makePullRequestRepo } from '../../../../test/support/git-repo.js';
import {
  linkHeader,
  startGitHubServer,
  type GitHubServer,
  type Route,
} from '../../../../test/support/github-server.js';
import { fixturePath } from '../../../../test/support/paths.js';

const run = promisify(execFile);
const gitIn =
  (cwd: string): GitRunner =>
  async (args) =>
    (await run('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 })).stdout;
const log: Logger = { info: () => undefined, warning: () => undefined, debug: () => undefined };
const lines = (n: number, tag = 'line'): string =>
  Array.from({ length: n }, (_, i) => `${tag} ${i + 1}\n`).join('');
const API_STATUS: Record<string, string> = { A: 'added', M: 'modified', D: 'removed', R: 'renamed' };

const repo = makePullRequestRepo(
  {
    'src/app.ts': lines(40),
    'src/old.ts': lines(5),
    'src/moved.ts': lines(10, 'moved'),
    'src/moved-edited.ts': lines(20, 'edit'),
    'img/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]),
  },
  {
    'src/app.ts': lines(40)
      .replace('line 10\n', 'line ten\n')
      .replace('line 30\n', 'line 30\nline 30b\nline 30c\n'),
    'src/old.ts': null,
    'src/new file.ts': 'a\nb\n',
    'src/ünïcödé.ts': 'x\n',
    'lib/moved-edited.ts': lines(20, 'edit').replace('edit 2\n', 'edit two\n'),
    'img/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 2]),
  },
  {
    renames: [
      ['src/moved.ts', 'lib/moved.ts'],
      ['src/moved-edited.ts', 'lib/moved-edited.ts'],
    ],
  },
);
const shallow = `${repo.dir}-shallow`;

/**
 * The pulls/{n}/files body GitHub would send for this PR, built from git itself: statuses from
 * `--name-status`, counts from `--numstat`, `patch` = the hunks of `git diff -U3` (binary: none).
 */
function recordedFiles(): Record<string, unknown>[] {
  const range = [repo.baseSha, repo.headSha];
  const status = repo.git('diff', '--name-status', '-z', '-M', ...range).split('\0');
  const entries: Record<string, unknown>[] = [];
  for (let i = 0; i < status.length - 1; i++) {
    const letter = status[i]![0]!;
    const renamed = letter === 'R';
    const previous = renamed ? status[++i]! : undefined;
    const filename = status[++i]!;
    const paths = renamed ? [previous!, filename] : [filename];
    const [added, deleted] = repo.git('diff', '--numstat', '-M', ...range, '--', ...paths).split('\t');
    const diff = repo.git('diff', '-U3', '-M', ...range, '--', ...paths);
    const at = diff.indexOf('\n@@');
    const binary = added === '-';
    const entry: Record<string, unknown> = {
      sha: 'x',
      filename,
      status: API_STATUS[letter],
      additions: binary ? 0 : Number(added),
      deletions: binary ? 0 : Number(deleted),
      changes: binary ? 0 : Number(added) + Number(deleted),
    };
    if (at >= 0) entry.patch = diff.slice(at + 1);
    if (previous) entry.previous_filename = previous;
    entries.push(entry);
  }
  return entries;
}

let server: GitHubServer | undefined;
beforeAll(async () => {
  await run('git', ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${repo.dir}`, shallow]);
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(() => {
  rmSync(repo.dir, { recursive: true, force: true });
  rmSync(shallow, { recursive: true, force: true });
});

async function githubServing(route: Route) {
  server = await startGitHubServer(route);
  return createGitHubClient({ token: 'ghs_test', baseUrl: server.url, backoffUnitMs: 1, deadlineMs: 20_000 });
}

/** Serves `entries` as pulls/7/files, 100 per page with Link headers. */
const paged =
  (entries: unknown[]): Route =>
  (request, github) => {
    const page = Number(request.query.get('page') ?? '1');
    const last = Math.max(1, Math.ceil(entries.length / 100));
    return {
      body: entries.slice((page - 1) * 100, page * 100),
      headers: { link: linkHeader(github.url, request.path, page, last) },
    };
  };

const prEvent = (extra: Record<string, unknown> = {}) =>
  readEventContext('pull_request', repo.pullRequestEvent(extra));
const generated = (n: number): Record<string, unknown>[] =>
  Array.from({ length: n }, (_, i) => ({
    filename: `f/${i}.ts`,
    status: 'added',
    additions: 1,
    deletions: 0,
    changes: 1,
    patch: '@@ -0,0 +1 @@\n+x',
  }));
const strip = ({ path, previousPath, status, additions, deletions, binary, ranges }: ChangedFile) => ({
  path,
  previousPath,
  status,
  additions,
  deletions,
  binary,
  ranges,
});

describe(resolveChangeSet.name, () => {
  it('falls back to the pull request files API in a shallow clone and agrees with git', async () => {
    const github = await githubServing(paged(recordedFiles()));
    const fromApi = await resolveChangeSet({ event: prEvent(), git: gitIn(shallow), github, log });
    const fromGit = await resolveChangeSet({ event: prEvent(), git: gitIn(repo.dir), log });
    expect(fromApi).toMatchObject({ source: 'api', base: repo.baseSha, head: repo.headSha });
    expect(fromApi?.incomplete).toBeUndefined();
    expect(fromApi!.files.map(strip)).toEqual(fromGit!.files.map(strip));
    expect(server!.requests.map((r) => `${r.path}?${r.query.toString()}`)).toEqual([
      '/repos/aeef/sample/pulls/7/files?per_page=100',
    ]);
    expect(describeChangeSet(fromApi!)).toMatch(/from the GitHub REST API/);
  });

  it('uses the API without any clone', async () => {
    const github = await githubServing(paged(recordedFiles()));
    expect((await resolveChangeSet({ event: prEvent(), github, log }))?.files).toHaveLength(7);
  });

  it('uses the compare API for a push in a shallow clone', async () => {
    const files = recordedFiles();
    const github = await githubServing(() => ({
      body: { status: 'ahead', total_commits: 1, commits: [], files },
    }));
    const event = readEventContext('push', {
      before: repo.baseSha,
      after: repo.headSha,
      repository: { full_name: 'aeef/sample' },
    });
    const changes = await resolveChangeSet({ event, git: gitIn(shallow), github, log });
    expect(changes).toMatchObject({ source: 'api', event: 'push' });
    expect(changes?.files).toHaveLength(files.length);
    expect(server!.requests[0]?.path).toBe(`/repos/aeef/sample/compare/${repo.baseSha}...${repo.headSha}`);
  });

  it('reads all pages of a 101-file pull request', async () => {
    const github = await githubServing(paged(generated(101)));
    const changes = await resolveChangeSet({
      event: prEvent({ changed_files: 101 }),
      git: gitIn(shallow),
      github,
      log,
    });
    expect(changes?.files).toHaveLength(101);
    expect(changes?.incomplete).toBeUndefined();
    expect(server!.requests).toHaveLength(2);
  });

  it.each([
    [3000, 3000, /at most 3000 files/],
    [3000, 3001, /at most 3000 files/],
    [5, 6, /listed 5 of the 6 changed files/],
  ])('marks %i listed files of %i changed as incomplete', async (listed, changed, reason) => {
    const github = await githubServing(paged(generated(listed)));
    const changes = await resolveChangeSet({ event: prEvent({ changed_files: changed }), github, log });
    expect(changes?.files).toHaveLength(listed);
    expect(changes?.incomplete).toMatch(reason);
    expect(changes?.partialList).toBe(true);
    expect(describeChangeSet(changes!)).toMatch(/ Incomplete: /);
  });

  it('marks a file whose patch GitHub withheld as incomplete', async () => {
    const github = await githubServing(
      paged([{ filename: 'big.ts', status: 'modified', additions: 9000, deletions: 10, changes: 9010 }]),
    );
    const changes = await resolveChangeSet({ event: prEvent(), github, log });
    expect(changes?.incomplete).toMatch(/1 files have no patch .*: big\.ts/);
    // The file is listed, but nothing about its lines may read as unchanged; the list is whole.
    expect(changes?.files[0]).toMatchObject({ path: 'big.ts', ranges: [], linesUnknown: true });
    expect(changes?.partialList).toBeUndefined();
  });

  it('never asks the API for a request made only if free, and says why git could not', async () => {
    const github = await githubServing(() => ({ status: 403, body: { message: 'Forbidden' } }));
    const request = resolveChangeSet({ event: prEvent(), git: gitIn(shallow), github, log, ifFree: true });
    await expect(request).rejects.toThrow(ConfigError);
    await expect(request).rejects.toThrow(
      /not in the clone \(the base commit .* is not in the clone\); they are read from the REST API only when a setting needs them/,
    );
    expect(server!.requests).toHaveLength(0);
  });

  it('marks a 300-file comparison as incomplete', async () => {
    const github = await githubServing(() => ({ body: { files: generated(300) } }));
    const event = readEventContext(
      'merge_group',
      { merge_group: { base_sha: repo.baseSha, head_sha: repo.headSha } },
      { GITHUB_REPOSITORY: 'aeef/sample' },
    );
    expect((await resolveChangeSet({ event, github, log }))?.incomplete).toMatch(/at most 300 files/);
  });

  it.each([
    [
      { filename: 'a.ts', status: 'added', additions: '10', deletions: 0, changes: 10 },
      /`additions` to be a non-negative integer/,
    ],
    [{ filename: 'a.ts', status: 'exploded', additions: 1, deletions: 0, changes: 1 }, /a known `status`/],
    [{ filename: null, status: 'added', additions: 1, deletions: 0, changes: 1 }, /a `filename`/],
    [
      { filename: 'a.ts', status: 'added', additions: 1, deletions: 0, changes: 1, patch: 'garbage' },
      /Cannot parse the patch/,
    ],
  ])('rejects a malformed API entry with a ConfigError (%j)', async (entry, message) => {
    const github = await githubServing(paged([entry]));
    await expect(resolveChangeSet({ event: prEvent(), github, log })).rejects.toThrow(message);
  });

  it('rejects a comparison without a files list, and a files page that is not a list', async () => {
    const event = readEventContext(
      'merge_group',
      { merge_group: { base_sha: repo.baseSha, head_sha: repo.headSha } },
      { GITHUB_REPOSITORY: 'aeef/sample' },
    );
    let github = await githubServing(() => ({ body: { status: 'ahead' } }));
    await expect(resolveChangeSet({ event, github, log })).rejects.toThrow(
      'The GitHub API returned a malformed response for the comparison: expected a `files` list.',
    );
    await server?.close();
    github = await githubServing(() => ({
      body: '<html>maintenance</html>',
      headers: { 'content-type': 'text/html' },
    }));
    await expect(resolveChangeSet({ event: prEvent(), github, log })).rejects.toThrow(
      /did not return a list/,
    );
  });

  it('fails closed when the token cannot read the pull request (403)', async () => {
    const github = await githubServing(() => ({
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    }));
    const promise = resolveChangeSet({ event: prEvent(), git: gitIn(shallow), github, log });
    await expect(promise).rejects.toBeInstanceOf(GitHubApiError);
    await expect(resolveChangeSet({ event: prEvent(), github, log })).rejects.toThrow(
      /`pull-requests: read`/,
    );
  });

  it('needs the repository to call the API', async () => {
    const github = await githubServing(paged([]));
    const event = readEventContext('merge_group', {
      merge_group: { base_sha: repo.baseSha, head_sha: repo.headSha },
    });
    await expect(resolveChangeSet({ event, github, log })).rejects.toThrow(ConfigError);
    await expect(resolveChangeSet({ event, github, log })).rejects.toThrow(/the repository is unknown/);
  });

  it.each(['rest-pulls-files-recorded-2016-octokit-rb.json', 'rest-pulls-files-recorded-2013.json'])(
    'reads the real recorded response %s: changed lines per file equal GitHub’s own `additions`',
    async (fixture) => {
      const body = JSON.parse(readFileSync(fixturePath('github', fixture), 'utf8')) as {
        filename: string;
        additions: number;
      }[];
      const github = await githubServing(() => ({ body }));
      const changes = await resolveChangeSet({ event: prEvent(), github, log });
      expect(changes?.files).toHaveLength(body.length);
      for (const [index, file] of (changes?.files ?? []).entries()) {
        const lineCount = file.ranges.reduce((sum, range) => sum + range.end - range.start + 1, 0);
        expect([file.path, lineCount]).toEqual([body[index]!.filename, body[index]!.additions]);
      }
    },
  );
});
