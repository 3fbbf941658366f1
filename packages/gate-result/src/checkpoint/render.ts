/** The checkpoint in a summary: who approved which commit, and which reviews did not count and why. */
import type { Section } from '../result.js';
import type { CheckpointResult } from './evaluate.js';

function short(sha: string | null): string {
  return sha === null || sha === '' ? '—' : sha.slice(0, 7);
}

/**
 * A summary section for a gate's `details`. Cells hold raw review text (logins); the summary and
 * terminal renderers escape every cell and note.
 */
export function checkpointSection(result: CheckpointResult, title = 'Human checkpoint'): Section {
  const rows = [
    ...result.approvals.map((a) => [`@${a.login}`, 'APPROVED', short(a.commitId), 'yes', a.standing]),
    ...result.changesRequested.map((a) => [
      `@${a.login}`,
      'CHANGES_REQUESTED',
      short(a.commitId),
      'blocks',
      `${a.standing}; stands until the reviewer approves or it is dismissed`,
    ]),
    ...result.notCounted.map((r) => [`@${r.login}`, r.state, short(r.commitId), 'no', r.reason]),
  ];
  const notes = [result.summary];
  for (const { team, reason } of result.unreadableTeams) {
    notes.push(
      `The members of team ${team} could not be read, so its members count only by association: ${reason}`,
    );
  }
  if (rows.length === 0) notes.push('The pull request has no approving or change-requesting review.');
  return {
    title,
    columns: ['Reviewer', 'State', 'Commit', 'Counts', 'Why'],
    rows,
    notes,
  };
}
