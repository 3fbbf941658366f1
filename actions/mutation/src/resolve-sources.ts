/**
 * Locates each file a report names in the workspace (the only I/O of path resolution): picks the
 * base directory under which the most report files exist, sets each file's workspace path, and
 * returns the ones that are not there.
 */
import { MissingReportError, type GateIO } from '@aeef/gate-result';
import type { MutationReport } from './model.js';
import { candidateBases, keyRelativeToProject, workspacePathOf } from './source-paths.js';

/** Existence checks run this many at a time: enough to hide latency, few enough for 2 cores. */
const PARALLEL_CHECKS = 32;

async function existing(
  io: Pick<GateIO, 'readFile'>,
  paths: readonly string[],
  cache: Map<string, boolean>,
): Promise<void> {
  const todo = [...new Set(paths)].filter((p) => !cache.has(p));
  for (let i = 0; i < todo.length; i += PARALLEL_CHECKS) {
    await Promise.all(
      todo.slice(i, i + PARALLEL_CHECKS).map(async (p) => {
        try {
          // A 1-byte cap: the runtime checks the size before reading, so nothing is read.
          await io.readFile(p, { maxBytes: 1 });
          cache.set(p, true);
        } catch (error) {
          // Present but refused (too large, not a regular file) still counts as present.
          cache.set(p, !(error instanceof MissingReportError));
        }
      }),
    );
  }
}

/**
 * Sets `path` of every file of `report` to its workspace-relative path and returns the paths (or
 * keys, when they cannot be in the workspace) of the files that are missing.
 */
export async function resolveSources(
  report: MutationReport,
  io: Pick<GateIO, 'readFile' | 'workspace'>,
): Promise<string[]> {
  const files = [...report.files.values()];
  if (files.length === 0) return [];
  const relative = files.map((f) => keyRelativeToProject(f.key, report.projectRoot));
  const cache = new Map<string, boolean>();
  let best: { paths: (string | undefined)[]; found: number } | undefined;
  for (const base of candidateBases(report.file, report.projectRoot, io.workspace)) {
    const paths = relative.map((key) => workspacePathOf(key, base, io.workspace));
    await existing(
      io,
      paths.filter((p) => p !== undefined),
      cache,
    );
    const found = paths.filter((p) => p !== undefined && cache.get(p) === true).length;
    if (best === undefined || found > best.found) best = { paths, found };
    if (found === files.length) break;
  }
  const missing: string[] = [];
  files.forEach((file, i) => {
    const resolved = best?.paths[i];
    file.path = resolved ?? relative[i] ?? file.key;
    if (resolved === undefined || cache.get(resolved) !== true) missing.push(file.path);
  });
  return missing;
}
