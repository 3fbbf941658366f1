/** A plain-object GateIO over in-memory files, for gate tests without a file system (no mocks). */
import { MissingReportError, ReportError, type ChangeSet, type GateIO } from '@aeef/gate-result';
import picomatch from 'picomatch';

export function memoryIO(files: Record<string, string>, changes?: ChangeSet, workspace = '/ws'): GateIO {
  const read = (path: string): string => {
    if (path.startsWith('/') || path.split('/').includes('..'))
      throw new ReportError(path, `${path} is outside the workspace.`);
    const text = files[path];
    if (text === undefined) throw new MissingReportError(path, `Report not found: ${path}.`);
    return text;
  };
  return {
    workspace,
    readFile: (path) => Promise.resolve(Buffer.from(read(path))),
    readText: (path) => {
      const text = read(path).replace(/^\uFEFF/, '');
      if (text.trim() === '') return Promise.reject(new ReportError(path, `${path} is empty.`));
      return Promise.resolve(text);
    },
    glob: (patterns) =>
      Promise.resolve(
        Object.keys(files)
          .filter((f) => picomatch(patterns as string[], { dot: true })(f))
          .sort(),
      ),
    git: () => Promise.reject(new Error('no git in memory')),
    listResultFiles: () => Promise.resolve([]),
    writeFile: () => Promise.reject(new Error('memoryIO is read-only')),
    event: { name: 'pull_request', payload: {} },
    changes: () => Promise.resolve(changes),
    github: undefined,
    log: { info: () => undefined, warning: () => undefined, debug: () => undefined },
    resultDir: '/tmp/none',
    now: () => 0,
  };
}

/** A ChangeSet with the given changed ranges per file. */
export function changeSet(ranges: Record<string, [number, number][]>): ChangeSet {
  return {
    source: 'git',
    event: 'pull_request',
    base: 'a'.repeat(40),
    head: 'b'.repeat(40),
    files: Object.entries(ranges).map(([path, rs]) => ({
      path,
      status: 'modified',
      additions: rs.length,
      deletions: 0,
      binary: false,
      ranges: rs.map(([start, end]) => ({ start, end })),
    })),
  };
}
