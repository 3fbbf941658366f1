// Conformance on a real installed tree: the fixture project installed with `npm ci`, read by our
// node_modules and lockfile readers, against license-checker-rseidelsohn --json on the same tree
// (run live: it is a root devDependency, so the oracle always matches the installed packages).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/support/paths.js';
import type { Inventory } from '../src/model.js';
import { readNodeModules } from '../src/node-modules.js';
import type { RawLicense } from '../src/normalise.js';
import { readNpmLock } from '../src/npm-lock.js';
import { installFixtureProject, readInstalledManifests } from './support/npm-project.js';

let dir = '';
let oracle: Record<string, { licenses: string | string[] }> = {};

beforeAll(() => {
  dir = installFixtureProject();
  const bin = path.join(REPO_ROOT, 'node_modules', '.bin', 'license-checker-rseidelsohn');
  oracle = JSON.parse(execFileSync(bin, ['--json', '--start', dir], { encoding: 'utf8' })) as typeof oracle;
  // The project itself is not a dependency (license-checker reports it as UNLICENSED: it is private).
  delete oracle['license-fixture-project@1.0.0'];
});

function asOracle(license: RawLicense): string | string[] {
  if (license.kind === 'string') return license.value;
  if (license.kind === 'list') return license.values;
  return 'UNKNOWN';
}

function project(inventory: Inventory): Record<string, string | string[]> {
  return Object.fromEntries(
    inventory.packages
      .filter((p) => !p.firstParty)
      .map((p) => [`${p.name}@${p.version}`, asOracle(p.license)]),
  );
}

const expectedFromOracle = (): Record<string, string | string[]> =>
  Object.fromEntries(Object.entries(oracle).map(([k, v]) => [k, v.licenses]));

describe(readNodeModules.name, () => {
  it('finds the packages and licenses license-checker-rseidelsohn finds', () => {
    const root = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    const inventory = readNodeModules(readInstalledManifests(dir), root, 'node_modules');
    expect(Object.keys(oracle)).toHaveLength(17);
    expect(project(inventory)).toEqual(expectedFromOracle());
    expect(inventory.packages.find((p) => p.name === 'is-number')?.scope).toBe('development');
    expect(inventory.packages.find((p) => p.name === 'pako')?.path).toEqual(['jszip', 'pako']);
  });
});

describe(readNpmLock.name, () => {
  it('reads the same licenses from the lockfile alone', () => {
    const lock = JSON.parse(readFileSync(path.join(dir, 'package-lock.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const inventory = readNpmLock(lock, 'package-lock.json');
    expect(project(inventory)).toEqual(expectedFromOracle());
    expect(inventory.packages.find((p) => p.name === 'is-number')?.scope).toBe('development');
    expect(inventory.packages.find((p) => p.name === 'string_decoder')?.path).toEqual([
      'jszip',
      'readable-stream',
      'string_decoder',
    ]);
  });
});
