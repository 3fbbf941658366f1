/**
 * Which changed files do not count toward the size, and why. The reasons are listed in the
 * summary so nobody has to guess what the gate left out.
 */
import type { LinguistAttributes } from './check-attr.js';
import type { DiffFile, ExcludedFile, ExclusionReason } from './model.js';

/** Lockfiles at any depth: machine-written, reviewed by nobody line by line. */
export const LOCKFILES: ReadonlySet<string> = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'go.sum',
  'Cargo.lock',
  'poetry.lock',
  'uv.lock',
  'Gemfile.lock',
  'composer.lock',
]);

/** Human wording of each reason, for the summary table. */
export const REASON_TEXT: Record<ExclusionReason, string> = {
  binary: 'binary file',
  lockfile: 'lockfile',
  'linguist-generated': 'linguist-generated in .gitattributes',
  'linguist-vendored': 'linguist-vendored in .gitattributes',
  ignore: 'matches the ignore input',
};

export interface ExclusionRules {
  attributes: ReadonlyMap<string, LinguistAttributes>;
  /** The user's `ignore` globs, compiled. */
  ignored: (path: string) => boolean;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The first reason that applies, in a fixed order, or `undefined` when the file counts. */
export function exclusionReason(file: DiffFile, rules: ExclusionRules): ExclusionReason | undefined {
  if (file.binary) return 'binary';
  if (LOCKFILES.has(basename(file.path))) return 'lockfile';
  const attributes = rules.attributes.get(file.path);
  if (attributes?.generated) return 'linguist-generated';
  if (attributes?.vendored) return 'linguist-vendored';
  if (rules.ignored(file.path)) return 'ignore';
  return undefined;
}

/** Splits the changed files into those that count and those excluded (with their reason). */
export function partitionFiles(
  files: readonly DiffFile[],
  rules: ExclusionRules,
): { counted: DiffFile[]; excluded: ExcludedFile[] } {
  const counted: DiffFile[] = [];
  const excluded: ExcludedFile[] = [];
  for (const file of files) {
    const reason = exclusionReason(file, rules);
    if (reason === undefined) counted.push(file);
    else excluded.push({ ...file, reason });
  }
  return { counted, excluded };
}
