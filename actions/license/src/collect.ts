/**
 * The I/O step: find the sources (or use the user's), read each through GateIO, and fill licenses
 * that a lockfile lacks from the installed package.json files. Everything else is pure.
 */
import { MissingReportError, parseJsonText, ReportError, type GateIO } from '@aeef/gate-result';
import { readSource } from './detect.js';
import type { Inventory } from './model.js';
import { installPathOf, isInstalledManifest, readNodeModules } from './node-modules.js';
import { readNpmLicense } from './npm-license-field.js';

/** Lockfiles, in npm's order of precedence, looked for at the workspace root only. */
const LOCKFILES = ['npm-shrinkwrap.json', 'package-lock.json', 'pnpm-lock.yaml', 'yarn.lock'] as const;
const SBOMS = ['**/*.cdx.json', '**/bom.json', '**/*.spdx.json'] as const;
const NODE_MODULES = 'node_modules';
const MANIFESTS = ['node_modules/**/package.json', 'node_modules/.pnpm/**/package.json'] as const;

export interface Collected {
  inventories: Inventory[];
  /** Files read, workspace-relative, for the result's `inputs`. */
  files: string[];
  notes: string[];
}

/** Reads every source; throws MissingReportError when there is nothing to read. */
export async function collectInventories(io: GateIO, sources: readonly string[]): Promise<Collected> {
  const files = sources.length > 0 ? await findGiven(io, sources) : await discover(io);
  const root = await readRootManifest(io);
  const collected: Collected = { inventories: [], files: [...files], notes: [] };
  let index: Map<string, Record<string, unknown>> | undefined;
  const manifests = async (): Promise<Map<string, Record<string, unknown>>> =>
    (index ??= await readManifests(io, collected));
  for (const file of files) {
    if (file === NODE_MODULES) {
      collected.inventories.push(readNodeModules(await manifests(), root, NODE_MODULES));
      continue;
    }
    const text = await io.readText(file);
    let inventory: Inventory;
    try {
      inventory = readSource(text, file, root);
    } catch (error) {
      if (!(error instanceof ReportError) || !/lockfileVersion 1\b/.test(error.message)) throw error;
      const tree = await manifests();
      if (tree.size === 0) throw error;
      collected.notes.push(`${file} is a v1 lockfile without license data: read node_modules instead.`);
      inventory = readNodeModules(tree, root, NODE_MODULES);
    }
    await fillLicenses(inventory, manifests);
    collected.inventories.push(inventory);
  }
  return collected;
}

async function findGiven(io: GateIO, sources: readonly string[]): Promise<string[]> {
  const wantsTree = sources.some((s) => s.replace(/\/+$/, '') === NODE_MODULES);
  const patterns = sources.filter((s) => s.replace(/\/+$/, '') !== NODE_MODULES);
  const files = patterns.length > 0 ? await io.glob(patterns) : [];
  if (files.length === 0 && !wantsTree) {
    throw new MissingReportError(sources.join(', '), `No file matches \`sources\` (${sources.join(', ')}).`);
  }
  return wantsTree ? [...files, NODE_MODULES] : files;
}

async function discover(io: GateIO): Promise<string[]> {
  const found = await io.glob([...LOCKFILES, ...SBOMS], { ignore: ['**/node_modules/**'] });
  const lockfile = LOCKFILES.find((l) => found.includes(l));
  const sboms = found.filter((f) => !(LOCKFILES as readonly string[]).includes(f));
  const files = [...(lockfile === undefined ? [] : [lockfile]), ...sboms];
  if (files.length > 0) return files;
  if ((await io.glob(['node_modules/*/package.json', 'node_modules/@*/*/package.json'])).length > 0)
    return [NODE_MODULES];
  throw new MissingReportError(
    'sources',
    'No lockfile, node_modules or SBOM found at the workspace root (package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml, yarn.lock, *.cdx.json, bom.json, *.spdx.json); set `sources`.',
  );
}

async function readRootManifest(io: GateIO): Promise<Record<string, unknown> | undefined> {
  try {
    const json = parseJsonText(await io.readText('package.json'), 'package.json');
    return json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : undefined;
  } catch (error) {
    if (error instanceof MissingReportError) return undefined;
    throw error;
  }
}

/** Installed manifests by install path (`node_modules/a`, `node_modules/.pnpm/a@1/node_modules/a`). */
async function readManifests(
  io: GateIO,
  collected: Collected,
): Promise<Map<string, Record<string, unknown>>> {
  const paths = (await io.glob([...MANIFESTS])).filter(
    (p) => isInstalledManifest(p) || p.includes('/.pnpm/'),
  );
  const manifests = new Map<string, Record<string, unknown>>();
  for (const path of paths) {
    if (path.includes('/.pnpm/') && !/\/node_modules\/(?:@[^/]+\/)?[^/]+\/package\.json$/.test(path))
      continue;
    const json = parseJsonText(await io.readText(path), path);
    if (json !== null && typeof json === 'object' && !Array.isArray(json))
      manifests.set(installPathOf(path), json as Record<string, unknown>);
  }
  if (manifests.size > 0) collected.files.push(`${NODE_MODULES}/ (${manifests.size} package.json files)`);
  return manifests;
}

/** Lockfile entries without a license get it from the installed package.json of the same version. */
async function fillLicenses(
  inventory: Inventory,
  manifests: () => Promise<Map<string, Record<string, unknown>>>,
): Promise<void> {
  const missing = inventory.packages.filter((p) => p.license.kind === 'missing' && !p.firstParty);
  if (missing.length === 0) return;
  const tree = await manifests();
  if (tree.size === 0) {
    if (!inventory.needsNodeModules) return; // an npm lockfile entry without a license is just unknown
    throw new ReportError(
      inventory.file,
      `${inventory.file} holds no license data and node_modules is not installed: install the dependencies before the gate, or gate an SBOM.`,
    );
  }
  // Every installed copy of a name@version, not the last one seen: copies may declare differently.
  const byNameVersion = new Map<string, { key: string; manifest: Record<string, unknown> }[]>();
  for (const [key, manifest] of tree) {
    const id = `${String(manifest['name'])}@${String(manifest['version'])}`;
    byNameVersion.set(id, [...(byNameVersion.get(id) ?? []), { key, manifest }]);
  }
  for (const pkg of missing) {
    const direct = pkg.installPath !== undefined ? tree.get(pkg.installPath) : undefined;
    const matches =
      direct !== undefined && direct['version'] === pkg.version
        ? [{ key: pkg.installPath ?? '', manifest: direct }]
        : (byNameVersion.get(`${pkg.name}@${pkg.version}`) ?? []);
    const [first, ...others] = matches;
    if (first === undefined) continue;
    pkg.license = readNpmLicense(first.manifest);
    pkg.licenseFrom = `${first.key}/package.json`;
    // The other copies join as records of their own; judging merges them and weighs each license.
    for (const other of others) {
      inventory.packages.push({
        ...pkg,
        license: readNpmLicense(other.manifest),
        licenseFrom: `${other.key}/package.json`,
      });
    }
  }
}
