/**
 * The pure core: a PR's diff (with the lines' text) and the few files it needs whole → every change
 * that weakens verification, each with its category, pattern, file and line. Only lines the PR adds
 * (or, for tests and assertions, removes) are judged.
 */
import type { ChangedFile, PathMatcher } from '@aeef/gate-result';
import {
  ASSERTIONS,
  PROSE_EXTENSIONS,
  SKIPPED_TESTS,
  SUPPRESSIONS,
  extensionOf,
  matcherFor,
  type Category,
} from './patterns.js';
import { isTestFile } from './test-files.js';
import { enclosingKeys, toolConfigOf, weakensToolConfig } from './tool-config.js';
import { WORKFLOW_FILE, diffWorkflow } from './workflows.js';

export interface IntegrityFinding {
  category: Category;
  /** The table row or check that matched: `istanbul-ignore`, `step-removed`, `fewer-assertions`. */
  pattern: string;
  tool?: string;
  file: string;
  /** Head line to point at; absent for a deleted file. */
  line?: number;
  /** The offending line's text (clipped), for the summary. */
  text?: string;
  message: string;
}

/** A setting the head's config file changes against the base's (from the policy module). */
export interface SettingChange {
  setting: string;
  base: string | null;
  head: string | null;
}

export interface DetectOptions {
  checks: ReadonlySet<Category>;
  isExcluded: PathMatcher;
  isExtraTest?: PathMatcher;
  isGateAction: (uses: string) => boolean;
  /** The config file's repository-relative path, for policy findings. */
  configFile: string;
}

export interface DetectInput {
  files: readonly ChangedFile[];
  /** Whole base and head texts of the workflow and tool-config files the PR touches. */
  texts: ReadonlyMap<string, { base?: string; head?: string }>;
  /** Setting changes of the config file, `undefined` when the policy diff was not available. */
  policy?: readonly SettingChange[];
  /** Line of each setting in the head's config file (`coverage.min-lines` → 3), when known. */
  policyLines?: ReadonlyMap<string, number>;
  /** The PR changes the config file but its settings could not be compared: why. */
  policyProblem?: string;
}

const MAX_TEXT = 200;
const clip = (text: string): string => {
  const trimmed = text.trim();
  return trimmed.length > MAX_TEXT ? `${trimmed.slice(0, MAX_TEXT)}…` : trimmed;
};

/** Files whose changes are judged as code (not prose, not binary, not excluded). */
function isCode(file: ChangedFile): boolean {
  return !file.binary && !PROSE_EXTENSIONS.has(extensionOf(file.path));
}

export function detect(input: DetectInput, options: DetectOptions): IntegrityFinding[] {
  const findings: IntegrityFinding[] = [];
  const on = (category: Category): boolean => options.checks.has(category);
  const isTest = (path: string): boolean => isTestFile(path, options.isExtraTest);
  for (const file of input.files) {
    if (options.isExcluded(file.path)) continue;
    const code = isCode(file);
    const test = isTest(file.path);
    if (on('deleted-tests')) deletedTests(file, isTest, findings);
    if (file.status === 'deleted') {
      if (on('workflows') && WORKFLOW_FILE.test(file.path)) workflowFindings(file, input, options, findings);
      continue;
    }
    const suppression = matcherFor(SUPPRESSIONS, file.path);
    const skip = matcherFor(SKIPPED_TESTS, file.path);
    for (const added of file.added ?? []) {
      if (!code) break;
      if (on('suppressions')) {
        const row = suppression(added.text);
        if (row)
          findings.push({
            category: 'suppressions',
            pattern: row.id,
            tool: row.tool,
            file: file.path,
            line: added.line,
            text: clip(added.text),
            message: `Suppression added (${row.tool}).`,
          });
      }
      if (test && on('skipped-tests')) {
        const row = skip(added.text);
        if (row)
          findings.push({
            category: 'skipped-tests',
            pattern: row.id,
            tool: row.tool,
            file: file.path,
            line: added.line,
            text: clip(added.text),
            message: `Test switched off or focused (${row.tool}).`,
          });
      }
    }
    if (test && code && on('assertions')) assertionLoss(file, findings);
    if (on('workflows') && WORKFLOW_FILE.test(file.path)) workflowFindings(file, input, options, findings);
    if (on('tool-config')) toolConfigFindings(file, input, findings);
  }
  if (on('policy') && input.policyProblem !== undefined) {
    findings.push({
      category: 'policy',
      pattern: 'unreadable-policy',
      file: options.configFile,
      message: `The PR changes the gates' config file, but its settings cannot be compared with the base's: ${input.policyProblem.replace(/\.$/, '')}.`,
    });
  }
  if (on('policy') && input.policy) {
    for (const change of input.policy) {
      const line = input.policyLines?.get(change.setting);
      findings.push({
        category: 'policy',
        pattern: 'setting-changed',
        file: options.configFile,
        ...(line === undefined ? {} : { line }),
        message: `The PR changes \`${change.setting}\` of the gates' policy: ${show(change.base)} → ${show(change.head)}.`,
      });
    }
  }
  return findings;
}

const show = (value: string | null): string => (value === null ? 'unset' : `\`${value}\``);

function deletedTests(
  file: ChangedFile,
  isTest: (path: string) => boolean,
  findings: IntegrityFinding[],
): void {
  if (file.status === 'deleted' && isTest(file.path)) {
    findings.push({
      category: 'deleted-tests',
      pattern: 'test-file-deleted',
      file: file.path,
      message: `The test file was deleted${file.deletions > 0 ? ` (${file.deletions} lines)` : ''}.`,
    });
  } else if (
    file.status === 'renamed' &&
    file.previousPath &&
    isTest(file.previousPath) &&
    !isTest(file.path)
  ) {
    findings.push({
      category: 'deleted-tests',
      pattern: 'test-file-renamed-away',
      file: file.path,
      line: 1,
      message: `The test file ${file.previousPath} was renamed to a name no test runner picks up.`,
    });
  }
}

function assertionLoss(file: ChangedFile, findings: IntegrityFinding[]): void {
  const assertion = matcherFor(ASSERTIONS, file.path);
  const count = (lines: readonly { text: string }[] | undefined): number =>
    (lines ?? []).filter((line) => assertion(line.text) !== undefined).length;
  const removed = count(file.removed);
  const added = count(file.added);
  if (removed <= added) return;
  const first = (file.removed ?? []).find((line) => assertion(line.text));
  findings.push({
    category: 'assertions',
    pattern: 'fewer-assertions',
    file: file.path,
    ...(first ? { line: first.anchor, text: clip(first.text) } : {}),
    message: `${removed - added} fewer assertion lines (${removed} removed, ${added} added).`,
  });
}

function workflowFindings(
  file: ChangedFile,
  input: DetectInput,
  options: DetectOptions,
  findings: IntegrityFinding[],
): void {
  const texts = input.texts.get(file.path);
  const basePath = file.previousPath ?? file.path;
  const base = file.status === 'added' ? undefined : (input.texts.get(basePath)?.base ?? texts?.base);
  const head = file.status === 'deleted' ? undefined : texts?.head;
  const changes = diffWorkflow(base, head, options.isGateAction);
  if (typeof changes === 'string') {
    findings.push({
      category: 'workflows',
      pattern: 'unreadable-workflow',
      file: file.path,
      line: 1,
      message: `The workflow cannot be checked for changes to the gate steps: ${changes}.`,
    });
    return;
  }
  for (const change of changes) {
    findings.push({
      category: 'workflows',
      pattern: change.pattern,
      file: file.path,
      ...(change.line === undefined ? {} : { line: change.line }),
      message: change.message,
    });
  }
}

function toolConfigFindings(file: ChangedFile, input: DetectInput, findings: IntegrityFinding[]): void {
  const row = toolConfigOf(file.path);
  if (!row || !file.added || file.added.length === 0) return;
  const head = input.texts.get(file.path)?.head;
  const keysAt = row.keys === undefined || head === undefined ? [] : enclosingKeys(head);
  const removed = (file.removed ?? []).map((line) => line.text);
  if (row.keys !== undefined && head === undefined) {
    // The collector reads every tool config whole; without it the change cannot be proven harmless.
    findings.push({
      category: 'tool-config',
      pattern: 'unreadable-tool-config',
      tool: row.tool,
      file: file.path,
      line: file.added[0]?.line ?? 1,
      message: `The ${row.tool} configuration changed, but its head version could not be read to check it.`,
    });
    return;
  }
  for (const added of file.added) {
    if (!weakensToolConfig(row, keysAt, added.line, added.text, removed)) continue;
    findings.push({
      category: 'tool-config',
      pattern: row.id,
      tool: row.tool,
      file: file.path,
      line: added.line,
      text: clip(added.text),
      message: `An exclusion or threshold of ${row.tool} was changed.`,
    });
  }
}
