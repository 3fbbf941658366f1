/**
 * The PR-size gate on a generated 5,000-file diff in a real temporary repository, beside
 * `git diff --numstat` alone (the floor: the gate must run it anyway). Aim: within 1.2x.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { prSizeGate } from '../actions/pr-size/src/gate.js';
import { configurePrSize } from '../actions/pr-size/src/config.js';
import { inputsOf, makeGateIO } from '../actions/pr-size/test/support/gate-io.js';
import { makePullRequestRepo } from '../test/support/git-repo.js';
import type { Tree } from '../test/support/git-repo.js';
import { printTable, timeInterleaved } from './_timing.js';
import type { Timing } from './_timing.js';

const run = promisify(execFile);
const FILES = 5000;

function body(i: number, variant: string): string {
  return (
    Array.from(
      { length: 20 },
      (_, j) => `export const v${i}_${j} = '${j % 4 === 0 ? variant : 'same'}';`,
    ).join('\n') + '\n'
  );
}

export async function bench(): Promise<void> {
  const base: Tree = { '.gitattributes': 'gen/** linguist-generated\n', 'package-lock.json': body(0, 'a') };
  const head: Tree = { 'package-lock.json': body(0, 'b') };
  for (let i = 0; i < FILES; i++) {
    const file = `${i % 50 === 0 ? 'gen' : `pkg${i % 40}`}/mod-${i}.ts`;
    base[file] = body(i, 'old');
    head[file] = body(i, 'new');
  }
  const repo = makePullRequestRepo(base, head);
  try {
    const numstat = (): Promise<unknown> =>
      run('git', ['diff', '--numstat', '-z', '-M', repo.baseSha, repo.headSha], {
        cwd: repo.dir,
        maxBuffer: 1 << 28,
      });
    const config = configurePrSize(
      inputsOf({ 'max-files': '100000', 'max-lines': '1000000', 'warn-lines': '1000000' }),
    );
    const io = makeGateIO({
      workspace: repo.dir,
      event: { name: 'pull_request', payload: repo.pullRequestEvent() },
    });
    const gate = (): Promise<unknown> => prSizeGate.run(config, io);
    const result = (await prSizeGate.run(config, io)) as { metrics: { id: string; value: number | null }[] };
    const lines = result.metrics.find((m) => m.id === 'lines')?.value;
    const files = result.metrics.find((m) => m.id === 'files')?.value;
    const ignored = result.metrics.find((m) => m.id === 'ignored-files')?.value;
    // Interleaved rounds: on a shared machine, load swings hit both sides alike.
    const [a, b] = (await timeInterleaved(
      [
        ['git diff --numstat', numstat],
        ['pr-size gate', gate],
      ],
      15,
    )) as [Timing, Timing];
    printTable(`${FILES + 1}-file diff (gate: ${lines} lines in ${files} files, ${ignored} excluded)`, [
      a,
      b,
    ]);
  } finally {
    rmSync(repo.dir, { recursive: true, force: true });
  }
}
