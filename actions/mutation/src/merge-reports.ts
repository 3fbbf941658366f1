/**
 * Several reports (monorepo packages, shards) become one list of files. The same workspace file in
 * two reports, or twice in one, is an error: adding them would count its mutants twice, and
 * picking one would silently drop the other's results.
 */
import { ReportError } from '@aeef/gate-result';
import type { MutatedFile, MutationReport } from './model.js';

/** Files of all reports, keyed by workspace path (after `resolveSources`), in report order. */
export function mergeReports(reports: readonly MutationReport[]): MutatedFile[] {
  const seen = new Map<string, string>();
  const files: MutatedFile[] = [];
  for (const report of reports) {
    for (const file of report.files.values()) {
      const previous = seen.get(file.path);
      if (previous !== undefined) {
        const where =
          previous === report.file ? `twice in ${report.file}` : `in both ${previous} and ${report.file}`;
        throw new ReportError(
          report.file,
          `The mutated file ${file.path} appears ${where}; each file must be reported once, so the reports cannot be merged.`,
        );
      }
      seen.set(file.path, report.file);
      files.push(file);
    }
  }
  return files;
}
