/**
 * Counts from the clone: `git diff --numstat -z -M <merge-base> <head>`, as GitHub's PR diff
 * does (head against the merge base), and the linguist attributes with `git check-attr`.
 */
import { getErrorMessage } from '@aeef/gate-result';
import type { GateIO } from '@aeef/gate-result';
import { LINGUIST_ATTRIBUTES, parseCheckAttr } from './check-attr.js';
import type { LinguistAttributes } from './check-attr.js';
import type { AttributesSource, SizeModel } from './model.js';
import { parseNumstat } from './numstat.js';
import type { SizeTarget } from './pr-event.js';

/** From this many paths on, two check-attr processes share the work (a runner has 2 cores or more). */
const PARALLEL_FROM = 1000;

/** git learned `check-attr --source` in 2.40; older gits read the checked-out tree. */
async function supportsAttrSource(io: GateIO): Promise<boolean> {
  const m = /(\d+)\.(\d+)/.exec(await io.git(['version']));
  return m !== null && (Number(m[1]) > 2 || (Number(m[1]) === 2 && Number(m[2]) >= 40));
}

/** One batch, or two halves when there are enough paths to keep two processes busy. */
function batchPaths(paths: readonly string[]): (readonly string[])[] {
  if (paths.length < PARALLEL_FROM) return paths.length === 0 ? [] : [paths];
  const half = Math.ceil(paths.length / 2);
  return [paths.slice(0, half), paths.slice(half)];
}

export interface GitContext {
  /** `../` steps from the cwd up to the top of the work tree (git diff paths are top-relative). */
  cdup: string;
  withSource: boolean;
}

async function readGitContext(io: GateIO): Promise<GitContext> {
  const [cdup, withSource] = await Promise.all([
    io.git(['rev-parse', '--show-cdup']),
    supportsAttrSource(io),
  ]);
  return { cdup: cdup.trim(), withSource };
}

/** Linguist attributes of the paths (top-relative), as git resolves them in the head commit. */
export async function readAttributes(
  io: GateIO,
  headSha: string,
  paths: readonly string[],
  context: GitContext,
): Promise<{ attributes: Map<string, LinguistAttributes>; source: AttributesSource; note?: string }> {
  const attributes = new Map<string, LinguistAttributes>();
  const { cdup, withSource } = context;
  const sourceArgs = withSource ? [`--source=${headSha}`] : [];
  // Paths go through stdin (NUL-separated), so no command line limit applies however many there are.
  const outputs = await Promise.all(
    batchPaths(paths).map((batch) =>
      io.git(['check-attr', '-z', '--stdin', ...sourceArgs, ...LINGUIST_ATTRIBUTES], {
        stdin: batch.map((p) => `${cdup}${p}\0`).join(''),
      }),
    ),
  );
  for (const output of outputs) {
    for (const [path, value] of parseCheckAttr(output)) attributes.set(path.slice(cdup.length), value);
  }
  const note = withSource
    ? undefined
    : 'Attributes were read from the checked-out tree (git older than 2.40 has no check-attr --source).';
  return { attributes, source: 'git check-attr', ...(note ? { note } : {}) };
}

/**
 * The attributes of every path the diff touches, found from a tree-only diff (`--name-only`
 * compares no blobs, so it is quick) while the numstat is still being computed.
 */
async function readDiffAttributes(io: GateIO, range: string, headSha: string, context: Promise<GitContext>) {
  const names = await io.git(['diff', '--name-only', '-z', '--no-relative', range]);
  const paths = names.split('\0').filter((p) => p !== '' && p !== '\n');
  return readAttributes(io, headSha, paths, await context);
}

/**
 * The count from git, or the reason git cannot count (a commit or the merge base is not in the
 * clone, e.g. a shallow checkout), so the caller can fall back to the API. `base...head` makes git
 * diff the head against the merge base itself, as GitHub's PR diff does, with no extra process.
 */
export async function countFromGit(
  io: GateIO,
  target: SizeTarget,
): Promise<SizeModel | { unavailable: string }> {
  const range = `${target.baseSha}...${target.headSha}`;
  const context = readGitContext(io);
  const attributes = readDiffAttributes(io, range, target.headSha, context);
  // Awaited later, or never when git cannot count: never an unhandled rejection meanwhile.
  context.catch(() => undefined);
  attributes.catch(() => undefined);
  let numstat: string;
  try {
    numstat = await io.git(['diff', '--numstat', '-z', '-M', '--no-relative', '--no-ext-diff', range]);
  } catch (error) {
    const why = getErrorMessage(error).split('\n')[0]?.slice(0, 200) ?? '';
    return {
      unavailable: `git cannot diff ${target.baseSha.slice(0, 7)}...${target.headSha.slice(0, 7)} in this clone (${why}; set fetch-depth: 0 on actions/checkout to count from git)`,
    };
  }
  const files = parseNumstat(numstat);
  const { attributes: map, source, note } = await attributes;
  return {
    source: 'git',
    range: `${target.baseSha.slice(0, 7)}...${target.headSha.slice(0, 7)}`,
    files,
    attributes: map,
    attributesSource: source,
    notes: note ? [note] : [],
  };
}
