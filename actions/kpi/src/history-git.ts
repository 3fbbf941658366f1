/**
 * Appends a record to the history branch with git plumbing only (fetch, hash-object, mktree,
 * commit-tree, push): the job's checkout is never touched. A rejected push (another run appended
 * first) is retried from a fresh fetch, so concurrent runs never lose a record.
 */
import { ConfigError, type GateIO } from '@aeef/gate-result';
import { renderDashboard } from './dashboard.js';
import { HISTORY_DIR, parseHistory, recordLine, shardPath, type ParsedHistory } from './history-record.js';
import type { KpiReport } from './kpi-report.js';

type Git = GateIO['git'];

const LOCAL_REF = 'refs/aeef/kpi-history';
const IDENTITY = ['-c', 'user.name=aeef-gates', '-c', 'user.email=aeef-gates@users.noreply.github.com'];
export const MAX_PUSH_ATTEMPTS = 5;

export interface HistoryOutcome {
  /** The records before this run's, oldest first. */
  previous: ParsedHistory;
  commit: string;
  attempts: number;
}

export interface HistoryState {
  parent: string | null;
  history: ParsedHistory;
  shards: Map<string, string>;
}

/** Reads the history branch from `origin` (empty when the branch does not exist yet). */
export async function readHistory(git: Git, branch: string): Promise<HistoryState> {
  const parent = await fetchBranch(git, branch);
  const shards = new Map<string, string>();
  if (parent !== null) {
    const listing = await git(['ls-tree', '--name-only', `${parent}:${HISTORY_DIR}`]).catch(() => '');
    for (const name of listing.split('\n').filter((n) => n.endsWith('.ndjson'))) {
      shards.set(`${HISTORY_DIR}/${name}`, await git(['show', `${parent}:${HISTORY_DIR}/${name}`]));
    }
  }
  return { parent, history: parseHistory([...shards.values()]), shards };
}

export async function appendHistory(
  git: Git,
  branch: string,
  report: KpiReport,
  title: string,
): Promise<HistoryOutcome> {
  for (let attempt = 1; ; attempt++) {
    const { parent, history, shards } = await readHistory(git, branch);
    const shard = shardPath(report);
    shards.set(shard, (shards.get(shard) ?? '') + recordLine(report));
    const all = parseHistory([...shards.values()]);
    const tree = await writeTree(git, shards, renderDashboard(all.records, title));
    const message = `KPI record for ${report.commit?.slice(0, 12) ?? 'a run'}`;
    const commit = (
      await git([...IDENTITY, 'commit-tree', tree, ...(parent !== null ? ['-p', parent] : []), '-m', message])
    ).trim();
    try {
      await git(['push', '--quiet', 'origin', `${commit}:refs/heads/${branch}`]);
      return { previous: history, commit, attempts: attempt };
    } catch (error) {
      // Most often a non-fast-forward: another run appended first. Read again and re-append.
      if (attempt >= MAX_PUSH_ATTEMPTS) {
        throw new ConfigError(
          `Could not push the KPI history to \`${branch}\` after ${attempt} attempts (${firstLine(error)}); the job needs \`contents: write\`.`,
        );
      }
    }
  }
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

async function writeTree(git: Git, shards: Map<string, string>, dashboard: string): Promise<string> {
  const blob = async (text: string): Promise<string> =>
    (await git(['hash-object', '-w', '--stdin'], { stdin: text })).trim();
  const historyEntries: string[] = [];
  for (const [file, text] of [...shards].sort(([a], [b]) => a.localeCompare(b))) {
    historyEntries.push(`100644 blob ${await blob(text)}\t${file.slice(HISTORY_DIR.length + 1)}`);
  }
  const historyTree = (await git(['mktree'], { stdin: `${historyEntries.join('\n')}\n` })).trim();
  const root = [
    `100644 blob ${await blob('')}\t.nojekyll`,
    `040000 tree ${historyTree}\t${HISTORY_DIR}`,
    `100644 blob ${await blob(dashboard)}\tindex.html`,
  ];
  return (await git(['mktree'], { stdin: `${root.join('\n')}\n` })).trim();
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
