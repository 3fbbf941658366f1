/**
 * Counts from the clone: `git diff --numstat -z -M <merge-base> <head>`, as GitHub's PR diff
 * does (head against the merge base), and the linguist attributes with `git check-attr`.
 */
import type { GateIO } from '@aeef/gate-result';
import { LINGUIST_ATTRIBUTES, parseCheckAttr } from './check-attr.js';
import type { LinguistAttributes } from './check-attr.js';
import type { AttributesSource, SizeModel } from './model.js';
import { parseNumstat } from './numstat.js';
import type { SizeTarget } from './pr-event.js';

/** Keeps each check-attr command line well under the kernel's argument limits. */
const MAX_ARG_BYTES = 96 * 1024;

/** Enough paths per check-attr process that two of them keep both cores of a runner busy. */
const PARALLEL_FROM = 1000;

/** git learned `check-attr --source` in 2.40; older gits read the checked-out tree. */
async function supportsAttrSource(io: GateIO): Promise<boolean> {
  const m = /(\d+)\.(\d+)/.exec(await io.git(['version']));
  return m !== null && (Number(m[1]) > 2 || (Number(m[1]) === 2 && Number(m[2]) >= 40));
}

function batchPaths(paths: readonly string[]): string[][] {
  const batches: string[][] = [];
  const perBatch = paths.length >= PARALLEL_FROM ? Math.ceil(paths.length / 2) : paths.length;
  let batch: string[] = [];
  let bytes = 0;
  for (const p of paths) {
    if (batch.length > 0 && (bytes + p.length > MAX_ARG_BYTES || batch.length >= perBatch)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(p);
    bytes += p.length + 1;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

interface GitContext {
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
  const outputs = await Promise.all(
    batchPaths(paths).map((batch) =>
      io.git([
        'check-attr',
        '-z',
        ...sourceArgs,
        ...LINGUIST_ATTRIBUTES,
        '--',
        ...batch.map((p) => cdup + p),
      ]),
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
async function readDiffAttributes(
  io: GateIO,
  mergeBase: string,
  headSha: string,
  context: Promise<GitContext>,
) {
  const names = await io.git(['diff', '--name-only', '-z', '--no-relative', mergeBase, headSha]);
  const paths = names.split('\0').filter((p) => p !== '' && p !== '\n');
  return readAttributes(io, headSha, paths, await context);
}

/**
 * The count from git, or the reason git cannot count (a commit or the merge base is not in the
 * clone, e.g. a shallow checkout), so the caller can fall back to the API.
 */
export async function countFromGit(
  io: GateIO,
  target: SizeTarget,
): Promise<SizeModel | { unavailable: string }> {
  const context = readGitContext(io);
  // Awaited later, or never when git cannot count: never an unhandled rejection meanwhile.
  context.catch(() => undefined);
  let mergeBase: string;
  try {
    mergeBase = (await io.git(['merge-base', target.baseSha, target.headSha])).trim();
  } catch {
    return {
      unavailable: `the merge base of ${target.baseSha.slice(0, 7)} and ${target.headSha.slice(0, 7)} is not in the clone (set fetch-depth: 0 on actions/checkout to count from git)`,
    };
  }
  const diffArgs = [
    'diff',
    '--numstat',
    '-z',
    '-M',
    '--no-relative',
    '--no-ext-diff',
    mergeBase,
    target.headSha,
  ];
  const [numstat, { attributes, source, note }] = await Promise.all([
    io.git(diffArgs),
    readDiffAttributes(io, mergeBase, target.headSha, context),
  ]);
  const files = parseNumstat(numstat);
  return {
    source: 'git',
    range: `${mergeBase.slice(0, 7)}...${target.headSha.slice(0, 7)}`,
    files,
    attributes,
    attributesSource: source,
    notes: note ? [note] : [],
  };
}
