/**
 * Collection (through GateIO only): the PR's diff with the lines' text, and the whole base and head
 * versions of the few files judged structurally (workflows, tool configs).
 */
import { ConfigError, getErrorMessage, resolveChangeSet } from '@aeef/gate-result';
import type { ChangeSet, GateIO } from '@aeef/gate-result';
import { toolConfigOf } from './tool-config.js';
import { WORKFLOW_FILE } from './workflows.js';

/** A workflow or tool config larger than this is not a config: refused, not parsed. */
const MAX_TEXT_BYTES = 2 * 1024 * 1024;

export async function readDiff(io: GateIO): Promise<ChangeSet> {
  const changes = await resolveChangeSet({
    event: io.event,
    git: (args) => io.git(args),
    ...(io.github === undefined ? {} : { github: io.github }),
    log: io.log,
    text: true,
  });
  if (!changes) {
    throw new ConfigError(
      `The integrity gate judges the diff of a pull request, merge group or push, but this ${io.event.name} event has none (run it on pull_request).`,
    );
  }
  if (changes.incomplete) {
    throw new ConfigError(
      `The integrity gate cannot judge an incomplete diff, since a weakening change could hide in the missing part: ${changes.incomplete.replace(/\.$/, '')}. Check out the history (actions/checkout with fetch-depth: 0) so git gives every line.`,
    );
  }
  return changes;
}

/** The files whose whole text the checks need. */
export function textsNeeded(changes: ChangeSet): string[] {
  const paths = new Set<string>();
  for (const file of changes.files) {
    if (WORKFLOW_FILE.test(file.path) || toolConfigOf(file.path)) {
      paths.add(file.path);
      if (file.previousPath) paths.add(file.previousPath);
    }
  }
  return [...paths].sort();
}

async function showAt(
  io: GateIO,
  changes: ChangeSet,
  sha: string,
  path: string,
): Promise<string | undefined> {
  if (changes.source === 'git') {
    try {
      // `./` makes the path relative to the working directory, as the diff's paths are.
      const text = await io.git(['show', `${sha}:./${path}`]);
      if (Buffer.byteLength(text) > MAX_TEXT_BYTES) throw tooLarge(path);
      return text;
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      return undefined; // not in that commit
    }
  }
  return readFromApi(io, sha, path);
}

async function readFromApi(io: GateIO, ref: string, path: string): Promise<string | undefined> {
  const { github } = io;
  const repository = io.event.repository;
  if (!github || !repository) {
    throw new ConfigError(`Cannot read ${path} at ${ref.slice(0, 12)}: no git history and no GitHub token.`);
  }
  let response;
  try {
    response = await github.request<unknown>('GET /repos/{owner}/{repo}/contents/{path}', {
      ...repository,
      path,
      ref,
    });
  } catch (error) {
    if (/\b404\b/.test(getErrorMessage(error))) return undefined;
    throw error;
  }
  const data = response.data as { content?: unknown; encoding?: unknown; size?: unknown };
  if (typeof data.size === 'number' && data.size > MAX_TEXT_BYTES) throw tooLarge(path);
  if (typeof data.content !== 'string' || data.encoding !== 'base64') {
    throw new ConfigError(`The GitHub API returned ${path} at ${ref.slice(0, 12)} without base64 content.`);
  }
  return Buffer.from(data.content, 'base64').toString('utf8');
}

function tooLarge(path: string): ConfigError {
  return new ConfigError(
    `${path} is larger than ${MAX_TEXT_BYTES / 1024 / 1024} MiB, which no workflow or tool configuration is; refusing to parse it.`,
  );
}

export async function readTexts(
  io: GateIO,
  changes: ChangeSet,
): Promise<Map<string, { base?: string; head?: string }>> {
  const texts = new Map<string, { base?: string; head?: string }>();
  for (const path of textsNeeded(changes)) {
    const base = await showAt(io, changes, changes.base, path);
    const head = await showAt(io, changes, changes.head, path);
    texts.set(path, { ...(base === undefined ? {} : { base }), ...(head === undefined ? {} : { head }) });
  }
  return texts;
}
