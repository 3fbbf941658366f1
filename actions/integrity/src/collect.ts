/**
 * Collection (through GateIO only): the PR's diff with the lines' text, and the whole base and head
 * versions of the few files judged structurally (workflows, tool configs).
 */
import { ConfigError, readChangedFileTexts, resolveChangeSet } from '@aeef/gate-result';
import type { ChangeSet, FileTexts, GateIO } from '@aeef/gate-result';
import { toolConfigOf } from './tool-config.js';
import { WORKFLOW_FILE } from './workflows.js';

export async function readDiff(io: GateIO): Promise<ChangeSet> {
  const changes = await resolveChangeSet({
    event: io.event,
    git: (args) => io.git(args),
    ...(io.github === undefined ? {} : { github: io.github }),
    log: io.log,
    text: true,
  });
  if (!changes) {
    throw new ConfigError(
      `The integrity gate judges the diff of a pull request, merge group or push, but this ${io.event.name} event has none (run it on pull_request).`,
    );
  }
  if (changes.incomplete) {
    throw new ConfigError(
      `The integrity gate cannot judge an incomplete diff, since a weakening change could hide in the missing part: ${changes.incomplete.replace(/\.$/, '')}. Check out the history (actions/checkout with fetch-depth: 0) so git gives every line.`,
    );
  }
  return changes;
}

/** The files whose whole text the checks need. */
export function textsNeeded(changes: ChangeSet): string[] {
  const paths = new Set<string>();
  for (const file of changes.files) {
    if (WORKFLOW_FILE.test(file.path) || toolConfigOf(file.path)) {
      paths.add(file.path);
      if (file.previousPath) paths.add(file.previousPath);
    }
  }
  return [...paths].sort();
}

export function readTexts(io: GateIO, changes: ChangeSet): Promise<Map<string, FileTexts>> {
  return readChangedFileTexts(io, changes, textsNeeded(changes));
}
