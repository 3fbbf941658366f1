/**
 * The mutants of a PR's changed code: those whose location touches a changed line. Their score is
 * the patch score, and the undetected ones among them become annotations.
 */
import { changedLinesKnown, changedRangesOf, touchesChangedLines, type ChangeSet } from '@aeef/gate-result';
import type { Mutant, MutatedFile } from './model.js';

export interface ChangedMutant {
  file: MutatedFile;
  mutant: Mutant;
}

/**
 * Every mutant (any status) whose lines touch the PR's changed lines, in file then line order.
 * Files whose changed lines are unknown are left to `unknownChangedFiles`.
 */
export function findChangedMutants(files: readonly MutatedFile[], changes: ChangeSet): ChangedMutant[] {
  const out: ChangedMutant[] = [];
  for (const file of files) {
    if (changedRangesOf(changes, file.path).length === 0) continue;
    for (const mutant of file.mutants) {
      if (touchesChangedLines(changes, file.path, mutant.startLine, mutant.endLine))
        out.push({ file, mutant });
    }
  }
  return out;
}

/**
 * Files with mutants whose changed lines the change set does not know (patch withheld by the API,
 * or absent from a cut-short file list): on them the patch score cannot be decided.
 */
export function unknownChangedFiles(files: readonly MutatedFile[], changes: ChangeSet): string[] {
  return files.filter((f) => f.mutants.length > 0 && !changedLinesKnown(changes, f.path)).map((f) => f.path);
}
