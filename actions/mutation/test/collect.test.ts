import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ConfigError,
  GitHubApiError,
  MissingReportError,
  ReportError,
  type ChangeSet,
  type GateIO,
} from '@aeef/gate-result';
import { describe, expect, it } from 'vitest';
import { collectMutation, MAX_REPORT_BYTES } from '../src/collect.js';
import { changeSet, config, many, reportText } from './factory.js';

/** A fake GateIO made of plain objects over a real temporary directory (no module mocks). */
function fakeIO(
  tree: Record<string, string>,
  changes?: ChangeSet,
): GateIO & { reads: { path: string; maxBytes?: number }[] } {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'aeef-mutation-'));
  for (const [file, text] of Object.entries(tree)) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), text);
  }
  const reads: { path: string; maxBytes?: number }[] = [];
  const read = (p: string, maxBytes?: number): Buffer => {
    reads.push({ path: p, maxBytes });
    const full = path.join(workspace, p);
    if (!existsSync(full)) throw new MissingReportError(p, `The report ${p} does not exist.`);
    if (maxBytes !== undefined && statSync(full).size > maxBytes)
      throw new ReportError(p, `The report ${p} is too large.`);
    return readFileSync(full);
  };
  return {
    reads,
    workspace,
    readFile: (p, o) => Promise.resolve().then(() => read(p, o?.maxBytes)),
    readText: (p, o) => Promise.resolve().then(() => read(p, o?.maxBytes).toString('utf8')),
    glob: (patterns) =>
      Promise.resolve(
        Object.keys(tree)
          .filter((f) => patterns.some((p) => path.matchesGlob(f, p)))
          .sort(),
      ),
    git: () => Promise.reject(new Error('no git here')),
    listResultFiles: () => Promise.resolve([]),
    writeFile: () => Promise.reject(new Error('read-only')),
    event: { name: 'pull_request', payload: {} },
    changes: () => Promise.resolve(changes),
    github: undefined,
    log: { info: () => undefined, warning: () => undefined, debug: () => undefined },
    resultDir: workspace,
    now: () => 0,
  };
}

describe(collectMutation.name, () => {
  it('merges every report a glob matches and resolves their sources per package', async () => {
    const io = fakeIO({
      'packages/a/src/x.ts': 'x',
      'packages/b/src/x.ts': 'x',
      'packages/a/reports/mutation/mutation.json': reportText({ 'src/x.ts': many(2, 'Killed') }),
      'packages/b/reports/mutation/mutation.json': reportText({ 'src/x.ts': many(1, 'Survived') }),
    });
    const model = await collectMutation(config({ files: ['packages/*/reports/mutation/mutation.json'] }), io);
    expect(model.files.map((f) => f.path)).toEqual(['packages/a/src/x.ts', 'packages/b/src/x.ts']);
    expect(model.missingSources).toEqual([]);
    expect(model.reports.map((r) => r.file)).toEqual([
      'packages/a/reports/mutation/mutation.json',
      'packages/b/reports/mutation/mutation.json',
    ]);
  });

  it('reads a plain path with the 128 MiB cap, and passes the change set on', async () => {
    const changes = changeSet({ 'src/x.ts': [[1, 1]] });
    const io = fakeIO({ 'src/x.ts': 'x', 'm.json': reportText({ 'src/x.ts': many(1, 'Killed') }) }, changes);
    const model = await collectMutation(config({ files: ['m.json'] }), io);
    expect(io.reads[0]).toEqual({ path: 'm.json', maxBytes: MAX_REPORT_BYTES });
    expect(model.changes).toBe(changes);
  });

  it('asks the API for changed lines only when min-patch-score needs them (a 403 fails nothing else)', async () => {
    const io = fakeIO({ 'src/x.ts': 'x', 'm.json': reportText({ 'src/x.ts': many(1, 'Killed') }) });
    const asked: (boolean | undefined)[] = [];
    io.changes = (request) => {
      asked.push(request?.ifFree);
      return Promise.reject(
        request?.ifFree
          ? new ConfigError('The changed lines of this pull_request are not in the clone.')
          : new GitHubApiError(403, 'Resource not accessible by integration'),
      );
    };
    const model = await collectMutation(config({ files: ['m.json'] }), io);
    expect(model.changes).toBeUndefined();
    expect(model.changesNote).toBe('The changed lines of this pull_request are not in the clone.');
    expect(asked).toEqual([true]);
    await expect(collectMutation(config({ files: ['m.json'], minPatchScore: 80 }), io)).rejects.toThrow(
      GitHubApiError,
    );
    expect(asked).toEqual([true, undefined]);
  });

  it('lets the missing error of a plain path through (B1), and errs when a glob matches nothing', async () => {
    const io = fakeIO({});
    await expect(collectMutation(config(), io)).rejects.toBeInstanceOf(MissingReportError);
    await expect(collectMutation(config({ files: ['**/mutation.json'] }), io)).rejects.toThrow(
      'No mutation report matches `files` (**/mutation.json); run the mutation tests before this step, or set `files`.',
    );
  });

  it('lists the report files that are not in the workspace', async () => {
    const io = fakeIO({ 'm.json': reportText({ 'src/gone.ts': many(1, 'Killed') }) });
    expect((await collectMutation(config({ files: ['m.json'] }), io)).missingSources).toEqual([
      'src/gone.ts',
    ]);
  });
});
