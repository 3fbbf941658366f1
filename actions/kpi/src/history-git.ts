/**
 * Appends a record to the history branch with git plumbing only (fetch, ls-tree, hash-object,
 * mktree, commit-tree, push): the job's checkout is never touched. The branch must be one this
 * export created (it carries a marker file); the default branch, the branch being built and any
 * other branch are refused, so a misconfigured `history-branch: main` or `gh-pages` can never be
 * rewritten. Entries of the tree it does not own are kept as they are. A rejected push (another
 * run appended first) is retried from a fresh fetch after a jittered backoff, so concurrent runs
 * never lose a record.
 */
import { ConfigError, type EventContext, type GateIO } from '@aeef/gate-result';
import { BADGES_DIR, badgeFiles } from './badges.js';
import { renderDashboard } from './dashboard.js';
import { HISTORY_DIR, parseHistory, recordLine, shardPath, type ParsedHistory } from './history-record.js';
import type { KpiReport } from './kpi-report.js';

type Git = GateIO['git'];

const LOCAL_REF = 'refs/aeef/kpi-history';
const IDENTITY = ['-c', 'user.name=aeef-gates', '-c', 'user.email=aeef-gates@users.noreply.github.com'];
export const MAX_PUSH_ATTEMPTS = 8;
/** Written at the root when the export creates the branch, and required on every later run. */
export const MARKER_FILE = '.aeef-kpi-history';
const MARKER_TEXT =
  'This branch holds the KPI history of aeef/gates (actions/kpi). The KPI export writes only to branches that carry this file.\n';
const DASHBOARD = 'index.html';
const NOJEKYLL = '.nojekyll';
/** The root entries this export writes; every other entry of the tree is kept as it is. */
const OWNED = new Set([MARKER_FILE, DASHBOARD, NOJEKYLL, HISTORY_DIR, BADGES_DIR]);

export interface HistoryOutcome {
  /** The records before this run's, in append order. */
  previous: ParsedHistory;
  commit: string;
  attempts: number;
}

interface TreeEntry {
  mode: string;
  type: string;
  sha: string;
  name: string;
}

export interface HistoryState {
  parent: string | null;
  history: ParsedHistory;
  /** Root entries of the branch's tree (none for a new branch). */
  root: TreeEntry[];
  /** Entries of `history/`, shards and anything else a user put there. */
  historyEntries: TreeEntry[];
  /** Shard texts by file name inside `history/`. */
  shards: Map<string, string>;
  /** Entries of `badges/`: each append replaces its gates' badges and keeps the others. */
  badgeEntries: TreeEntry[];
}

/** Backoff between push attempts; injectable so tests do not wait. */
export interface Backoff {
  sleep(ms: number): Promise<void>;
  /** In [0, 1). */
  random(): number;
}

const REAL_BACKOFF: Backoff = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

/**
 * Refuses a `history-branch` that is the repository's default branch or the branch this run
 * builds (push ref, PR head and base, merge queue, workflow_run): those hold code, not KPI data.
 */
export function refuseCodeBranch(branch: string, event: EventContext): void {
  const payload = event.payload;
  const named: [string, unknown][] = [
    ['the default branch', at(payload, ['repository', 'default_branch'])],
    ['the branch this run builds', at(payload, ['ref'])],
    ['the pull request head branch', at(payload, ['pull_request', 'head', 'ref'])],
    ['the pull request base branch', at(payload, ['pull_request', 'base', 'ref'])],
    ['the merge queue branch', at(payload, ['merge_group', 'head_ref'])],
    ['the merge queue base branch', at(payload, ['merge_group', 'base_ref'])],
    ['the branch this run builds', at(payload, ['workflow_run', 'head_branch'])],
  ];
  for (const [what, value] of named) {
    if (typeof value === 'string' && value.replace(/^refs\/heads\//, '') === branch) {
      throw new ConfigError(
        `Refusing \`history-branch: ${branch}\`: it is ${what}, and the KPI export would replace its files; name a branch of its own, such as \`kpi-data\`.`,
      );
    }
  }
}

/**
 * Reads the history branch from `origin` (empty when the branch does not exist yet); throws
 * ConfigError when the branch exists but was not created by this export.
 */
export async function readHistory(git: Git, branch: string): Promise<HistoryState> {
  const parent = await fetchBranch(git, branch);
  const state: HistoryState = {
    parent,
    history: parseHistory([]),
    root: [],
    historyEntries: [],
    shards: new Map(),
    badgeEntries: [],
  };
  if (parent === null) return state;
  state.root = await lsTree(git, parent);
  const dir = state.root.find((e) => e.name === HISTORY_DIR && e.type === 'tree');
  state.historyEntries = dir === undefined ? [] : await lsTree(git, dir.sha);
  const badges = state.root.find((e) => e.name === BADGES_DIR && e.type === 'tree');
  state.badgeEntries = badges === undefined ? [] : await lsTree(git, badges.sha);
  if (!ownsTree(state.root, state.historyEntries)) {
    throw new ConfigError(
      `Refusing \`history-branch: ${branch}\`: the branch exists and was not created by the KPI export (its tree has no \`${MARKER_FILE}\`), so writing the KPI tree there would replace its files; name a new branch, such as \`kpi-data\` (or, for a history branch of an earlier version that has other files too, commit an empty \`${MARKER_FILE}\` to it).`,
    );
  }
  for (const entry of state.historyEntries) {
    if (entry.type === 'blob' && entry.name.endsWith('.ndjson'))
      state.shards.set(entry.name, await git(['cat-file', 'blob', entry.sha]));
  }
  state.history = parseHistory([...state.shards.values()]);
  return state;
}

/**
 * The marker, or the exact layout older versions of this export wrote before the marker existed
 * (`.nojekyll`, `index.html` and `history/` of `.ndjson` shards only): the next append adds it.
 */
function ownsTree(root: readonly TreeEntry[], history: readonly TreeEntry[]): boolean {
  if (root.some((e) => e.name === MARKER_FILE && e.type === 'blob')) return true;
  const names = root.map((e) => e.name).sort();
  return (
    names.join('\0') === [NOJEKYLL, DASHBOARD, HISTORY_DIR].sort().join('\0') &&
    root.some((e) => e.name === HISTORY_DIR && e.type === 'tree') &&
    history.every((e) => e.type === 'blob' && e.name.endsWith('.ndjson'))
  );
}

export async function appendHistory(
  git: Git,
  branch: string,
  report: KpiReport,
  title: string,
  backoff: Backoff = REAL_BACKOFF,
): Promise<HistoryOutcome> {
  for (let attempt = 1; ; attempt++) {
    const state = await readHistory(git, branch);
    const shard = shardPath(report).slice(HISTORY_DIR.length + 1);
    const text = (state.shards.get(shard) ?? '') + recordLine(report, state.history.nextSeq);
    const all = [...state.history.records, report];
    const tree = await writeTree(
      git,
      state,
      shard,
      text,
      renderDashboard(all, title),
      badgeFiles(report.gates),
    );
    const message = `KPI record for ${report.commit?.slice(0, 12) ?? 'a run'}`;
    const parents = state.parent !== null ? ['-p', state.parent] : [];
    const commit = (await git([...IDENTITY, 'commit-tree', tree, ...parents, '-m', message])).trim();
    try {
      await git(['push', '--quiet', 'origin', `${commit}:refs/heads/${branch}`]);
      return { previous: state.history, commit, attempts: attempt };
    } catch (error) {
      const reason = firstLine(error);
      if (!(await movedSince(git, branch, state.parent))) {
        throw new ConfigError(
          `Could not push the KPI history to \`${branch}\` (${reason}); the job needs \`contents: write\`.`,
        );
      }
      if (attempt >= MAX_PUSH_ATTEMPTS) {
        throw new ConfigError(
          `Could not push the KPI history to \`${branch}\` after ${attempt} attempts: other runs kept appending first (${reason}).`,
        );
      }
      await backoff.sleep(backoffDelay(attempt, backoff.random()));
    }
  }
}

/** Full jitter over an exponential window (250 ms, 500 ms, ... capped at 8 s), so racing runs spread out. */
export function backoffDelay(attempt: number, random: number): number {
  const window = Math.min(8000, 250 * 2 ** (attempt - 1));
  return Math.round(window / 2 + random * (window / 2));
}

/**
 * A push lost to another run's when the branch moved since it was read; git's messages do not say
 * so reliably (its first stderr line is `To <url>`). Unmoved, the push was refused (permissions).
 */
async function movedSince(git: Git, branch: string, parent: string | null): Promise<boolean> {
  return (await fetchBranch(git, branch)) !== parent;
}

async function fetchBranch(git: Git, branch: string): Promise<string | null> {
  try {
    await git(['fetch', '--quiet', '--no-tags', 'origin', `+refs/heads/${branch}:${LOCAL_REF}`]);
  } catch (error) {
    if (/couldn't find remote ref|not found/i.test(firstLine(error))) return null;
    throw new ConfigError(`Could not fetch the KPI history branch \`${branch}\`: ${firstLine(error)}`);
  }
  return (await git(['rev-parse', LOCAL_REF])).trim();
}

/** `ls-tree -z`: names exactly as stored (non-ASCII, spaces, newlines), directories as trees. */
async function lsTree(git: Git, treeish: string): Promise<TreeEntry[]> {
  const out = await git(['ls-tree', '-z', treeish]);
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type = '', sha = ''] = record.slice(0, tab).split(' ');
    entries.push({ mode, type, sha, name: record.slice(tab + 1) });
  }
  return entries;
}

async function mktree(git: Git, entries: readonly TreeEntry[]): Promise<string> {
  const input = entries.map((e) => `${e.mode} ${e.type} ${e.sha}\t${e.name}\0`).join('');
  return (await git(['mktree', '-z'], { stdin: input })).trim();
}

async function writeTree(
  git: Git,
  state: HistoryState,
  shard: string,
  text: string,
  dashboard: string,
  badges: ReadonlyMap<string, string>,
): Promise<string> {
  const blob = async (content: string): Promise<TreeEntry & { type: 'blob' }> => ({
    mode: '100644',
    type: 'blob',
    sha: (await git(['hash-object', '-w', '--stdin'], { stdin: content })).trim(),
    name: '',
  });
  const history = [
    ...state.historyEntries.filter((e) => e.name !== shard),
    { ...(await blob(text)), name: shard },
  ];
  const badgeTree = [...state.badgeEntries.filter((e) => !badges.has(e.name))];
  for (const [name, json] of badges) badgeTree.push({ ...(await blob(json)), name });
  const root = [
    ...state.root.filter((e) => !OWNED.has(e.name)),
    ...(badgeTree.length > 0
      ? [{ mode: '040000', type: 'tree', sha: await mktree(git, badgeTree), name: BADGES_DIR }]
      : []),
    { ...(await blob(MARKER_TEXT)), name: MARKER_FILE },
    { ...(await blob('')), name: NOJEKYLL },
    { mode: '040000', type: 'tree', sha: await mktree(git, history), name: HISTORY_DIR },
    { ...(await blob(dashboard)), name: DASHBOARD },
  ];
  return mktree(git, root);
}

function at(value: unknown, path: readonly string[]): unknown {
  let cur: unknown = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
