export * from './result.js';
export * from './errors.js';
export type * from './gate.js';
export { readEventContext, DIFFABLE_EVENTS, PULL_REQUEST_EVENTS, type EventEnv } from './changes/event.js';
export { parseUnifiedDiff, parsePatch } from './changes/diff-parse.js';
export type { HunkTally } from './changes/hunks.js';
export { changedFileOf, changedRangesOf, isLineChanged, touchesChangedLines } from './changes/query.js';
export {
  resolveChangeSet,
  describeChangeSet,
  type GitRunner,
  type ResolveChangeSetOptions,
} from './changes/resolve.js';
export { PULL_FILES_CAP, COMPARE_FILES_CAP } from './changes/api-source.js';
