/**
 * The license gate on a generated 3,000-package project: the gate reading package-lock.json (its
 * normal path) and reading the installed node_modules tree, beside license-checker-rseidelsohn
 * walking the same tree (in-process, through its init() API). Same package count asserted.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { init } from 'license-checker-rseidelsohn';
import type { Inputs } from '@aeef/gate-result';
import { readLicenseConfig } from '../actions/license/src/config.js';
import { readSource } from '../actions/license/src/detect.js';
import { evaluateLicenses } from '../actions/license/src/evaluate.js';
import { readNodeModules } from '../actions/license/src/node-modules.js';
import { printTable, time } from './_timing.js';

const PACKAGES = 3000;
const LICENSES = [
  'MIT',
  'ISC',
  'Apache-2.0',
  'BSD-3-Clause',
  '(MIT OR GPL-3.0-or-later)',
  '(MIT AND Zlib)',
  'BSD-2-Clause',
  'GPL-3.0-only',
];

/** Writes the project: package.json, package-lock.json v3, node_modules/<name>/package.json. */
function generate(dir: string): void {
  const names = Array.from({ length: PACKAGES }, (_, i) => `pkg-${i}`);
  const deps = (i: number): Record<string, string> =>
    Object.fromEntries(
      [1, 2, 3]
        .map((k) => i * 3 + k)
        .filter((j) => j < PACKAGES)
        .map((j) => [`pkg-${j}`, '^1.0.0']),
    );
  const packages: Record<string, unknown> = {
    '': { name: 'bench-project', version: '1.0.0', dependencies: { 'pkg-0': '^1.0.0' } },
  };
  for (const [i, name] of names.entries()) {
    const manifest = {
      name,
      version: '1.0.0',
      license: LICENSES[i % LICENSES.length],
      dependencies: deps(i),
    };
    mkdirSync(path.join(dir, 'node_modules', name), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules', name, 'package.json'), JSON.stringify(manifest, null, 2));
    packages[`node_modules/${name}`] = {
      version: '1.0.0',
      resolved: `https://registry.npmjs.org/${name}/-/${name}-1.0.0.tgz`,
      integrity: 'sha512-x',
      license: manifest.license,
      dependencies: manifest.dependencies,
    };
  }
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: 'bench-project',
      version: '1.0.0',
      private: true,
      dependencies: { 'pkg-0': '^1.0.0' },
    }),
  );
  writeFileSync(
    path.join(dir, 'package-lock.json'),
    JSON.stringify(
      { name: 'bench-project', version: '1.0.0', lockfileVersion: 3, requires: true, packages },
      null,
      2,
    ),
  );
}

const NO_INPUTS: Inputs = { get: () => undefined };

function gateOnLockfile(dir: string): number {
  const inventory = readSource(
    readFileSync(path.join(dir, 'package-lock.json'), 'utf8'),
    'package-lock.json',
  );
  const result = evaluateLicenses([inventory], readLicenseConfig(NO_INPUTS));
  return Number(result.metrics.find((m) => m.id === 'packages')?.value);
}

function gateOnTree(dir: string): number {
  const manifests = new Map<string, Record<string, unknown>>();
  for (const name of readdirSync(path.join(dir, 'node_modules'))) {
    const key = `node_modules/${name}`;
    manifests.set(
      key,
      JSON.parse(readFileSync(path.join(dir, key, 'package.json'), 'utf8')) as Record<string, unknown>,
    );
  }
  const root = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  const result = evaluateLicenses(
    [readNodeModules(manifests, root, 'node_modules')],
    readLicenseConfig(NO_INPUTS),
  );
  return Number(result.metrics.find((m) => m.id === 'packages')?.value);
}

function licenseChecker(dir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    init({ start: dir, json: true }, (error, packages) => {
      if (error) reject(error);
      else resolve(Object.keys(packages).length - 1); // minus the project itself
    });
  });
}

export async function bench(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'license-bench-'));
  try {
    generate(dir);
    const counts = [gateOnLockfile(dir), gateOnTree(dir), await licenseChecker(dir)];
    if (new Set(counts).size !== 1) throw new Error(`Package counts differ: ${counts.join(', ')}`);
    console.log(`${PACKAGES} packages; each run found ${counts[0]}.`);
    const peer = await time('license-checker-rseidelsohn (tree)', () => licenseChecker(dir));
    const lock = await time('gate: package-lock.json', () => gateOnLockfile(dir));
    const tree = await time('gate: node_modules tree', () => gateOnTree(dir));
    printTable('License gate vs license-checker-rseidelsohn, 3,000 packages', [peer, lock, tree]);
    console.log(
      `Speed-up: lockfile ${(peer.medianMs / lock.medianMs).toFixed(1)}x, tree ${(peer.medianMs / tree.medianMs).toFixed(1)}x (aim 10x).`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
