/**
 * A GateIO made of plain objects for gate tests (no module mocks): files in a Map, globs matched
 * with picomatch, a fixed ChangeSet. End-to-end tests use the real IO on a real directory.
 */
import picomatch from 'picomatch';
import { MissingReportError, type ChangeSet, type GateIO } from '@aeef/gate-result';

export interface MemoryIO extends GateIO {
  logs: string[];
}

export function memoryIO(files: Record<string, string | Buffer>, changes?: ChangeSet): MemoryIO {
  const logs: string[] = [];
  return {
    workspace: '/ws',
    readFile(path) {
      const content = files[path];
      if (content === undefined)
        return Promise.reject(new MissingReportError(path, `${path} does not exist.`));
      return Promise.resolve(Buffer.isBuffer(content) ? content : Buffer.from(content));
    },
    readText(path) {
      return this.readFile(path).then((b) => b.toString('utf8'));
    },
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
