/**
 * Writes for gates that export files (the KPI export): atomic (temp file + rename, so a reader or
 * a crash never sees half a file) and confined, by real path, to the workspace or the result
 * directory, never inside `.git/`.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { isInside } from './fs-safe.js';

export async function writeFileAtomic(file: string, data: string, roots: readonly string[]): Promise<string> {
  const target = path.resolve(roots[0] ?? '.', file);
  const root = roots.find((r) => isInside(r, target));
  if (root === undefined) {
    throw new ConfigError(
      `Refusing to write ${file}: only the workspace and the result directory are writable.`,
    );
  }
  // Confined by real path, not by name: a symlinked directory on the way must not lead out of the
  // root or into git's own files (hooks, config), checked before any directory is created.
  await mkdir(root, { recursive: true });
  const realRoot = await realpath(root);
  const confine = (real: string): void => {
    const rel = path.relative(realRoot, real);
    if (!isInside(realRoot, real)) {
      throw new ConfigError(
        `Refusing to write ${file}: it resolves (through a symlink) outside the workspace and the result directory.`,
      );
    }
    if (rel.split(path.sep).some((part) => part.toLowerCase() === '.git')) {
      throw new ConfigError(`Refusing to write ${file}: it is inside \`.git/\`.`);
    }
  };
  const dir = path.dirname(target);
  const existing = await deepestExisting(dir);
  const realExisting = await realpath(existing).catch(() => {
    throw new ConfigError(`Refusing to write ${file}: \`${existing}\` is a broken symlink.`);
  });
  confine(path.join(realExisting, path.relative(existing, dir)));
  await mkdir(dir, { recursive: true });
  const realDir = await realpath(dir);
  confine(realDir);
  const realTarget = path.join(realDir, path.basename(target));
  const temp = `${realTarget}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data, { flag: 'wx' });
    // rename replaces a symlink at the target itself; it never writes through it.
    await rename(temp, realTarget);
  } catch (error) {
    await rm(temp, { force: true });
    throw new ConfigError(`Could not write ${target}: ${(error as Error).message}`);
  }
  return realTarget;
}

async function deepestExisting(dir: string): Promise<string> {
  for (let current = dir; ; current = path.dirname(current)) {
    try {
      await lstat(current);
      return current;
    } catch {
      if (path.dirname(current) === current) return current;
    }
  }
}

/** Absolute paths of the `*.json` files directly in `dir`, sorted; [] when it does not exist. */
export async function listJsonFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => path.join(dir, e.name))
    .sort();
}
