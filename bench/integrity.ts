/**
 * The integrity gate on a generated 5,000-file, 200,000-line diff in a real temporary repository,
 * beside `git diff --unified=0` of the same range (the floor: the gate must read that text anyway).
 * Aim: within 1.5x.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { readEventContext } from '@aeef/gate-result';
import { integrityGate } from '../actions/integrity/src/gate.js';
import { configureIntegrity } from '../actions/integrity/src/config.js';
import { inputsOf, makeGateIO } from '../actions/pr-size/test/support/gate-io.js';
import { makePullRequestRepo } from '../test/support/git-repo.js';
import type { Tree } from '../test/support/git-repo.js';
import { printTable, timeInterleaved } from './_timing.js';
import type { Timing } from './_timing.js';

const run = promisify(execFile);
const FILES = 5000;
/** Lines per file, every other one changed: 20 removed + 20 added = 40 diff lines a file. */
const LINES = 40;

function body(i: number, variant: string, test: boolean): string {
  return (
    Array.from({ length: LINES }, (_, j) => {
      const value = j % 2 === 0 ? variant : 'same';
      return test ? `  expect(f${i}_${j}()).toBe('${value}');` : `export const v${i}_${j} = '${value}';`;
    }).join('\n') + '\n'
  );
}

export async function bench(): Promise<void> {
  const base: Tree = {};
  const head: Tree = {};
  for (let i = 0; i < FILES; i++) {
    const test = i % 5 === 0;
    const file = test ? `test/mod-${i}.test.ts` : `src/pkg${i % 40}/mod-${i}.ts`;
    base[file] = body(i, 'old', test);
    head[file] = body(i, 'new', test);
  }
  const repo = makePullRequestRepo(base, head);
  try {
    const diff = (): Promise<unknown> =>
      run('git', ['diff', '--unified=0', '-M', '--no-color', repo.baseSha, repo.headSha], {
        cwd: repo.dir,
        maxBuffer: 1 << 28,
      });
    const config = configureIntegrity(inputsOf());
    const event = readEventContext('pull_request', repo.pullRequestEvent(), {
      GITHUB_REPOSITORY: 'aeef/sample',
    });
    const io = makeGateIO({ workspace: repo.dir, event });
    const gate = (): Promise<unknown> => integrityGate.run(config, io);
    const result = await integrityGate.run(config, io);
    const findings = result.metrics.find((m) => m.id === 'findings')?.value;
    if (findings !== 0) throw new Error(`Expected no findings on the generated diff, got ${findings}.`);
    const [a, b] = (await timeInterleaved(
      [
        ['git diff --unified=0', diff],
        ['integrity gate', gate],
      ],
      9,
    )) as [Timing, Timing];
    printTable(`${FILES}-file, ${FILES * LINES}-line diff (gate: ${findings} findings)`, [a, b]);
  } finally {
    rmSync(repo.dir, { recursive: true, force: true });
  }
}
