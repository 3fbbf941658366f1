/**
 * The changed lines, asked for only as far as a gate's settings need them. A bar on them (min-patch,
 * new-only: diff) needs them whole: git, else the REST API, and any failure propagates. A figure
 * nobody set a bar on takes them only when git has them free, so a 403 or 5xx of the API (the
 * README's own `contents: read` token) never fails a gate for a metric nobody asked for.
 */
import { getErrorMessage } from '../errors.js';
import type { ChangeSet, GateIO } from '../gate.js';

export interface ChangesAsNeeded {
  changes: ChangeSet | undefined;
  /** Why `changes` is undefined when it is (for the summary). */
  note?: string;
}

export async function changesAsNeeded(
  io: Pick<GateIO, 'changes'>,
  needed: boolean,
): Promise<ChangesAsNeeded> {
  if (needed) return { changes: await io.changes() };
  try {
    const changes = await io.changes({ ifFree: true });
    return changes === undefined ? { changes, note: 'no diff in this run.' } : { changes };
  } catch (error) {
    return { changes: undefined, note: getErrorMessage(error) };
  }
}
