/**
 * The provenance of a merged pull request for the split delivery KPIs, decided with the provenance
 * gate's identity table and pure classifier (no second table to drift): the PR's author (an agent
 * app), a generator footer in its body and its labels from the pulls list, and, where its commits
 * were fetched, their authors, trailers and footers. Pure: the fetching is in fetch-pulls.ts.
 */
import { classifyCommit, classifyPull, type CommitFacts } from '@aeef/action-provenance/classify';
import {
  BUILTIN_IDENTITIES,
  compileIdentities,
  parseUserIdentity,
  type IdentityMatcher,
} from '@aeef/action-provenance/identities';

/** The curated table of actions/provenance/data/ai-identities.yml. */
export const BUILTIN_MATCHER: IdentityMatcher = compileIdentities(BUILTIN_IDENTITIES);

/**
 * The built-in table with the user's `ai-identities` entries (the provenance gate's syntax), theirs
 * first as the provenance gate orders them; throws InputError on a malformed entry.
 */
export function identityMatcher(entries: readonly string[]): IdentityMatcher {
  if (entries.length === 0) return BUILTIN_MATCHER;
  return compileIdentities([...entries.map(parseUserIdentity), ...BUILTIN_IDENTITIES]);
}

/** What the pulls list says of a PR. */
export interface ListedPull {
  number: number;
  authorLogin: string;
  authorType: string;
  title: string;
  body: string;
  labels: string[];
}

/** How a PR was found AI-involved: from the list (author, body footer, label) or from its commits. */
export type AiEvidence = 'pull' | 'commits';

/** The tools the pulls list shows for a PR (none: human as far as the list tells). */
export function toolsOfListedPull(pull: ListedPull, match: IdentityMatcher = BUILTIN_MATCHER): string[] {
  return [...new Set(classifyPull(pull, match).map((s) => s.tool))].sort();
}

/** The tools a PR's commits show (bot authors, AI trailers, generator footers). */
export function toolsOfCommits(
  commits: readonly CommitFacts[],
  match: IdentityMatcher = BUILTIN_MATCHER,
): string[] {
  return [...new Set(commits.flatMap((c) => classifyCommit(c, match).tools))].sort();
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * One item of `GET /pulls/{n}/commits` as the classifier's facts; undefined when it is not a
 * commit. Line counts are not in the list and the split KPIs do not need them.
 */
export function commitFromApi(item: unknown): CommitFacts | undefined {
  if (!isObject(item) || !isObject(item.commit)) return undefined;
  const commit = item.commit;
  const author = isObject(commit.author) ? commit.author : {};
  const committer = isObject(commit.committer) ? commit.committer : {};
  const authorLogin = isObject(item.author) ? str(item.author.login) : '';
  const committerLogin = isObject(item.committer) ? str(item.committer.login) : '';
  return {
    sha: str(item.sha),
    authorName: str(author.name),
    authorEmail: str(author.email),
    committerName: str(committer.name),
    committerEmail: str(committer.email),
    ...(authorLogin === '' ? {} : { authorLogin }),
    ...(committerLogin === '' ? {} : { committerLogin }),
    message: str(commit.message),
    parents: Array.isArray(item.parents) ? item.parents.length : 1,
    additions: 0,
    deletions: 0,
  };
}
