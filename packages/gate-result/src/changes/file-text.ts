/**
 * The whole base and head versions of a few changed files, for gates that judge structure rather
 * than lines (workflows, tool configs, Terraform): `git show <sha>:./<path>` when the diff came from
 * git, else the contents API at that ref. Through GateIO only, so gates stay testable.
 */
import { ConfigError, GitHubApiError } from '../errors.js';
import type { ChangeSet, GateIO } from '../gate.js';
import { resolveChangeSet } from './resolve.js';

export interface FileTexts {
  /** Absent: the file does not exist at that commit. */
  base?: string;
  head?: string;
}

/** No configuration file is larger; a bigger one is refused rather than parsed. */
export const MAX_FILE_TEXT_BYTES = 2 * 1024 * 1024;

function tooLarge(path: string, maxBytes: number): ConfigError {
  return new ConfigError(
    `${path} is larger than ${Math.round(maxBytes / 1024)} KiB, more than any file of its kind; refusing to parse it.`,
  );
}

async function fromGit(io: GateIO, sha: string, path: string, maxBytes: number): Promise<string | undefined> {
  let text: string;
  try {
    // `./` makes the path relative to the working directory, as the diff's paths are.
    text = await io.git(['show', `${sha}:./${path}`]);
  } catch {
    return undefined; // not in that commit
  }
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge(path, maxBytes);
  return text;
}

async function fromApi(io: GateIO, ref: string, path: string, maxBytes: number): Promise<string | undefined> {
  const { github } = io;
  const repository = io.event.repository;
  if (!github || !repository) {
    throw new ConfigError(`Cannot read ${path} at ${ref.slice(0, 12)}: no git history and no GitHub token.`);
  }
  let data: { content?: unknown; encoding?: unknown; size?: unknown };
  try {
    const response = await github.request<unknown>('GET /repos/{owner}/{repo}/contents/{path}', {
      ...repository,
      path,
      ref,
    });
    data = response.data ?? {};
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 404) return undefined;
    throw error;
  }
  if (typeof data.size === 'number' && data.size > maxBytes) throw tooLarge(path, maxBytes);
  if (typeof data.content !== 'string' || data.encoding !== 'base64') {
    throw new ConfigError(`The GitHub API returned ${path} at ${ref.slice(0, 12)} without base64 content.`);
  }
  const text = Buffer.from(data.content, 'base64');
  if (text.length > maxBytes) throw tooLarge(path, maxBytes);
  return text.toString('utf8');
}

/** Base and head texts of `paths` (repository paths of the change set), read one by one. */
export async function readChangedFileTexts(
  io: GateIO,
  changes: ChangeSet,
  paths: readonly string[],
  maxBytes = MAX_FILE_TEXT_BYTES,
): Promise<Map<string, FileTexts>> {
  const read = (sha: string, path: string): Promise<string | undefined> =>
    changes.source === 'git' ? fromGit(io, sha, path, maxBytes) : fromApi(io, sha, path, maxBytes);
  const texts = new Map<string, FileTexts>();
  for (const path of paths) {
    const base = await read(changes.base, path);
    const head = await read(changes.head, path);
    texts.set(path, { ...(base === undefined ? {} : { base }), ...(head === undefined ? {} : { head }) });
  }
  return texts;
}

/**
 * The whole diff with the lines' text, for gates that judge what a change says (integrity,
 * destructive). No diff, or an incomplete one, is an error naming `gate`: what it looks for
 * (`what`) could hide in the missing part.
 */
export async function readCompleteTextDiff(io: GateIO, gate: string, what: string): Promise<ChangeSet> {
  const changes = await resolveChangeSet({
    event: io.event,
    git: (args) => io.git(args),
    ...(io.github === undefined ? {} : { github: io.github }),
    log: io.log,
    text: true,
  });
  if (!changes) {
    throw new ConfigError(
      `The ${gate} gate judges the diff of a pull request, merge group or push, but this ${io.event.name} event has none (run it on pull_request).`,
    );
  }
  if (changes.incomplete) {
    throw new ConfigError(
      `The ${gate} gate cannot judge an incomplete diff, since ${what} could hide in the missing part: ${changes.incomplete.replace(/\.$/, '')}. Check out the history (actions/checkout with fetch-depth: 0) so git gives every line.`,
    );
  }
  return changes;
}
