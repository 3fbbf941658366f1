/**
 * `new-only`: which findings are new. `diff`: on the PR's changed lines (a finding that cannot be
 * placed on a line of a workspace file counts as new: it cannot be proven old). `baseline`: absent from the base
 * branch's SARIF (see baseline.ts). `false`: the producer's own `baselineState: new`, for display.
 */
import {
  ConfigError,
  changedLinesKnown,
  changedRangesOf,
  filesWithoutLineData,
  mayLackFiles,
  touchesChangedLines,
  type ChangeSet,
} from '@aeef/gate-result';
import { matchBaseline, MATCH_KINDS } from './baseline.js';
import type { Newness } from './evaluate.js';
import type { SarifFinding } from './model.js';
import type { FindingPathMapping } from './uri.js';

/**
 * True when the finding's lines touch the changed ranges of its file. A finding that cannot be
 * placed (no workspace path, or no line in a changed file), or whose file's changed lines are
 * unknown (patch withheld by the API, or a file list the API cut short), counts as touching: it
 * cannot be proven old.
 */
export function touchesChange(
  changes: ChangeSet,
  finding: SarifFinding,
  unprovable?: (path: string) => boolean,
): boolean {
  if (finding.path === undefined) return true;
  if (unprovable?.(finding.path) === true) return true;
  if (!changedLinesKnown(changes, finding.path)) return true;
  if (finding.startLine === undefined) return changedRangesOf(changes, finding.path).length > 0;
  return touchesChangedLines(changes, finding.path, finding.startLine, finding.endLine ?? finding.startLine);
}

/**
 * `mapping` (from mapFindingPaths) says which locations matched no tracked file: with git, a
 * finding there cannot be placed in the repository's diff (a path from another machine or root
 * that did not map, an untracked file), so it counts as new and is listed, never taken as old.
 */
export function newByDiff(
  findings: readonly SarifFinding[],
  changes: ChangeSet | undefined,
  mapping: FindingPathMapping = { unmapped: [] },
): Newness {
  if (!changes) {
    throw new ConfigError(
      '`new-only: diff` needs the changed lines of a pull request or push, but this event has none; use `new-only: false` or `baseline` here.',
    );
  }
  const notes = [
    `New findings: those on the lines changed between ${changes.base.slice(0, 12)} and ${changes.head.slice(0, 12)} (from ${changes.source === 'git' ? 'git diff' : 'the REST API'}, ${changes.files.length} changed file(s)).`,
  ];
  const withoutLines = filesWithoutLineData(changes);
  if (withoutLines.length > 0)
    notes.push(
      `${withoutLines.length} changed file(s) lack line data (the API withheld their patch), so every finding in them counts as new: ${listSome(withoutLines)}.`,
    );
  if (mayLackFiles(changes))
    notes.push(
      `The API did not list every changed file (${changes.incomplete ?? 'partial list'}), so findings in files it did not list count as new.`,
    );
  const changed = new Set(changes.files.map((f) => f.path));
  const tracked = mapping.tracked;
  const unprovable =
    tracked === undefined ? undefined : (p: string): boolean => !tracked.has(p) && !changed.has(p);
  const isNew = findings.map((f) => touchesChange(changes, f, unprovable));
  const unplaced = [
    ...new Set(
      findings.flatMap((f, i) =>
        isNew[i] === true &&
        (f.path === undefined ? f.locationText !== undefined : unprovable?.(f.path) === true)
          ? [f.path ?? f.locationText ?? '']
          : [],
      ),
    ),
  ];
  if (unplaced.length > 0)
    notes.push(
      `${unplaced.length} finding location(s) match no file of the repository${tracked === undefined ? ' (git ls-files was not available)' : ''}, so their findings count as new (they cannot be proven old): ${listSome(unplaced.map(shorten))}.`,
    );
  return { isNew, notes };
}

/** Locations in a note: cut, so one long URI cannot fill the summary. */
function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

function listSome(names: readonly string[], shown = 10): string {
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `${head} and ${names.length - shown} more` : head;
}

export function newByBaseline(
  findings: readonly SarifFinding[],
  baseline: readonly SarifFinding[],
  files: readonly string[],
): Newness {
  const { matches, counts } = matchBaseline(findings, baseline);
  const used = MATCH_KINDS.map(
    (k) => `${counts[k]} by ${k === 'snippet' || k === 'message' ? `rule + path + ${k}` : k}`,
  );
  return {
    isNew: matches.map((m) => m === undefined),
    notes: [
      `New findings: those absent from the baseline (${files.join(', ')}, ${baseline.length} result(s)).`,
      `Baseline matches: ${used.join(', ')}.`,
    ],
  };
}

export function newByProducer(findings: readonly SarifFinding[]): Newness {
  return { isNew: findings.map((f) => f.baselineState === 'new'), notes: [] };
}
