import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MissingReportError, type GateIO } from '@aeef/gate-result';
import { describe, expect, it } from 'vitest';
import { parseMutationReport } from '../src/report-reader.js';
import { resolveSources } from '../src/resolve-sources.js';
import { candidateBases, keyRelativeToProject, workspacePathOf } from '../src/source-paths.js';
import { many, reportText } from './factory.js';

describe(keyRelativeToProject.name, () => {
  it.each([
    ['src/a.ts', '/w/pkg', 'src/a.ts'],
    ['/w/pkg/src/a.ts', '/w/pkg', 'src/a.ts'],
    ['/w/pkg/src/a.ts', '/w/pkg/', 'src/a.ts'],
    ['C:\\z\\proj\\Lib\\A.cs', 'c:\\z\\proj', 'Lib/A.cs'],
    ['ExampleProject\\DummyCalc.cs', 'c:\\z\\proj', 'ExampleProject/DummyCalc.cs'],
    ['/elsewhere/a.ts', '/w/pkg', '/elsewhere/a.ts'],
    ['/w/pkg/src/a.ts', undefined, '/w/pkg/src/a.ts'],
  ])('%s under projectRoot %s is %s', (key, root, expected) => {
    expect(keyRelativeToProject(key, root)).toBe(expected);
  });
});

describe(candidateBases.name, () => {
  it('tries the projectRoot inside the workspace, then each directory above the report', () => {
    expect(
      candidateBases('packages/util/reports/mutation/mutation.json', '/ws/packages/util', '/ws'),
    ).toEqual(['packages/util', 'packages/util/reports/mutation', 'packages/util/reports', 'packages', '']);
    expect(candidateBases('mutation.json', '/home/someone/else', '/ws')).toEqual(['']);
  });
});

describe(workspacePathOf.name, () => {
  it('never climbs out of the workspace (B16)', () => {
    expect(workspacePathOf('../../etc/passwd', 'pkg', '/ws')).toBeUndefined();
    expect(workspacePathOf('/etc/passwd', '', '/ws')).toBeUndefined();
    expect(workspacePathOf('/ws/src/a.ts', 'pkg', '/ws')).toBe('src/a.ts');
    expect(workspacePathOf('./src/../src/a.ts', 'pkg', '/ws')).toBe('pkg/src/a.ts');
  });
});

/** A fake GateIO of plain objects over a real temporary directory. */
function fakeIO(workspace: string): Pick<GateIO, 'readFile' | 'workspace'> {
  return {
    workspace,
    readFile(p: string) {
      const full = path.resolve(workspace, p);
      if (!existsSync(full))
        return Promise.reject(new MissingReportError(p, `The report ${p} was not found.`));
      return Promise.resolve(readFileSync(full));
    },
  };
}

function workspaceWith(files: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aeef-mutation-'));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), 'x');
  }
  return dir;
}

describe(resolveSources.name, () => {
  it('finds a monorepo package from the projectRoot and absolute keys', async () => {
    const ws = workspaceWith(['packages/util/src/a.ts', 'packages/util/src/b.ts']);
    const text = reportText(
      { [`${ws}/packages/util/src/a.ts`]: many(1, 'Killed'), 'src/b.ts': many(1, 'Killed') },
      { projectRoot: `${ws}/packages/util` },
    );
    const report = parseMutationReport(text, 'packages/util/reports/mutation/mutation.json');
    expect(await resolveSources(report, fakeIO(ws))).toEqual([]);
    expect([...report.files.values()].map((f) => f.path)).toEqual([
      'packages/util/src/a.ts',
      'packages/util/src/b.ts',
    ]);
  });

  it('finds files relative to the directory above the report when the projectRoot is elsewhere (another machine)', async () => {
    const ws = workspaceWith(['packages/util/src/a.ts']);
    const text = reportText(
      { '/home/dev/util/src/a.ts': many(1, 'Killed') },
      { projectRoot: '/home/dev/util' },
    );
    const report = parseMutationReport(text, 'packages/util/reports/mutation/mutation.json');
    expect(await resolveSources(report, fakeIO(ws))).toEqual([]);
    expect(report.files.get('/home/dev/util/src/a.ts')?.path).toBe('packages/util/src/a.ts');
  });

  it('reports the files that are in no candidate directory', async () => {
    const ws = workspaceWith(['src/a.ts']);
    const text = reportText({
      'src/a.ts': many(1, 'Killed'),
      'src/gone.ts': many(1, 'Killed'),
      '/etc/x.ts': many(1, 'Killed'),
    });
    const report = parseMutationReport(text, 'reports/mutation/mutation.json');
    expect(await resolveSources(report, fakeIO(ws))).toEqual(['src/gone.ts', '/etc/x.ts']);
  });
});
