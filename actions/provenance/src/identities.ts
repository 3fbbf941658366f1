/**
 * The AI identity table (data/ai-identities.yml, embedded at build time in identities-data.ts) and
 * the user's additions (`ai-identities`), compiled into one case-insensitive matcher. Every matcher
 * is a literal: no pattern a user writes can make the gate slow.
 */
import { parse } from 'yaml';
import { InputError, InternalError } from '@aeef/gate-result';
import { AI_IDENTITIES_YAML } from './identities-data.js';

export interface AiIdentity {
  tool: string;
  logins: string[];
  emails: string[];
  names: string[];
  namePrefixes: string[];
  nameSuffixes: string[];
  footers: string[];
  subjectPrefixes: string[];
  trailerKeys: string[];
  labels: string[];
  sources: string[];
  /** User rows: a trailer name counts whatever its address (the user said the name means AI). */
  nameAnyAddress?: boolean;
}

const LIST_FIELDS = {
  logins: 'logins',
  emails: 'emails',
  names: 'names',
  'name-prefixes': 'namePrefixes',
  'name-suffixes': 'nameSuffixes',
  footers: 'footers',
  'subject-prefixes': 'subjectPrefixes',
  'trailer-keys': 'trailerKeys',
  labels: 'labels',
  sources: 'sources',
} as const satisfies Record<string, keyof AiIdentity>;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses and validates the table's YAML text; `fail` builds the error (internal for ours). */
export function parseIdentityTable(text: string, fail: (message: string) => Error): AiIdentity[] {
  const doc: unknown = parse(text);
  if (!isObject(doc) || !Array.isArray(doc.tools)) throw fail('Expected a `tools:` list.');
  return doc.tools.map((row: unknown, i) => {
    if (!isObject(row) || typeof row.tool !== 'string' || row.tool.trim() === '')
      throw fail(`Expected row ${i + 1} to have a \`tool\` name.`);
    const identity: AiIdentity = {
      tool: row.tool,
      logins: [],
      emails: [],
      names: [],
      namePrefixes: [],
      nameSuffixes: [],
      footers: [],
      subjectPrefixes: [],
      trailerKeys: [],
      labels: [],
      sources: [],
    };
    for (const key of Object.keys(row)) {
      if (key === 'tool') continue;
      const field = (LIST_FIELDS as Record<string, keyof AiIdentity>)[key];
      const value = row[key];
      if (field === undefined) throw fail(`Row ${row.tool} has an unknown field \`${key}\`.`);
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === ''))
        throw fail(`Expected \`${key}\` of row ${row.tool} to be a list of non-empty strings.`);
      (identity[field] as string[]) = value as string[];
    }
    if (identity.sources.length === 0) throw fail(`Row ${row.tool} names no source.`);
    return identity;
  });
}

/** The curated table of this repository. */
export const BUILTIN_IDENTITIES: readonly AiIdentity[] = parseIdentityTable(
  AI_IDENTITIES_YAML,
  (message) => new InternalError(`data/ai-identities.yml: ${message}`),
);

export const IDENTITY_KINDS = [
  'login',
  'email',
  'name',
  'name-suffix',
  'footer',
  'trailer',
  'label',
] as const;
const MAX_ENTRY = 200;

/**
 * One `ai-identities` entry: `kind:value` or `kind:value=Tool`, e.g. `login:corp-agent[bot]`,
 * `email:agent@corp.example=Corp agent`, `name:Buildbot`, `trailer:AI-Assisted`, `label:llm`.
 */
export function parseUserIdentity(entry: string): AiIdentity {
  const match = /^([a-z-]+):(.+)$/.exec(entry.trim());
  const kind = match?.[1];
  if (!match || !(IDENTITY_KINDS as readonly string[]).includes(kind ?? '') || entry.length > MAX_ENTRY) {
    throw new InputError(
      'ai-identities',
      `Expected \`ai-identities\` entries as \`kind:value\` or \`kind:value=Tool\` with kind among ${IDENTITY_KINDS.join(', ')} (at most ${MAX_ENTRY} characters), got \`${entry.slice(0, 60).replace(/`/g, "'")}\`.`,
    );
  }
  const rest = match[2] ?? '';
  const eq = rest.lastIndexOf('=');
  const value = (eq > 0 ? rest.slice(0, eq) : rest).trim();
  const tool = (eq > 0 ? rest.slice(eq + 1) : rest).trim();
  if (value === '' || tool === '')
    throw new InputError('ai-identities', `Expected a value and a tool name in \`${entry.slice(0, 60)}\`.`);
  const identity: AiIdentity = {
    tool,
    logins: [],
    emails: [],
    names: [],
    namePrefixes: [],
    nameSuffixes: [],
    footers: [],
    subjectPrefixes: [],
    trailerKeys: [],
    labels: [],
    sources: ['ai-identities input'],
    nameAnyAddress: true,
  };
  const field = {
    login: 'logins',
    email: 'emails',
    name: 'names',
    'name-suffix': 'nameSuffixes',
    footer: 'footers',
    trailer: 'trailerKeys',
    label: 'labels',
  } as const;
  identity[field[kind as keyof typeof field]].push(value);
  return identity;
}

/** The compiled lookups: every key lower-cased, each naming its tool. */
export interface IdentityMatcher {
  login(login: string): string | undefined;
  email(address: string): string | undefined;
  /** A trailer name; `address` is the trailer's (or undefined when it has none). */
  trailerName(name: string, address: string | undefined): string | undefined;
  nameSuffix(name: string): string | undefined;
  trailerKey(key: string): string | undefined;
  label(label: string): string | undefined;
  /** The tool whose subject prefix starts the message's first line. */
  subjectPrefix(message: string): { tool: string; prefix: string } | undefined;
  /** Every footer found in the text, with its tool. */
  footers(text: string): { tool: string; footer: string }[];
}

const NOREPLY = /^(?:\d+\+)?([^@\s]+)@users\.noreply\.github\.com$/;

/** The login a GitHub noreply address stands for (`198982749+Copilot@users.noreply.github.com` → Copilot). */
export function noreplyLogin(address: string): string | undefined {
  return NOREPLY.exec(address.trim().toLowerCase())?.[1];
}

export function compileIdentities(rows: readonly AiIdentity[]): IdentityMatcher {
  const table = (pick: (row: AiIdentity) => string[]): Map<string, string> => {
    const map = new Map<string, string>();
    for (const row of rows)
      for (const key of pick(row)) if (!map.has(key.toLowerCase())) map.set(key.toLowerCase(), row.tool);
    return map;
  };
  const logins = table((r) => r.logins);
  const emails = table((r) => r.emails);
  const names = table((r) => (r.nameAnyAddress ? [] : r.names));
  const anyAddressNames = table((r) => (r.nameAnyAddress ? r.names : []));
  const trailerKeys = table((r) => r.trailerKeys);
  const labels = table((r) => r.labels);
  const prefixes = rows.flatMap((r) => r.namePrefixes.map((p) => ({ p: p.toLowerCase(), tool: r.tool })));
  const suffixes = rows.flatMap((r) => r.nameSuffixes.map((s) => ({ s: s.toLowerCase(), tool: r.tool })));
  const subjects = rows.flatMap((r) =>
    r.subjectPrefixes.map((p) => ({ p: p.toLowerCase(), prefix: p, tool: r.tool })),
  );
  const footers = rows.flatMap((r) =>
    r.footers.map((f) => ({ f: f.toLowerCase(), footer: f, tool: r.tool })),
  );
  const login = (value: string): string | undefined => logins.get(value.trim().toLowerCase());
  const email = (address: string): string | undefined => {
    const lower = address.trim().toLowerCase();
    const exact = emails.get(lower);
    if (exact !== undefined) return exact;
    const noreply = noreplyLogin(lower);
    return noreply === undefined ? undefined : login(noreply);
  };
  return {
    login,
    email,
    trailerName(name, address) {
      const lower = name.trim().toLowerCase().replace(/\s+/g, ' ');
      const anyAddress = anyAddressNames.get(lower);
      if (anyAddress !== undefined) return anyAddress;
      // A tool's name with someone's own address is a person of that name, not the tool.
      if (address !== undefined && address.trim() !== '') return undefined;
      return names.get(lower) ?? prefixes.find(({ p }) => lower.startsWith(p))?.tool;
    },
    nameSuffix(name) {
      const lower = name.trim().toLowerCase();
      return suffixes.find(({ s }) => lower.endsWith(s.trim()) && lower.length > s.trim().length)?.tool;
    },
    subjectPrefix(message) {
      const subject = message.trimStart().slice(0, 200).toLowerCase();
      const found = subjects.find(({ p }) => subject.startsWith(p));
      return found && { tool: found.tool, prefix: found.prefix };
    },
    trailerKey: (key) => trailerKeys.get(key.trim().toLowerCase()),
    label: (value) => labels.get(value.trim().toLowerCase()),
    footers(text) {
      const lower = text.toLowerCase();
      return footers.filter(({ f }) => lower.includes(f)).map(({ tool, footer }) => ({ tool, footer }));
    },
  };
}
