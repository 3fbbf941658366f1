/**
 * Pure classification: which AI tools a commit or a pull request shows, and by what evidence.
 * Evidence is raw text (clipped); every renderer escapes it.
 */
import type { IdentityMatcher } from './identities.js';

/** One commit as git (or the API) gives it. */
export interface CommitFacts {
  sha: string;
  authorName: string;
  authorEmail: string;
  committerName: string;
  committerEmail: string;
  /** From the API only; git knows no logins. */
  authorLogin?: string;
  committerLogin?: string;
  message: string;
  parents: number;
  /** Lines added and removed (0 for merge commits, whose changes are their parents'). */
  additions: number;
  deletions: number;
}

export type SignalKind =
  | 'author'
  | 'committer'
  | 'author-name'
  | 'committer-name'
  | 'trailer'
  | 'trailer-key'
  | 'footer'
  | 'subject'
  | 'pr-author'
  | 'pr-footer'
  | 'label';

export interface Signal {
  kind: SignalKind;
  tool: string;
  /** The text that matched (a trailer line, an address, a footer), clipped. */
  evidence: string;
}

export interface CommitVerdict {
  commit: CommitFacts;
  signals: Signal[];
  tools: string[];
  ai: boolean;
  /** An AI trailer (Co-authored-by / Assisted-by / Generated-by / Co-developed-by naming a tool) is present. */
  trailer: boolean;
}

export const AI_TRAILERS = ['co-authored-by', 'assisted-by', 'generated-by', 'co-developed-by'] as const;
const EVIDENCE_MAX = 200;
/** Trailers and footers sit in the text a person reads; beyond this a message is not scanned further. */
export const MESSAGE_SCAN_MAX = 256 * 1024;

const clip = (text: string): string =>
  text.length > EVIDENCE_MAX ? `${text.slice(0, EVIDENCE_MAX - 1)}…` : text;

/** `Name <address>` or `Name`; the kernel's `Assisted-by: AGENT:MODEL` gives the agent as the name. */
export function parseTrailerValue(key: string, value: string): { name: string; address?: string } {
  const trimmed = value.trim();
  const angled = /^(.*?)\s*<([^<>]*)>\s*$/.exec(trimmed);
  if (angled) return { name: (angled[1] ?? '').trim(), address: (angled[2] ?? '').trim() };
  if (key !== 'co-authored-by') {
    const colon = trimmed.indexOf(':');
    if (colon > 0 && !/^https?:/i.test(trimmed)) return { name: trimmed.slice(0, colon).trim() };
  }
  return { name: trimmed };
}

const TRAILER_LINE = /^[ \t]*([A-Za-z][A-Za-z0-9-]{0,62})[ \t]*:[ \t]*(.*)$/;

function trailerSignals(message: string, match: IdentityMatcher): { signals: Signal[]; trailer: boolean } {
  const signals: Signal[] = [];
  let trailer = false;
  for (const line of message.split(/\r?\n/)) {
    const parsed = TRAILER_LINE.exec(line);
    if (!parsed) continue;
    const key = (parsed[1] ?? '').toLowerCase();
    const keyTool = match.trailerKey(key);
    if (keyTool !== undefined)
      signals.push({ kind: 'trailer-key', tool: keyTool, evidence: clip(line.trim()) });
    if (!(AI_TRAILERS as readonly string[]).includes(key)) continue;
    const { name, address } = parseTrailerValue(key, parsed[2] ?? '');
    const tool =
      (address === undefined ? undefined : match.email(address)) ?? match.trailerName(name, address);
    if (tool !== undefined) {
      trailer = true;
      signals.push({ kind: 'trailer', tool, evidence: clip(line.trim()) });
    }
  }
  return { signals, trailer };
}

function identitySignals(
  kind: 'author' | 'committer',
  name: string,
  email: string,
  login: string | undefined,
  match: IdentityMatcher,
): Signal[] {
  const signals: Signal[] = [];
  const byLogin = login === undefined ? undefined : match.login(login);
  const byEmail = match.email(email);
  const tool = byLogin ?? byEmail;
  if (tool !== undefined)
    signals.push({ kind, tool, evidence: clip(byLogin !== undefined ? `@${login}` : `${name} <${email}>`) });
  const suffix = match.nameSuffix(name);
  if (suffix !== undefined) signals.push({ kind: `${kind}-name`, tool: suffix, evidence: clip(name) });
  return signals;
}

function subjectSignal(message: string, match: IdentityMatcher): Signal[] {
  const found = match.subjectPrefix(message);
  return found ? [{ kind: 'subject', tool: found.tool, evidence: clip(found.prefix.trim()) }] : [];
}

export function classifyCommit(commit: CommitFacts, match: IdentityMatcher): CommitVerdict {
  const message = commit.message.slice(0, MESSAGE_SCAN_MAX);
  const trailers = trailerSignals(message, match);
  const signals = [
    ...identitySignals('author', commit.authorName, commit.authorEmail, commit.authorLogin, match),
    ...identitySignals(
      'committer',
      commit.committerName,
      commit.committerEmail,
      commit.committerLogin,
      match,
    ),
    ...trailers.signals,
    ...subjectSignal(message, match),
    ...match
      .footers(message)
      .map(({ tool, footer }): Signal => ({ kind: 'footer', tool, evidence: clip(footer) })),
  ];
  const tools = [...new Set(signals.map((s) => s.tool))].sort();
  return { commit, signals, tools, ai: signals.length > 0, trailer: trailers.trailer };
}

/** The pull request as the event payload gives it. */
export interface PullFacts {
  number: number;
  authorLogin: string;
  authorType: string;
  body: string;
  labels: string[];
  title: string;
}

export function classifyPull(pull: PullFacts, match: IdentityMatcher): Signal[] {
  const signals: Signal[] = [];
  const author = match.login(pull.authorLogin);
  if (author !== undefined)
    signals.push({
      kind: 'pr-author',
      tool: author,
      evidence: clip(`@${pull.authorLogin} (${pull.authorType})`),
    });
  for (const { tool, footer } of match.footers(pull.body.slice(0, MESSAGE_SCAN_MAX)))
    signals.push({ kind: 'pr-footer', tool, evidence: clip(footer) });
  for (const label of pull.labels) {
    const tool = match.label(label);
    if (tool !== undefined) signals.push({ kind: 'label', tool, evidence: clip(label) });
  }
  return signals;
}
