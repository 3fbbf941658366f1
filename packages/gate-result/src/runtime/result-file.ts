/**
 * The result file `$RUNNER_TEMP/aeef-gates/<gate>.json`, read by the KPI export and by other jobs
 * through artifacts. Written atomically (temp file + rename), so a reader never sees half a file.
 * Each write is also recorded in the directory's ledger (`RESULT_LEDGER`): the KPI export takes a
 * file from this directory as a verdict only when a gate of its own job recorded its digest
 * there; a file copied, extracted or planted into the directory is reported instead.
 */
import { createHash, randomUUID } from 'node:crypto';
import { appendFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GateResult } from '../result.js';

/** One line per write: `<sha256 of the UTF-8 text>\t<job identity>\t<file name>`. Read by actions/kpi/src/result-ledger.ts. */
export const RESULT_LEDGER = '.aeef-gates-written.tsv';

/** `<run id>/<run attempt>/<job id>` of this job; `local/1/local` outside Actions. */
export function jobIdentity(
  env: { GITHUB_RUN_ID?: string; GITHUB_RUN_ATTEMPT?: string; GITHUB_JOB?: string } = process.env,
): string {
  return [env.GITHUB_RUN_ID ?? 'local', env.GITHUB_RUN_ATTEMPT ?? '1', env.GITHUB_JOB ?? 'local']
    .map((part) => part.replace(/[\t\r\n/]/g, '_'))
    .join('/');
}

/** Path of a gate's result file in `dir`. */
export function resultFilePath(dir: string, gate: string): string {
  return path.join(dir, `${gate}.json`);
}

/** Writes the result as pretty JSON, records it in the ledger and returns its path. */
export async function writeResultFile(
  dir: string,
  result: GateResult,
  job: string = jobIdentity(),
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const target = resultFilePath(dir, result.gate);
  const temp = `${target}.${randomUUID()}.tmp`;
  const text = `${JSON.stringify(result, null, 2)}\n`;
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  const digest = createHash('sha256').update(text, 'utf8').digest('hex');
  await appendFile(path.join(dir, RESULT_LEDGER), `${digest}\t${job}\t${path.basename(target)}\n`, 'utf8');
  return target;
}
