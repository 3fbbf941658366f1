/**
 * yarn.lock, classic (v1, its own format, parsed with yarn's own `@yarnpkg/lockfile`) and berry
 * (YAML with `__metadata`). Neither has license data: collect fills licenses from node_modules.
 * The roots are the project's package.json dependency lists (and berry's workspace entries).
 */
import { assertYamlBudget, DEFAULT_YAML_LIMITS, ReportError } from '@aeef/gate-result';
import * as lockfile from '@yarnpkg/lockfile';
import { walkGraph, withLazyPath } from './dependency-graph.js';
import type { Inventory, PackageRecord, Scope } from './model.js';
import { parseLastYamlDocument } from './yaml-document.js';

type Json = Record<string, unknown>;

interface Entry {
  name: string;
  version: string;
  /** Identity of the resolved package (berry `resolution`, classic `name@version`). */
  id: string;
  firstParty: boolean;
  deps: { key: string; scope: Scope }[];
}

/** True for a yarn lockfile of either generation (by content). */
export function isYarnLock(text: string): boolean {
  return /^# yarn lockfile v1$/m.test(text.slice(0, 500)) || /^__metadata:/m.test(text);
}

/** Reads a yarn.lock; `root` is the project's package.json when there is one. */
export function readYarnLock(text: string, file: string, root: Json | undefined): Inventory {
  const berry = /^__metadata:/m.test(text);
  const entries = berry ? readBerry(text, file) : readClassic(text, file);
  const roots: { key: string; scope: Scope }[] = [];
  for (const [field, scope] of FIELDS) {
    const deps = root?.[field];
    if (deps !== null && typeof deps === 'object') {
      for (const [name, range] of Object.entries(deps))
        roots.push({ key: specKey(name, String(range), berry), scope });
    }
  }
  const devNames = new Set(Object.keys((root?.['devDependencies'] as Json | undefined) ?? {}));
  for (const [key, entry] of entries) {
    if (entry.firstParty) {
      roots.push({ key, scope: 'production' });
      // Berry lists a workspace's dev dependencies with the others: the root package.json tells them apart.
      if (entry.id.endsWith('@workspace:.'))
        for (const dep of entry.deps) if (devNames.has(nameOfSpec(dep.key))) dep.scope = 'development';
    }
  }
  const walk = walkGraph(roots, (key) => entries.get(key)?.deps ?? []);
  const packages = new Map<string, PackageRecord>();
  for (const [key, entry] of entries) {
    const scope = walk.scopes.get(key) ?? (root === undefined ? 'production' : 'development');
    const previous = packages.get(entry.id);
    if (previous !== undefined && RANK[previous.scope] <= RANK[scope]) continue;
    packages.set(
      entry.id,
      withLazyPath(
        {
          name: entry.name,
          version: entry.version,
          license: { kind: 'missing' } as const,
          scope,
          firstParty: entry.firstParty,
        },
        () => (walk.paths.get(key) ?? [key]).map((k) => entries.get(k)?.name ?? nameOfSpec(k)),
      ),
    );
  }
  const format = berry ? 'yarn.lock (berry)' : 'yarn.lock v1 (classic)';
  return { format, file, packages: [...packages.values()], needsNodeModules: true };
}

const FIELDS: readonly [string, Scope][] = [
  ['dependencies', 'production'],
  ['peerDependencies', 'production'],
  ['optionalDependencies', 'optional'],
  ['devDependencies', 'development'],
];
const RANK: Record<Scope, number> = { production: 0, optional: 1, development: 2 };

function readClassic(text: string, file: string): Map<string, Entry> {
  // Classic is not YAML but is as line-structured: the same character and token budgets bound it.
  assertYamlBudget(text, file, DEFAULT_YAML_LIMITS, file);
  let parsed: ReturnType<typeof lockfile.parse>;
  try {
    parsed = lockfile.parse(text);
  } catch (error) {
    throw new ReportError(
      file,
      `${file} is not a valid yarn.lock (${error instanceof Error ? error.message : 'parse error'}).`,
    );
  }
  if (parsed.type !== 'success') throw new ReportError(file, `${file} has unresolved merge conflicts.`);
  const entries = new Map<string, Entry>();
  for (const [spec, value] of Object.entries(parsed.object)) {
    const name = nameOfSpec(spec);
    const raw = value as unknown as Json;
    const deps = [
      ...depsOf(raw['dependencies'], 'production', false),
      ...depsOf(raw['optionalDependencies'], 'optional', false),
    ];
    entries.set(spec, {
      name,
      version: value.version,
      id: `${name}@${value.version}`,
      firstParty: false,
      deps,
    });
  }
  return entries;
}

function readBerry(text: string, file: string): Map<string, Entry> {
  const doc = parseLastYamlDocument(text, file);
  if (doc === null || typeof doc !== 'object')
    throw new ReportError(file, `${file} is not a yarn berry lockfile.`);
  const entries = new Map<string, Entry>();
  for (const [keys, value] of Object.entries(doc as Json)) {
    if (keys === '__metadata' || value === null || typeof value !== 'object') continue;
    const raw = value as Json;
    const resolution =
      typeof raw['resolution'] === 'string' ? raw['resolution'] : (keys.split(',')[0] ?? '').trim();
    const optional = new Set(
      Object.entries((raw['dependenciesMeta'] as Json | undefined) ?? {})
        .filter(([, m]) => (m as Json | null)?.['optional'] === true)
        .map(([n]) => n),
    );
    const deps = depsOf(raw['dependencies'], 'production', true).map((d) =>
      optional.has(nameOfSpec(d.key)) ? { ...d, scope: 'optional' as const } : d,
    );
    const entry: Entry = {
      name: nameOfSpec(resolution),
      version:
        typeof raw['version'] === 'string' || typeof raw['version'] === 'number'
          ? String(raw['version'])
          : '',
      id: resolution,
      firstParty: resolution.includes('@workspace:') || raw['linkType'] === 'soft',
      deps,
    };
    for (const key of keys.split(',')) entries.set(key.trim(), entry);
  }
  return entries;
}

function depsOf(deps: unknown, scope: Scope, berry: boolean): { key: string; scope: Scope }[] {
  if (deps === null || typeof deps !== 'object') return [];
  return Object.entries(deps as Json).map(([name, range]) => ({
    key: specKey(name, String(range), berry),
    scope,
  }));
}

/** The lockfile key of a dependency: classic `name@range`, berry `name@npm:range`. */
function specKey(name: string, range: string, berry: boolean): string {
  if (!berry || /^[a-z]+:/.test(range)) return `${name}@${range}`;
  return `${name}@npm:${range}`;
}

/** `@s/n@npm:^1` → `@s/n`. */
function nameOfSpec(spec: string): string {
  const at = spec.indexOf('@', 1);
  return at < 0 ? spec : spec.slice(0, at);
}
