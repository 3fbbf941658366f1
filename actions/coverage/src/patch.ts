/**
 * Patch coverage: the covered share of the PR's changed executable lines. A changed line counts
 * when the report lists it as executable (a line hit map entry); changed lines of files the report
 * does not list, and non-executable lines (blank, comments), are not in the denominator.
 * Report paths relative to a source root or prefixed by a Go module path match by path suffix.
 * Uncovered changed lines are grouped into ranges: consecutive uncovered changed lines in the
 * order of the file's executable lines, so blank lines between them do not split a range.
 */
import { changedRangesOf, isLineChanged, mapPathsToRepository, type ChangeSet } from '@aeef/gate-result';
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
  /** Changed files the report lists whose changed lines are unknown (the API withheld the patch). */
  linesUnknown: string[];
  /**
   * Report paths that match no file of the repository (with `git ls-files`), or lie outside the
   * workspace (without it): a changed file among `unreported` may be one of them.
   */
  unmapped: string[];
  /** How report paths were matched to the changed files, for the summary. */
  mapping: string;
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
 * Without the tracked files: the report's entry for a changed file is the same path, else the one
 * entry whose path is a whole-segment suffix of it or has it as a suffix. JaCoCo paths are relative
 * to a source root (`com/x/A.java` for `src/main/java/com/x/A.java`) and Go paths carry the module
 * path (`github.com/o/r/pkg/a.go` for `pkg/a.go`). Two candidates are ambiguous: none is used.
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

interface Locator {
  find(path: string): FileCoverage | undefined;
  unmapped: string[];
  mapping: string;
}

/**
 * How changed (repository) paths find their report entry. With `tracked` (git ls-files), every
 * report path is mapped to a tracked file first (see mapPathsToRepository), so reports written
 * under another root or on Windows still line up; without it, by suffix among the report's paths
 * inside the workspace.
 */
function locator(model: CoverageModel, tracked: readonly string[] | undefined): Locator {
  if (tracked === undefined) {
    let index: Map<string, FileCoverage[]> | undefined;
    const lazy = (): Map<string, FileCoverage[]> => (index ??= byBaseName(model));
    return {
      find: (path) => reportEntryFor(model, lazy, path),
      unmapped: [...model.files.values()].filter((f) => f.outside).map((f) => f.path),
      mapping: 'Report paths matched to changed files by suffix (git ls-files was not available).',
    };
  }
  const mapping = mapPathsToRepository([...model.files.keys()], tracked);
  const byRepo = new Map<string, FileCoverage>();
  for (const [path, file] of model.files) {
    const repo = mapping.mapped.get(path);
    if (repo !== undefined && !byRepo.has(repo)) byRepo.set(repo, file);
  }
  const ambiguous =
    mapping.ambiguous.length > 0
      ? ` ${mapping.ambiguous.length} paths match several tracked files equally.`
      : '';
  return {
    find: (path) => byRepo.get(path),
    unmapped: mapping.unmapped,
    mapping: `${mapping.description}${ambiguous}`,
  };
}

/**
 * Measures patch coverage of `model` (already filtered by `include`) against `changes`; `tracked`
 * is the repository's file list when git could give it.
 */
export function measurePatch(
  model: CoverageModel,
  changes: ChangeSet,
  include: (path: string) => boolean,
  tracked?: readonly string[],
): PatchCoverage {
  const result: PatchCoverage = {
    tally: { covered: 0, total: 0 },
    uncovered: [],
    unreported: [],
    withoutLineDetail: [],
    linesUnknown: [],
    unmapped: [],
    mapping: '',
  };
  let located: Locator | undefined;
  const locate = (): Locator => (located ??= locator(model, tracked));
  for (const changed of changes.files) {
    if (changed.binary || changed.status === 'deleted' || !include(changed.path)) continue;
    if (changed.linesUnknown === true) {
      // It changed, but which lines is unknown: it decides nothing only if no report lists it.
      const file = locate().find(changed.path);
      if (file !== undefined && (file.lines === null || file.lines.size > 0))
        result.linesUnknown.push(changed.path);
      continue;
    }
    if (changedRangesOf(changes, changed.path).length === 0) continue;
    const file = locate().find(changed.path);
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
  if (located !== undefined) {
    result.unmapped = located.unmapped;
    result.mapping = located.mapping;
  }
  return result;
}
