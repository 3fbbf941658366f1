/**
 * package-lock.json / npm-shrinkwrap.json v2 and v3: the `packages` map keyed by install path.
 * Entries copy `license` from package.json; scope is npm's own `dev` / `optional` / `devOptional`
 * flags; the path from the root comes from walking the graph with Node's resolution. v1 lockfiles
 * carry no license data at all.
 */
import { ReportError } from '@aeef/gate-result';
import { walkGraph } from './dependency-graph.js';
import type { Inventory, PackageRecord, Scope } from './model.js';
import { readNpmLicense } from './npm-license-field.js';
import { nameFromInstallPath, resolveInstalled } from './node-resolution.js';

interface LockEntry {
  name?: string;
  version?: string;
  license?: unknown;
  licenses?: unknown;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  link?: boolean;
  resolved?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** True when the parsed JSON looks like an npm lockfile. */
export function isNpmLock(json: unknown): boolean {
  return isObject(json) && typeof json['lockfileVersion'] === 'number';
}

/** Reads a v2/v3 lockfile; throws ReportError for v1 (no license data) or a missing `packages`. */
export function readNpmLock(json: Record<string, unknown>, file: string): Inventory {
  const version = json['lockfileVersion'];
  const packages = json['packages'];
  if (!isObject(packages)) {
    throw new ReportError(
      file,
      `${file} is a lockfileVersion ${String(version)} lockfile, which holds no license data: run \`npm ci\` before the gate so node_modules can be read, or regenerate the lockfile with npm 7 or later.`,
    );
  }
  const entries = packages as Record<string, LockEntry>;
  const walk = walkGraph(rootsOf(entries), (key) => edgesOf(entries, key));
  const records: PackageRecord[] = [];
  for (const [key, entry] of Object.entries(entries)) {
    if (key === '' || entry.link === true) continue;
    const installed = key.includes('node_modules/');
    records.push({
      name: entry.name ?? nameFromInstallPath(key),
      version: entry.version ?? '',
      license: readNpmLicense(entry as Record<string, unknown>),
      scope: flagScope(entry),
      firstParty: !installed,
      installPath: key,
      path: (walk.paths.get(key) ?? [key])
        .filter((k) => k !== '')
        .map((k) => entries[k]?.name ?? nameFromInstallPath(k)),
    });
  }
  return {
    format: `package-lock.json v${String(version)}`,
    file,
    packages: records,
    needsNodeModules: false,
  };
}

function rootsOf(entries: Record<string, LockEntry>): { key: string; scope: Scope }[] {
  const roots: { key: string; scope: Scope }[] = [{ key: '', scope: 'production' }];
  // Workspace members are roots too: their own dependencies ship with them.
  for (const key of Object.keys(entries))
    if (key !== '' && !key.includes('node_modules/')) roots.push({ key, scope: 'production' });
  return roots;
}

function* edgesOf(entries: Record<string, LockEntry>, key: string): Iterable<{ key: string; scope: Scope }> {
  const entry = entries[key];
  if (entry === undefined) return;
  if (entry.link === true && entry.resolved !== undefined) {
    yield { key: entry.resolved, scope: 'production' };
    return;
  }
  const groups: [Record<string, string> | undefined, Scope][] = [
    [entry.dependencies, 'production'],
    [entry.peerDependencies, 'production'],
    [entry.optionalDependencies, 'optional'],
    [entry.devDependencies, 'development'],
  ];
  for (const [deps, scope] of groups) {
    for (const name of Object.keys(deps ?? {})) {
      const target = resolveInstalled((k) => k in entries, key, name);
      if (target !== undefined) yield { key: target, scope };
    }
  }
}

function flagScope(entry: LockEntry): Scope {
  if (entry.dev === true) return 'development';
  if (entry.optional === true || entry.devOptional === true) return 'optional';
  return 'production';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
