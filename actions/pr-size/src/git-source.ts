/**
 * Counts from the clone: `git diff --numstat -z -M <merge-base> <head>`, as GitHub's PR diff
 * does (head against the merge base), and the linguist attributes with `git check-attr`.
 */
import type { GateIO } from '@aeef/gate-result';
import { LINGUIST_ATTRIBUTES, parseCheckAttr } from './check-attr.js';
import type { LinguistAttributes } from './check-attr.js';
import type { AttributesSource, DiffFile, SizeModel } from './model.js';
import { parseNumstat } from './numstat.js';
import type { SizeTarget } from './pr-event.js';

/** Keeps each check-attr command line well under the kernel's argument limits. */
const MAX_ARG_BYTES = 96 * 1024;

/** git learned `check-attr --source` in 2.40; older gits read the checked-out tree. */
async function supportsAttrSource(io: GateIO): Promise<boolean> {
  const m = /(\d+)\.(\d+)/.exec(await io.git(['version']));
  return m !== null && (Number(m[1]) > 2 || (Number(m[1]) === 2 && Number(m[2]) >= 40));
}

function batchPaths(paths: readonly string[]): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let bytes = 0;
  for (const p of paths) {
    if (batch.length > 0 && bytes + p.length > MAX_ARG_BYTES) {
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

/** Linguist attributes of the paths, as git resolves them in the head commit. */
export async function readAttributes(
  io: GateIO,
  headSha: string,
  files: readonly DiffFile[],
): Promise<{ attributes: Map<string, LinguistAttributes>; source: AttributesSource; note?: string }> {
  const paths = files.filter((f) => !f.binary).map((f) => f.path);
  const attributes = new Map<string, LinguistAttributes>();
  if (paths.length === 0) return { attributes, source: 'git check-attr' };
  // Paths from git diff are relative to the top; check-attr takes them relative to the cwd.
  const cdup = (await io.git(['rev-parse', '--show-cdup'])).trim();
  const withSource = await supportsAttrSource(io);
  const sourceArgs = withSource ? [`--source=${headSha}`] : [];
  for (const batch of batchPaths(paths)) {
    const output = await io.git([
      'check-attr',
      '-z',
      ...sourceArgs,
      ...LINGUIST_ATTRIBUTES,
      '--',
      ...batch.map((p) => cdup + p),
    ]);
    for (const [path, value] of parseCheckAttr(output)) attributes.set(path.slice(cdup.length), value);
  }
  const note = withSource
    ? undefined
    : 'Attributes were read from the checked-out tree (git older than 2.40 has no `check-attr --source`).';
  return { attributes, source: 'git check-attr', ...(note ? { note } : {}) };
}

/**
 * The count from git, or the reason git cannot count (a commit or the merge base is not in the
 * clone, e.g. a shallow checkout), so the caller can fall back to the API.
 */
export async function countFromGit(
  io: GateIO,
  target: SizeTarget,
): Promise<SizeModel | { unavailable: string }> {
  let mergeBase: string;
  try {
    mergeBase = (await io.git(['merge-base', target.baseSha, target.headSha])).trim();
  } catch {
    return {
      unavailable: `the merge base of ${target.baseSha.slice(0, 7)} and ${target.headSha.slice(0, 7)} is not in the clone (set \`fetch-depth: 0\` on actions/checkout to count from git)`,
    };
  }
  const numstat = await io.git([
    'diff',
    '--numstat',
    '-z',
    '-M',
    '--no-relative',
    '--no-ext-diff',
    mergeBase,
    target.headSha,
  ]);
  const files = parseNumstat(numstat);
  const { attributes, source, note } = await readAttributes(io, target.headSha, files);
  return {
    source: 'git',
    range: `${mergeBase.slice(0, 7)}...${target.headSha.slice(0, 7)}`,
    files,
    attributes,
    attributesSource: source,
    notes: note ? [note] : [],
  };
}
