import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveNode24 } from '../../scripts/node24.mjs';

/** The repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** test/fixtures: real reports from real tools, each with its MANIFEST.md row (source, license). */
export const FIXTURES_DIR = path.join(REPO_ROOT, 'test', 'fixtures');

/**
 * Absolute path of a file or folder under test/fixtures; throws when it is not there, so a
 * conformance test never passes on an empty folder.
 */
export function fixturePath(...parts: string[]): string {
  const file = path.join(FIXTURES_DIR, ...parts);
  if (!existsSync(file)) {
    throw new Error(
      `Expected the fixture ${path.relative(REPO_ROOT, file)}; it belongs in test/fixtures with a MANIFEST.md row.`,
    );
  }
  return file;
}

const NODE24_PREFIX = path.join(REPO_ROOT, 'tools', 'node24');

/** Node 24 for this platform and arch, installed by scripts/ensure-node24.mjs (npm's pretest). */
export const NODE24 = resolveNode24({
  prefix: NODE24_PREFIX,
  platform: process.platform,
  arch: process.arch,
  pinned: (
    JSON.parse(readFileSync(path.join(NODE24_PREFIX, 'package.json'), 'utf8')) as {
      optionalDependencies: Record<string, string>;
    }
  ).optionalDependencies,
  runningVersion: process.version,
  execPath: process.execPath,
}).binary;
