/**
 * Writes for gates that export files (the KPI export): atomic (temp file + rename, so a reader or
 * a crash never sees half a file) and confined to the workspace or the result directory.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { isInside } from './fs-safe.js';

export async function writeFileAtomic(file: string, data: string, roots: readonly string[]): Promise<string> {
  const target = path.resolve(roots[0] ?? '.', file);
  if (!roots.some((root) => isInside(root, target))) {
    throw new ConfigError(
      `Refusing to write ${file}: only the workspace and the result directory are writable.`,
    );
  }
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw new ConfigError(`Could not write ${target}: ${(error as Error).message}`);
  }
  return target;
}

/** Absolute paths of the `*.json` files directly in `dir`, sorted; [] when it does not exist. In-toto statements (`*.intoto.json`, the provenance gate's) are no result files. */
export async function listJsonFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.endsWith('.intoto.json'))
    .map((e) => path.join(dir, e.name))
    .sort();
}
