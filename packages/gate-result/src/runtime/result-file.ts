/**
 * The result file `$RUNNER_TEMP/aeef-gates/<gate>.json` (`<gate>-<name>.json` for a named instance), read by the KPI export and by other jobs
 * through artifacts. Written atomically (temp file + rename), so a reader never sees half a file.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { instanceKey } from '../render/overview.js';
import type { GateResult } from '../result.js';

/** Path of a gate's result file in `dir`; `gate` is the instance key (`coverage` or `coverage-web`). */
export function resultFilePath(dir: string, gate: string): string {
  return path.join(dir, `${gate}.json`);
}

/** Writes the result as pretty JSON and returns its path. */
export async function writeResultFile(dir: string, result: GateResult): Promise<string> {
  await mkdir(dir, { recursive: true });
  const target = resultFilePath(dir, instanceKey(result));
  const temp = `${target}.${randomUUID()}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(result, null, 2)}\n`, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return target;
}
