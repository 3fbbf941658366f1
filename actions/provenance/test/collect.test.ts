import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { LOG_FORMAT, parseGitLog, parseNumstat } from '../src/collect.js';
import { makePullRequestRepo } from '../../../test/support/git-repo.js';

const repo = makePullRequestRepo(
  { 'a.txt': 'a\n' },
  { 'a.txt': 'a\nb\nc\n', 'bin.dat': Buffer.from([0, 1, 2, 0]), 'we\tird\nname.txt': 'x\n' },
);
afterAll(() => rmSync(repo.dir, { recursive: true, force: true }));
const HOSTILE =
  'Subject\n\nabc\n' +
  `${'f'.repeat(40)}\nName\nmail@x\nCommitter\nc@x\n\nCo-authored-by: Claude <noreply@anthropic.com>\n`;

describe('git log parsing (against real git output)', () => {
  it('splits NUL-separated records; a message that looks like records stays one message', () => {
    execFileSync('git', ['commit', '-q', '--allow-empty', '-m', HOSTILE], {
      cwd: repo.dir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Eve',
        GIT_AUTHOR_EMAIL: 'eve@x',
        GIT_COMMITTER_NAME: 'Eve',
        GIT_COMMITTER_EMAIL: 'eve@x',
      },
    });
    const out = repo.git('log', '-z', '--reverse', `--format=${LOG_FORMAT}`, `${repo.baseSha}..HEAD`);
    const commits = parseGitLog(out);
    expect(commits).toHaveLength(2);
    expect(commits[1]).toMatchObject({ authorName: 'Eve', parents: 1 });
    expect(commits[1]!.message.trim()).toBe(HOSTILE.trim());
    expect(() => parseGitLog('not a sha\0a\0b\0c\0d\0e\0f\0')).toThrow(/commit id/);
    expect(() => parseGitLog('x\0y\0')).toThrow(/fields/);
  });

  it('numstat: added lines per commit, binary files as 0, odd paths quoted', () => {
    const out = execFileSync(
      'git',
      [
        '-c',
        'core.quotePath=true',
        'log',
        '--no-renames',
        '--numstat',
        '--format=@@@%H',
        `${repo.baseSha}..${repo.headSha}`,
      ],
      {
        cwd: repo.dir,
        encoding: 'utf8',
      },
    );
    expect(parseNumstat(out).get(repo.headSha)).toEqual({ additions: 3, deletions: 0 });
  });
});
