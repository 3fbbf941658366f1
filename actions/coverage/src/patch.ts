/**
 * Patch coverage: the covered share of the PR's changed executable lines. A changed line counts
 * when the report lists it as executable (a line hit map entry); changed lines of files the report
 * does not list, and non-executable lines (blank, comments), are not in the denominator.
 * Report paths relative to a source root or prefixed by a Go module path match by path suffix.
 * Uncovered changed lines are grouped into ranges: consecutive uncovered changed lines in the
 * order of the file's executable lines, so blank lines between them do not split a range.
 */
import { changedRangesOf, isLineChanged, type ChangeSet } from '@aeef/gate-result';
import type { CoverageModel, FileCoverage, Tally } from './model.js';

export interface UncoveredRange {
  file: string;
  start: number;
  end: number;
  /** Uncovered changed executable lines in the range. */
  lines: number;
}

export interface PatchCoverage {
  tally: Tally;
  uncovered: UncoveredRange[];
  /** Changed files the report does not list (new untested files, or files it never loads). */
  unreported: string[];
  /** Changed files the report lists without line detail (json-summary). */
  withoutLineDetail: string[];
}

/** Index of report files by base name, for suffix matching. */
function byBaseName(model: CoverageModel): Map<string, FileCoverage[]> {
  const index = new Map<string, FileCoverage[]>();
  for (const file of model.files.values()) {
    if (file.outside) continue;
    const base = file.path.slice(file.path.lastIndexOf('/') + 1);
    const list = index.get(base);
    if (list === undefined) index.set(base, [file]);
    else list.push(file);
  }
  return index;
}

/**
 * The report's entry for a changed file: the same path, else the one entry whose path is a
 * whole-segment suffix of it or has it as a suffix. JaCoCo paths are relative to a source root
 * (`com/x/A.java` for `src/main/java/com/x/A.java`) and Go paths carry the module path
 * (`github.com/o/r/pkg/a.go` for `pkg/a.go`). Two candidates are ambiguous: none is used.
 */
function reportEntryFor(
  model: CoverageModel,
  index: () => Map<string, FileCoverage[]>,
  path: string,
): FileCoverage | undefined {
  const exact = model.files.get(path);
  if (exact !== undefined) return exact.outside ? undefined : exact;
  const candidates = (index().get(path.slice(path.lastIndexOf('/') + 1)) ?? []).filter(
    (f) => path.endsWith(`/${f.path}`) || f.path.endsWith(`/${path}`),
  );
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Measures patch coverage of `model` (already filtered by `include`) against `changes`. */
export function measurePatch(
  model: CoverageModel,
  changes: ChangeSet,
  include: (path: string) => boolean,
): PatchCoverage {
  const result: PatchCoverage = {
    tally: { covered: 0, total: 0 },
    uncovered: [],
    unreported: [],
    withoutLineDetail: [],
  };
  let index: Map<string, FileCoverage[]> | undefined;
  const lazyIndex = (): Map<string, FileCoverage[]> => (index ??= byBaseName(model));
  for (const changed of changes.files) {
    // Deleted files have no head lines: changedRangesOf gives none.
    if (changed.binary || changedRangesOf(changes, changed.path).length === 0 || !include(changed.path))
      continue;
    const file = reportEntryFor(model, lazyIndex, changed.path);
    if (file === undefined) {
      result.unreported.push(changed.path);
      continue;
    }
    if (file.lines === null) {
      result.withoutLineDetail.push(changed.path);
      continue;
    }
    const executable = [...file.lines.keys()].sort((a, b) => a - b);
    let open: UncoveredRange | undefined;
    for (const line of executable) {
      const changedLine = isLineChanged(changes, changed.path, line);
      const covered = (file.lines.get(line) ?? 0) > 0;
      if (changedLine) {
        result.tally.total++;
        if (covered) result.tally.covered++;
      }
      if (changedLine && !covered) {
        if (open === undefined) open = { file: changed.path, start: line, end: line, lines: 0 };
        open.end = line;
        open.lines++;
      } else if (open !== undefined) {
        result.uncovered.push(open);
        open = undefined;
      }
    }
    if (open !== undefined) result.uncovered.push(open);
  }
  return result;
}
