/**
 * The files git tracks in the workspace (`git ls-files`, relative to it), for mapping report paths
 * written on another machine (see path-mapping.ts). The gate hands in the runtime's git.
 */
import { getErrorMessage } from '../errors.js';
import { parseLsFiles } from '../path-mapping.js';
import type { GitRunner } from './git-source.js';

/** The tracked files, or why git could not list them (no clone, git missing). */
export async function readTrackedFiles(git: GitRunner): Promise<string[] | { reason: string }> {
  try {
    return parseLsFiles(await git(['-c', 'core.quotePath=false', 'ls-files', '-z', '--cached']));
  } catch (error) {
    return { reason: `git ls-files failed (${getErrorMessage(error).split('\n')[0]?.slice(0, 160)})` };
  }
}
