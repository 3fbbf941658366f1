/**
 * pnpm-lock.yaml, lockfile v5.4 (`/name/1.0.0_peer`), v6 (`/name@1.0.0(peer)`) and v9
 * (`name@1.0.0(peer)`, graph in `snapshots`). It has no license field: collect fills licenses from
 * node_modules. Scope comes from walking from the importers, with the `dev` flag as a fallback.
 */
import { walkGraph, withLazyPath } from './dependency-graph.js';
import type { Inventory, PackageRecord, Scope } from './model.js';

type Json = Record<string, unknown>;

/** True for a pnpm lockfile. */
export function isPnpmLock(doc: unknown): boolean {
  return (
    isObject(doc) &&
    (typeof doc['lockfileVersion'] === 'string' || typeof doc['lockfileVersion'] === 'number') &&
    ('packages' in doc || 'importers' in doc || 'specifiers' in doc)
  );
}

/** Reads the (last) document of a pnpm lockfile. */
export function readPnpmLock(doc: Json, file: string): Inventory {
  const version = String(doc['lockfileVersion']);
  const major = Number.parseInt(version, 10);
  const style: KeyStyle = major >= 9 ? 'v9' : major >= 6 ? 'v6' : 'v5';
  const packages = isObject(doc['packages']) ? doc['packages'] : {};
  const graph = isObject(doc['snapshots']) ? doc['snapshots'] : packages;
  const importers: Json[] = isObject(doc['importers'])
    ? Object.values(doc['importers']).filter(isObject)
    : [doc];
  const roots: { key: string; scope: Scope }[] = [];
  for (const importer of importers) {
    for (const [field, scope] of FIELDS)
      roots.push(...refsOf(importer[field], style).map((key) => ({ key, scope })));
  }
  const walk = walkGraph(roots, (key) => {
    const entry = graph[key];
    if (!isObject(entry)) return [];
    return FIELDS.flatMap(([field, scope]) => refsOf(entry[field], style).map((k) => ({ key: k, scope })));
  });
  const scopeOf = new Map<string, Scope>();
  /** Peer-stripped key → the graph key its widest scope was reached through (for its path). */
  const reachedBy = new Map<string, string>();
  for (const [key, scope] of walk.scopes) {
    const base = stripPeers(key);
    const previous = scopeOf.get(base);
    if (previous === undefined || RANK[scope] < RANK[previous]) {
      scopeOf.set(base, scope);
      reachedBy.set(base, key);
    }
  }
  const records: PackageRecord[] = Object.entries(packages).map(([key, entry]) => {
    const meta = isObject(entry) ? entry : {};
    const parsed = splitKey(key, style);
    const name = typeof meta['name'] === 'string' ? meta['name'] : parsed.name;
    const via = reachedBy.get(stripPeers(key));
    return withLazyPath(
      {
        name,
        version: typeof meta['version'] === 'string' ? meta['version'] : parsed.version,
        license: { kind: 'missing' } as const,
        scope: scopeOf.get(stripPeers(key)) ?? flagScope(meta),
        firstParty: false,
      },
      () => (via === undefined ? [name] : (walk.paths.get(via) ?? [via]).map((k) => splitKey(k, style).name)),
    );
  });
  return { format: `pnpm-lock.yaml v${version}`, file, packages: records, needsNodeModules: true };
}

type KeyStyle = 'v5' | 'v6' | 'v9';

const FIELDS: readonly [string, Scope][] = [
  ['dependencies', 'production'],
  ['optionalDependencies', 'optional'],
  ['devDependencies', 'development'],
];
const RANK: Record<Scope, number> = { production: 0, optional: 1, development: 2 };

/** Dependency map → graph keys; `link:` (workspace) references are first-party and skipped. */
function refsOf(deps: unknown, style: KeyStyle): string[] {
  if (!isObject(deps)) return [];
  const keys: string[] = [];
  for (const [name, value] of Object.entries(deps)) {
    const ref = isObject(value) ? value['version'] : value;
    if (typeof ref !== 'string' || ref.startsWith('link:')) continue;
    if (style === 'v9') keys.push(ref.includes('@') && !/^\d/.test(ref) ? ref : `${name}@${ref}`);
    else if (ref.startsWith('/')) keys.push(ref);
    else keys.push(style === 'v6' ? `/${name}@${ref}` : `/${name}/${ref}`);
  }
  return keys;
}

/** `/@s/n/1.0.0_x`, `/@s/n@1.0.0(x)`, `@s/n@1.0.0(x)` → name and version without peer suffixes. */
export function splitKey(key: string, style: KeyStyle): { name: string; version: string } {
  const bare = key.startsWith('/') ? key.slice(1) : key;
  if (style === 'v5') {
    const parts = bare.split('/');
    const nameParts = bare.startsWith('@') ? 2 : 1;
    const version = parts.slice(nameParts).join('/');
    return { name: parts.slice(0, nameParts).join('/'), version: version.split('_')[0] ?? '' };
  }
  const at = bare.indexOf('@', 1);
  if (at < 0) return { name: bare, version: '' };
  return { name: bare.slice(0, at), version: stripPeers(bare.slice(at + 1)) };
}

function stripPeers(key: string): string {
  const paren = key.indexOf('(');
  return paren < 0 ? key : key.slice(0, paren);
}

function flagScope(entry: Json): Scope {
  if (entry['dev'] === true) return 'development';
  if (entry['optional'] === true) return 'optional';
  return 'production';
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
