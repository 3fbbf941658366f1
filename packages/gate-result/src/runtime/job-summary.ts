/**
 * Appends to the job summary file. Written here rather than through `core.summary`, which caches
 * the file path for the life of the process (so a second run in one process, as in tests or the
 * CLI, would write to the first run's file).
 */
import { appendFile, stat } from 'node:fs/promises';

/** Appends `markdown` to `$GITHUB_STEP_SUMMARY`; throws when it is unset or not a writable file. */
export async function appendJobSummary(
  markdown: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) throw new Error('GITHUB_STEP_SUMMARY is not set');
  const stats = await stat(file).catch(() => undefined);
  if (stats !== undefined && !stats.isFile()) throw new Error('GITHUB_STEP_SUMMARY is not a regular file');
  await appendFile(file, markdown, { encoding: 'utf8' });
}
