/**
 * The gate's I/O, through `GateIO` only: find and read the reports, parse each, locate their
 * source files in the workspace, merge them, and ask for the PR's changed lines.
 */
import {
  MissingReportError,
  changesAsNeeded,
  mapPathsToRepository,
  readTrackedFiles,
  type ChangeSet,
  type GateIO,
} from '@aeef/gate-result';
import type { MutationConfig } from './config.js';
import type { MutationModel } from './evaluate.js';
import { mergeReports } from './merge-reports.js';
import type { MutationReport } from './model.js';
import { parseMutationReport } from './report-reader.js';
import { resolveSources } from './resolve-sources.js';

const GLOB_MAGIC = /[*?[\]{}()!+@]/;

/**
 * Reports above this are refused before reading (RELIABILITY G2): parsing holds the text and the
 * tree, about 6x the file in memory, so 128 MiB (some 550,000 mutants) stays under 1 GiB.
 */
export const MAX_REPORT_BYTES = 128 * 1024 * 1024;

/**
 * Report paths: a plain path is read as given (so a missing or outside path gets the runtime's own
 * error), a pattern must match at least one file.
 */
async function findReports(patterns: readonly string[], io: GateIO): Promise<string[]> {
  const plain = patterns.filter((p) => !GLOB_MAGIC.test(p));
  const globs = patterns.filter((p) => GLOB_MAGIC.test(p));
  const matched = globs.length > 0 ? await io.glob(globs) : [];
  if (globs.length > 0 && matched.length === 0) {
    throw new MissingReportError(
      globs.join(', '),
      `No mutation report matches \`files\` (${globs.join(', ')}); run the mutation tests before this step, or set \`files\`.`,
    );
  }
  return [...new Set([...plain, ...matched])];
}

/** Everything `evaluateMutation` needs, read from the workspace. */
export async function collectMutation(config: MutationConfig, io: GateIO): Promise<MutationModel> {
  const reports: MutationReport[] = [];
  const missingSources: string[] = [];
  for (const file of await findReports(config.files, io)) {
    const report = parseMutationReport(
      await io.readText(file, { maxBytes: MAX_REPORT_BYTES, report: true }),
      file,
    );
    missingSources.push(...(await resolveSources(report, io)));
    reports.push(report);
    io.log.info(
      `Read ${file}: ${report.files.size} files, schema ${report.schemaVersion}${report.framework ? `, ${report.framework}` : ''}.`,
    );
  }
  const { changes, note } = await changesAsNeeded(io, config.minPatchScore !== undefined);
  const missing =
    changes === undefined ? missingSources : await mapMissing(reports, missingSources, changes, io);
  const files = mergeReports(reports);
  return {
    reports,
    files,
    missingSources: missing,
    changes,
    ...(note !== undefined && { changesNote: note }),
    event: io.event.name,
  };
}

/**
 * Report files not found under any base (a report written on another machine, or with paths
 * relative to a source root) are mapped to tracked files the way coverage maps its paths, so the
 * patch score and annotations see them; returns the files still missing.
 */
async function mapMissing(
  reports: readonly MutationReport[],
  missing: readonly string[],
  changes: ChangeSet,
  io: GateIO,
): Promise<string[]> {
  if (missing.length === 0 || changes.files.length === 0) return [...missing];
  const tracked = await readTrackedFiles((args) => io.git(args));
  if (!Array.isArray(tracked)) return [...missing];
  const lost = new Set(missing);
  const files = reports.flatMap((r) => [...r.files.values()]).filter((f) => lost.has(f.path));
  const mapping = mapPathsToRepository(
    files.map((f) => f.key),
    tracked,
  );
  for (const file of files) {
    const repo = mapping.mapped.get(file.key);
    if (repo === undefined) continue;
    lost.delete(file.path);
    file.path = repo;
  }
  if (lost.size < missing.length) io.log.info(`Mutation report paths: ${mapping.description}`);
  return missing.filter((p) => lost.has(p));
}
