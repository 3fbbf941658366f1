/** Base and head texts of changed files: from git, else the contents API (a local peer), fail closed. */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, type ChangeSet } from '../../src/index.js';
import { createLocalIO } from '../../src/runtime/index.js';
import { createGitHubClient } from '../../src/runtime/github-client.js';
import { readChangedFileTexts } from '../../src/changes/file-text.js';
import { makePullRequestRepo } from '../../../../test/support/git-repo.js';
import { startGitHubServer } from '../../../../test/support/github-server.js';

describe(readChangedFileTexts.name, () => {
  it('reads both versions from git, absent where the file is not in a commit', async () => {
    const repo = makePullRequestRepo(
      { 'a.yml': 'a: 1\n', 'gone.yml': 'g\n' },
      { 'a.yml': 'a: 2\n', 'new.yml': 'n\n', 'gone.yml': null },
    );
    try {
      const io = createLocalIO({ workspace: repo.dir });
      const changes: ChangeSet = {
        source: 'git',
        event: 'pull_request',
        base: repo.baseSha,
        head: repo.headSha,
        files: [],
      };
      const texts = await readChangedFileTexts(io, changes, ['a.yml', 'new.yml', 'gone.yml']);
      expect(texts.get('a.yml')).toEqual({ base: 'a: 1\n', head: 'a: 2\n' });
      expect(texts.get('new.yml')).toEqual({ head: 'n\n' });
      expect(texts.get('gone.yml')).toEqual({ base: 'g\n' });
      await expect(readChangedFileTexts(io, changes, ['a.yml'], 3)).rejects.toThrow(ConfigError);
    } finally {
      rmSync(repo.dir, { recursive: true, force: true });
    }
  });

  it('reads from the contents API at each ref when the diff came from the API; 404 is absent, 500 an error', async () => {
    const server = await startGitHubServer((request) => {
      const ref = request.query.get('ref');
      if (request.path === '/repos/o/r/contents/ci.yml' && ref === 'b'.repeat(40))
        return { body: { content: Buffer.from('base\n').toString('base64'), encoding: 'base64', size: 5 } };
      if (request.path === '/repos/o/r/contents/broken.yml')
        return { status: 500, body: { message: 'boom' } };
      return { status: 404, body: { message: 'Not Found' } };
    });
    try {
      const github = createGitHubClient({ token: 't', baseUrl: server.url, backoffUnitMs: 1 });
      const io = createLocalIO({
        workspace: '/nonexistent',
        github,
        event: { name: 'pull_request', payload: {}, repository: { owner: 'o', repo: 'r' } },
      });
      const changes: ChangeSet = {
        source: 'api',
        event: 'pull_request',
        base: 'b'.repeat(40),
        head: 'h'.repeat(40),
        files: [],
      };
      expect((await readChangedFileTexts(io, changes, ['ci.yml'])).get('ci.yml')).toEqual({ base: 'base\n' });
      await expect(readChangedFileTexts(io, changes, ['broken.yml'])).rejects.toThrow(ConfigError);
    } finally {
      await server.close();
    }
  });
});
