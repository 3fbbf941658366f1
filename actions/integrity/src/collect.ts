/**
 * Collection (through GateIO only): the PR's diff with the lines' text, and the whole base and head
 * versions of the few files judged structurally (workflows, tool configs).
 */
import { readChangedFileTexts, readCompleteTextDiff } from '@aeef/gate-result';
import type { ChangeSet, FileTexts, GateIO } from '@aeef/gate-result';
import { toolConfigOf } from './tool-config.js';
import { WORKFLOW_FILE } from './workflows.js';

export function readDiff(io: GateIO): Promise<ChangeSet> {
  return readCompleteTextDiff(io, 'integrity', 'a weakening change');
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
