import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { readEventContext, resolveChangeSet, type GitRunner } from '@aeef/gate-result';
import { makePullRequestRepo, type Tree } from '../test/support/git-repo.js';
import { printTable, time } from './_timing.js';

const run = promisify(execFile);
const FILES = 5000;

/**
 * A generated 5,000-file PR (each file edited in three places): the whole change-set resolution
 * (commit checks, merge base, `git diff --unified=0`, parsing) beside `git diff --numstat` alone,
 * the number every size action starts from, and beside the raw `git diff` the module parses.
 */
export async function bench(): Promise<void> {
  const base: Tree = {};
  const head: Tree = {};
  for (let i = 0; i < FILES; i++) {
    const lines = Array.from({ length: 60 }, (_, n) => `export const v${n} = ${n * i};\n`);
    base[`src/m${i % 100}/file-${i}.ts`] = lines.join('');
    lines[5] = '// changed\n';
    lines[30] = '// changed too\n';
    lines.push('export const added = true;\n');
    head[`src/m${i % 100}/file-${i}.ts`] = lines.join('');
  }
  // No background auto-gc after the big commits: it would compete with the first timings.
  Object.assign(process.env, { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'gc.auto', GIT_CONFIG_VALUE_0: '0' });
  const repo = makePullRequestRepo(base, head);
  try {
    repo.git('gc', '-q');
    const git: GitRunner = async (args) =>
      (await run('git', [...args], { cwd: repo.dir, maxBuffer: 1 << 30 })).stdout;
    const event = readEventContext('pull_request', repo.pullRequestEvent());
    const log = { info: () => undefined, warning: () => undefined, debug: () => undefined };
    const raw = await time('git diff --unified=0', () =>
      git(['diff', '--unified=0', '--no-color', '--no-ext-diff', '-M', repo.baseSha, repo.headSha]),
    );
    const numstat = await time('git diff --numstat', () =>
      git(['diff', '--numstat', '-M', repo.baseSha, repo.headSha]),
    );
    const resolved = await time('resolveChangeSet (git)', async () => {
      const changes = await resolveChangeSet({ event, git, log });
      if (changes?.files.length !== FILES)
        throw new Error(`expected ${FILES} files, got ${changes?.files.length}`);
    });
    printTable(`Changed lines of a ${FILES}-file PR`, [numstat, raw, resolved]);
  } finally {
    rmSync(repo.dir, { recursive: true, force: true });
  }
}
