/**
 * A GateIO made of plain objects for gate unit tests (no module mocks): files in memory, globs
 * matched with picomatch, a fixed ChangeSet, logs collected. It mirrors the real IO's contract
 * (missing file → MissingReportError, outside the workspace or empty → ReportError, BOM stripped);
 * the real file-reading IO is exercised by each gate's local-IO and end-to-end tests.
 */
import picomatch from 'picomatch';
import { MissingReportError, ReportError, type ChangeSet, type GateIO } from '@aeef/gate-result';

export interface MemoryIO extends GateIO {
  logs: string[];
}

export function memoryIO(
  files: Record<string, string | Buffer>,
  changes?: ChangeSet,
  workspace = '/ws',
): MemoryIO {
  const logs: string[] = [];
  const read = (path: string): Buffer => {
    if (path.startsWith('/') || path.split('/').includes('..')) {
      throw new ReportError(path, `The report path \`${path}\` is outside the workspace.`);
    }
    const content = files[path];
    if (content === undefined) throw new MissingReportError(path, `The report ${path} does not exist.`);
    return Buffer.isBuffer(content) ? content : Buffer.from(content);
  };
  return {
    workspace,
    readFile: (path) => Promise.resolve().then(() => read(path)),
    readText: (path) =>
      Promise.resolve().then(() => {
        const text = read(path)
          .toString('utf8')
          .replace(/^\uFEFF/, '');
        if (text.trim() === '') throw new ReportError(path, `The report ${path} is empty.`);
        return text;
      }),
    glob(patterns) {
      const match = picomatch([...patterns], { dot: true });
      return Promise.resolve(
        Object.keys(files)
          .filter((f) => match(f))
          .sort(),
      );
    },
    git: () => Promise.reject(new Error('no git in memory')),
    listResultFiles: () => Promise.resolve([]),
    writeFile: () => Promise.reject(new Error('memoryIO is read-only')),
    event: { name: 'pull_request', payload: {} },
    changes: () => Promise.resolve(changes),
    github: undefined,
    log: { info: (m) => logs.push(m), warning: (m) => logs.push(m), debug: () => undefined },
    resultDir: '/tmp/results',
    now: () => 0,
    logs,
  };
}

/** A change set where each path changed on the given inclusive line ranges. */
export function changeSet(ranges: Record<string, [number, number][]>): ChangeSet {
  return {
    source: 'git',
    event: 'pull_request',
    base: 'a'.repeat(40),
    head: 'b'.repeat(40),
    files: Object.entries(ranges).map(([path, rs]) => ({
      path,
      status: 'modified' as const,
      additions: rs.length,
      deletions: 0,
      binary: false,
      ranges: rs.map(([start, end]) => ({ start, end })),
    })),
  };
}
