/**
 * The destructive gate on a generated PR that adds 2,000 PostgreSQL migration files of 20
 * statements each (one of them a DROP COLUMN) in a real temporary repository, beside a bare parse
 * of the same files by the same parser (libpg-query's `parseSync`), and beside that parse plus the
 * `git diff` the gate must read anyway. Aim: within 1.3x of the bare parse plus the diff.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { parseSync } from 'libpg-query';
import { readEventContext } from '@aeef/gate-result';
import { destructiveGate } from '../actions/destructive/src/gate.js';
import { configureDestructive } from '../actions/destructive/src/config.js';
import { loadSqlParsers } from '../actions/destructive/src/sql/index.js';
import { inputsOf, makeGateIO } from '../actions/pr-size/test/support/gate-io.js';
import { makePullRequestRepo } from '../test/support/git-repo.js';
import type { Tree } from '../test/support/git-repo.js';
import { printTable, timeInterleaved } from './_timing.js';
import type { Timing } from './_timing.js';

const run = promisify(execFile);
const FILES = 2000;
const STATEMENTS = 20;

function migration(i: number): string {
  const lines: string[] = [`-- Migration ${i}: generated for the benchmark.`];
  lines.push(
    `CREATE TABLE t${i} (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz DEFAULT now());`,
  );
  for (let s = 1; s < STATEMENTS - 1; s++) {
    if (s % 3 === 0) lines.push(`CREATE INDEX t${i}_c${s}_idx ON t${i} (c${s - 1});`);
    else if (s % 3 === 1) lines.push(`ALTER TABLE t${i} ADD COLUMN c${s} integer DEFAULT ${s};`);
    else lines.push(`INSERT INTO t${i} (id, name) VALUES (${s}, 'row ${s}; not a statement');`);
  }
  lines.push(`ALTER TABLE t${i} DROP COLUMN c1;`);
  return `${lines.join('\n')}\n`;
}

export async function bench(): Promise<void> {
  const head: Tree = {};
  const texts: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const text = migration(i);
    head[`db/migrations/${String(i).padStart(5, '0')}_m.sql`] = text;
    texts.push(text);
  }
  await loadSqlParsers();
  const repo = makePullRequestRepo({ 'README.md': 'x\n' }, head);
  try {
    const parse = (): Promise<unknown> => {
      let statements = 0;
      for (const text of texts) statements += parseSync(text).stmts?.length ?? 0;
      if (statements !== FILES * STATEMENTS) throw new Error(`parsed ${statements} statements`);
      return Promise.resolve(statements);
    };
    const diffAndParse = async (): Promise<unknown> => {
      await run('git', ['diff', '--unified=0', '-M', '--no-color', repo.baseSha, repo.headSha], {
        cwd: repo.dir,
        maxBuffer: 1 << 28,
      });
      return parse();
    };
    // No checkpoint: the bench measures detection, not a review API.
    const config = configureDestructive(inputsOf({ 'min-approvals': '0', dialect: 'postgres' }));
    const event = readEventContext('pull_request', repo.pullRequestEvent(), {
      GITHUB_REPOSITORY: 'aeef/sample',
    });
    const io = makeGateIO({ workspace: repo.dir, event });
    const result = await destructiveGate.run(config, io);
    const operations = result.metrics.find((m) => m.id === 'operations')?.value;
    if (operations !== FILES) throw new Error(`Expected ${FILES} operations, got ${operations}.`);
    const timings = await timeInterleaved(
      [
        ['libpg-query parseSync of every file', parse],
        ['git diff --unified=0 + parseSync', diffAndParse],
        ['destructive gate', () => destructiveGate.run(config, io)],
      ],
      7,
    );
    printTable(
      `${FILES} migration files, ${FILES * STATEMENTS} statements (gate: ${operations} operations)`,
      timings,
    );
    const [bare, floor, gate] = timings as [Timing, Timing, Timing];
    console.log(
      `gate / bare parse: ${(gate.medianMs / bare.medianMs).toFixed(2)}x; gate / (diff + parse): ${(gate.medianMs / floor.medianMs).toFixed(2)}x`,
    );
  } finally {
    rmSync(repo.dir, { recursive: true, force: true });
  }
}
