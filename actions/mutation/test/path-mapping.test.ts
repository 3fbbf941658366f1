/**
 * Issue 11, fail-open 1 for mutation: a report written on another machine (a Windows agent's
 * absolute paths) still gives the patch score and annotations, through the library's mapping of
 * report paths to `git ls-files`; against a real git repository built by the test.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readEventContext } from '@aeef/gate-result';
import { changeSetResolverOf } from '../../../packages/gate-result/src/runtime/changes-bridge.js';
import { createLocalIO } from '../../../packages/gate-result/src/runtime/local-io.js';
import { makePullRequestRepo, writeTree } from '../../../test/support/git-repo.js';
import { collectMutation } from '../src/collect.js';
import { evaluateMutation } from '../src/evaluate.js';
import { config, reportText } from './factory.js';

const quiet = { info: () => undefined, warning: () => undefined, debug: () => undefined };
const source = (n: number): string => Array.from({ length: n }, (_, i) => `line ${i + 1}\n`).join('');
const repo = makePullRequestRepo(
  { 'src/app.ts': source(10) },
  { 'src/app.ts': source(10).replace('line 3\n', 'line three\n') },
);
afterAll(() => rmSync(repo.dir, { recursive: true, force: true }));

describe('mutation report paths from another machine', () => {
  it('maps them to tracked files, so the patch score and annotations see the changed lines', async () => {
    writeTree(repo.dir, {
      'reports/mutation.json': reportText({
        'C:\\agent\\_work\\1\\s\\src\\app.ts': [
          { status: 'Survived', line: 3 },
          { status: 'Killed', line: 3 },
          { status: 'Killed', line: 8 },
        ],
      }),
    });
    const event = readEventContext('pull_request', repo.pullRequestEvent(), {});
    const io = createLocalIO({
      workspace: repo.dir,
      event,
      log: quiet,
      resultDir: `${repo.dir}/.results`,
      changes: (request) =>
        changeSetResolverOf({ event, git: (args) => io.git(args), github: undefined, log: quiet })(request),
    });
    const settings = config({ files: ['reports/mutation.json'], minScore: 0, minPatchScore: 80 });
    const model = await collectMutation(settings, io);
    // Before: the file counted as missing (an error) and no mutant touched the diff.
    expect(model.missingSources).toEqual([]);
    expect(model.files.map((f) => f.path)).toEqual(['src/app.ts']);
    const result = evaluateMutation(model, settings);
    expect(result.metrics.find((m) => m.id === 'patch-score')).toMatchObject({ value: 50, verdict: 'fail' });
    expect(result.findings.map((f) => [f.file, f.startLine])).toEqual([['src/app.ts', 3]]);
  });
});
