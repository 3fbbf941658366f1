/**
 * Insufficient evidence, the gate's fail-closed core: an unfinished run, no valid mutant, a report
 * about files that are not here, a partial change set. Each is an error unless its opt-out is set.
 */
import { unknownChangedFiles } from './changed-mutants.js';
import type { MutationConfig } from './config.js';
import type { MutationModel } from './evaluate.js';
import type { MutationScores } from './score.js';

export interface EvidenceProblem {
  /** One sentence for the summary. */
  message: string;
  /** True when the user opted out: a warning, not an error. */
  allowed: boolean;
}

/** Reasons the evidence is insufficient; each is an error unless its opt-out is set. */
export function evidenceProblems(
  scores: MutationScores,
  model: MutationModel,
  config: MutationConfig,
): EvidenceProblem[] {
  const problems: EvidenceProblem[] = [];
  if (scores.pending > 0) {
    problems.push({
      message: `${scores.pending} of ${scores.total} mutants are Pending, so the mutation run did not finish${config.allowPending ? '; they are left out (allow-pending)' : '; set allow-pending: true to score the finished ones'}.`,
      allowed: config.allowPending,
    });
  }
  if (scores.valid === 0) {
    problems.push({
      message: `No mutant is valid (killed, timeout, survived or no coverage) among ${scores.total}, so nothing shows the tests detect faults${config.allowEmpty ? ' (allowed by allow-empty)' : '; set allow-empty: true to accept this'}.`,
      allowed: config.allowEmpty,
    });
  }
  if (config.minPatchScore !== undefined) {
    const bar = `min-patch-score (${config.minPatchScore}%)`;
    if (model.changes === undefined) {
      problems.push({
        message: `${bar} is set, but this ${model.event === undefined ? '' : `${model.event} `}run has no changed lines to measure it on (only pull requests, merge groups and pushes with a base commit have them); unset min-patch-score for this event.`,
        allowed: false,
      });
    } else {
      const unknown = unknownChangedFiles(model.files, model.changes);
      if (unknown.length > 0) {
        const shown =
          unknown.slice(0, 5).join(', ') + (unknown.length > 5 ? ` and ${unknown.length - 5} more` : '');
        problems.push({
          message: `${bar} cannot be decided: the changed lines of ${unknown.length} file(s) with mutants are unknown (${shown}; ${model.changes.incomplete ?? 'the change set is partial'}); check out with \`fetch-depth: 0\` so that git gives every changed line.`,
          allowed: false,
        });
      }
    }
  }
  if (model.missingSources.length > 0) {
    const first = model.missingSources[0] ?? '';
    problems.push({
      message: `${model.missingSources.length} file(s) named by the report are not in the workspace (first: ${first}), so the report may be stale or from another checkout${config.allowMissingSources ? ' (allowed by allow-missing-sources)' : '; set allow-missing-sources: true to accept this'}.`,
      allowed: config.allowMissingSources,
    });
  }
  return problems;
}
