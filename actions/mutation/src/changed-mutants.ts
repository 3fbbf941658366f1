/**
 * The mutants of a PR's changed code: those whose location touches a changed line. Their score is
 * the patch score, and the undetected ones among them become annotations.
 */
import { changedRangesOf, touchesChangedLines, type ChangeSet } from '@aeef/gate-result';
import type { Mutant, MutatedFile } from './model.js';

export interface ChangedMutant {
  file: MutatedFile;
  mutant: Mutant;
}

/** Every mutant (any status) whose lines touch the PR's changed lines, in file then line order. */
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
