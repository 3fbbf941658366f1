/**
 * Merges the reports of several files (matrix shards) into one model. istanbul maps merge through
 * istanbul-lib-coverage; every other format merges per file: line hits summed per line, keyed
 * items (functions, branches) summed per key. A file reported in two different formats cannot be
 * merged without double counting, so it is an error; so is a json-summary or Clover file listed
 * twice (their per-file totals cannot be merged per item).
 */
import { ReportError } from '@aeef/gate-result';
import { addHits, tallyOf } from './counters.js';
import { istanbulToFiles, mergeIstanbul } from './istanbul-final.js';
import type { Counter, CoverageModel, FileCoverage, FormatId } from './model.js';
import type { AnyParsed, IstanbulParsed } from './parse-report.js';

interface Entry {
  file: FileCoverage;
  format: FormatId;
  source: string;
}

function mergeCounter(a: Counter | null, b: Counter | null): Counter | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a instanceof Map && b instanceof Map) {
    for (const [key, hits] of b) addHits(a, key, hits);
    return a;
  }
  const ta = tallyOf(a);
  const tb = tallyOf(b);
  return { covered: ta.covered + tb.covered, total: ta.total + tb.total };
}

function mergeInto(target: FileCoverage, other: FileCoverage): void {
  if (target.lines !== null && other.lines !== null)
    for (const [line, hits] of other.lines) addHits(target.lines, line, hits);
  target.statements = mergeCounter(target.statements, other.statements);
  target.functions = mergeCounter(target.functions, other.functions);
  target.branches = mergeCounter(target.branches, other.branches);
}

/** Merges parsed reports (in the order given) into one model keyed by normalised path. */
export function mergeReports(reports: readonly { source: string; parsed: AnyParsed }[]): CoverageModel {
  const formats: FormatId[] = [];
  const entries = new Map<string, Entry>();
  const add = (file: FileCoverage, format: FormatId, source: string): void => {
    const existing = entries.get(file.path);
    if (existing === undefined) {
      entries.set(file.path, { file, format, source });
      return;
    }
    if (existing.format !== format || format === 'istanbul-summary' || format === 'clover') {
      throw new ReportError(
        source,
        `${file.path.slice(0, 120)} is reported by both ${existing.source} (${existing.format}) and ${source} (${format}); merging them would count it twice, so pass reports of one format.`,
      );
    }
    mergeInto(existing.file, file);
  };
  const istanbul = reports.filter(
    (r): r is { source: string; parsed: IstanbulParsed } => r.parsed.format === 'istanbul',
  );
  for (const { parsed } of reports) if (!formats.includes(parsed.format)) formats.push(parsed.format);
  if (istanbul.length > 0) {
    const merged = mergeIstanbul(istanbul.map((r) => r.parsed.istanbul));
    const source = istanbul.map((r) => r.source).join(', ');
    for (const file of istanbulToFiles(merged, source)) add(file, 'istanbul', source);
  }
  for (const { source, parsed } of reports) {
    if (parsed.format === 'istanbul') continue;
    for (const file of parsed.files) add(file, parsed.format, source);
  }
  const files = new Map<string, FileCoverage>();
  for (const [path, entry] of entries) files.set(path, entry.file);
  return { files, formats };
}
