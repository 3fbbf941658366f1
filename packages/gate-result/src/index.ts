export * from './result.js';
export * from './errors.js';
export type * from './gate.js';
export * from './result-schema.js';
export { KNOWN_GATES } from './known-gates.js';
export * from './inputs.js';
export * from './input-specs.js';
export { compileMatcher, validatePattern, GLOB_LIMITS, type PathMatcher } from './globs.js';
export * from './escape.js';
export * from './logger.js';
export * from './result-builder.js';
export * from './annotations.js';
export * from './outputs.js';
export { renderSummary, renderOverview, type SummaryOptions } from './render/summary-markdown.js';
export { formatValue, formatThreshold, GATE_TITLES } from './render/format.js';
export { decidingFigure, instanceKey } from './render/overview.js';
export { readEventContext, DIFFABLE_EVENTS, PULL_REQUEST_EVENTS, type EventEnv } from './changes/event.js';
export { parseUnifiedDiff, parsePatch } from './changes/diff-parse.js';
export type { HunkTally } from './changes/hunks.js';
export {
  changedFileOf,
  changedLinesKnown,
  changedRangesOf,
  filesWithoutLineData,
  isLineChanged,
  mayLackFiles,
  touchesChangedLines,
} from './changes/query.js';
export {
  resolveChangeSet,
  describeChangeSet,
  type GitRunner,
  type ResolveChangeSetOptions,
} from './changes/resolve.js';
export { PULL_FILES_CAP, COMPARE_FILES_CAP } from './changes/api-source.js';
export {
  readChangedFileTexts,
  readCompleteTextDiff,
  MAX_FILE_TEXT_BYTES,
  type FileTexts,
} from './changes/file-text.js';
export { readChangesFromGit, DIFF_FLAGS } from './changes/git-source.js';
export { renderTerminal, type TerminalOptions } from './render/terminal.js';
export {
  parseConfigFile,
  configFileInputs,
  configInstances,
  INSTANCE_NAME,
  configFileJsonSchema,
  GATE_IDS,
  DEFAULT_CONFIG_FILE,
  APPROVAL_SECTION,
  type ConfigFile,
  type GateSpecs,
} from './config-file.js';
export { mapPathsToRepository, mappingSegments, parseLsFiles, type PathMapping } from './path-mapping.js';
export { readTrackedFiles } from './changes/tracked-files.js';
export { changesAsNeeded, type ChangesAsNeeded } from './changes/as-needed.js';
export {
  BASE_POLICY_EVENTS,
  defaultPolicySource,
  diffPolicies,
  flattenSettings,
  formatPolicyChange,
  changesForGate,
  describePolicy,
  policySection,
  withPolicy,
  type PolicyChange,
  type PolicyOrigin,
  type PolicyRecord,
  type PolicySource,
} from './policy/diff.js';
export * from './checkpoint/index.js';
export * from './json/index.js';
export * from './yaml/index.js';
