/**
 * Collection (through GateIO only): the PR's diff with line text, the head text of its SQL files,
 * the project files that name the SQL dialect, and the plan files.
 */
import {
  MissingReportError,
  ReportError,
  readChangedFileTexts,
  readCompleteTextDiff,
} from '@aeef/gate-result';
import type { ChangeSet, ChangedFile, GateIO } from '@aeef/gate-result';
import { DIALECT_SOURCES } from './dialect.js';

/** A plan or SQL file larger than this is refused rather than parsed. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

export function readDiff(io: GateIO): Promise<ChangeSet> {
  return readCompleteTextDiff(io, 'destructive', 'a destructive change');
}

/**
 * A new file's head text is its added lines, so it needs no read; a changed file is read at head.
 */
export async function readHeadTexts(
  io: GateIO,
  changes: ChangeSet,
  files: readonly ChangedFile[],
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const toRead: string[] = [];
  for (const file of files) {
    const whole = file.status === 'added' && file.added !== undefined && file.added.length === file.additions;
    if (whole) texts.set(file.path, file.added?.map((l) => l.text).join('\n') ?? '');
    else toRead.push(file.path);
  }
  for (const [path, { head }] of await readChangedFileTexts(io, changes, toRead, MAX_INPUT_BYTES)) {
    if (head === undefined)
      throw new ReportError(path, `${path} is changed by the PR but could not be read at its head commit.`);
    texts.set(path, head);
  }
  return texts;
}

/** The texts of the dialect sources that exist in the checkout. */
export async function readDialectSources(io: GateIO): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const path of DIALECT_SOURCES) {
    try {
      texts.set(path, await io.readText(path, { maxBytes: 1024 * 1024 }));
    } catch (error) {
      if (error instanceof MissingReportError) continue;
      throw error;
    }
  }
  return texts;
}

/** Every plan file the globs name; a glob matching nothing is a missing report. */
export async function readPlans(
  io: GateIO,
  patterns: readonly string[],
): Promise<{ path: string; text: string }[]> {
  const plans: { path: string; text: string }[] = [];
  const seen = new Set<string>();
  for (const pattern of patterns) {
    const paths = await io.glob([pattern]);
    if (paths.length === 0)
      throw new MissingReportError(pattern, `No file matches \`plan-files\` pattern ${pattern}.`);
    for (const path of paths) {
      if (seen.has(path)) continue;
      seen.add(path);
      plans.push({ path, text: await io.readText(path, { maxBytes: MAX_INPUT_BYTES }) });
    }
  }
  return plans;
}
