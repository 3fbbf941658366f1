/**
 * An installed `node_modules` tree: one package.json per installed package, which is where the
 * license actually lives. Scope comes from walking the tree from the root package.json with Node's
 * resolution; packages nothing reaches (extraneous) are counted as development.
 */
import { walkGraph } from './dependency-graph.js';
import type { Inventory, PackageRecord, Scope } from './model.js';
import { readNpmLicense } from './npm-license-field.js';
import { nameFromInstallPath, resolveInstalled } from './node-resolution.js';

type Manifest = Record<string, unknown>;

const MANIFEST_PATH = /^(?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/@.][^/]*\/package\.json$/;

/** True for `node_modules/<name>/package.json` (scoped too), not a nested file inside a package. */
export function isInstalledManifest(path: string): boolean {
  return MANIFEST_PATH.test(path) && !path.includes('/.pnpm/') && !path.startsWith('node_modules/.');
}

/** Install path of a manifest: `node_modules/a/package.json` → `node_modules/a`. */
export function installPathOf(manifestPath: string): string {
  return manifestPath.slice(0, -'/package.json'.length);
}

/**
 * Reads the tree. `manifests` maps install paths to parsed package.json objects; `root` is the
 * project's package.json (its dependency lists decide scopes).
 */
export function readNodeModules(
  manifests: ReadonlyMap<string, Manifest>,
  root: Manifest | undefined,
  file: string,
): Inventory {
  const has = (key: string): boolean => manifests.has(key);
  const edges = (key: string): { key: string; scope: Scope }[] => {
    const manifest = key === '' ? root : manifests.get(key);
    if (manifest === undefined) return [];
    const out: { key: string; scope: Scope }[] = [];
    for (const [field, scope] of FIELDS) {
      if (key !== '' && field === 'devDependencies') continue;
      const deps = manifest[field];
      if (deps === null || typeof deps !== 'object') continue;
      for (const name of Object.keys(deps)) {
        const target = resolveInstalled(has, key, name);
        if (target !== undefined) out.push({ key: target, scope });
      }
    }
    return out;
  };
  const walk = walkGraph([{ key: '', scope: 'production' }], edges);
  const packages: PackageRecord[] = [];
  for (const [key, manifest] of manifests) {
    const name = typeof manifest['name'] === 'string' ? manifest['name'] : nameFromInstallPath(key);
    packages.push({
      name,
      version: typeof manifest['version'] === 'string' ? manifest['version'] : '',
      license: readNpmLicense(manifest),
      scope: walk.scopes.get(key) ?? 'development',
      firstParty: manifest['private'] === true,
      path: (walk.paths.get(key) ?? [key]).filter((k) => k !== '').map(nameFromInstallPath),
      licenseFrom: `${key}/package.json`,
    });
  }
  return { format: 'node_modules tree', file, packages, needsNodeModules: false };
}

const FIELDS: readonly [string, Scope][] = [
  ['dependencies', 'production'],
  ['peerDependencies', 'production'],
  ['optionalDependencies', 'optional'],
  ['devDependencies', 'development'],
];
