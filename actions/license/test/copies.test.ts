// One name@version at several paths (issue 11, item 4): every copy counts. Production through any
// path is production, every declared license is judged and the strictest reading decides, with
// the conflicting declarations listed in the summary. Across readers, nested installs and sources.
import { readFileSync } from 'node:fs';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inputsFromRecord, type GateResult } from '@aeef/gate-result';
import { createLocalIO } from '@aeef/gate-result/runtime';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/support/paths.js';
import { readLicenseConfig } from '../src/config.js';
import { evaluateLicenses } from '../src/evaluate.js';
import { licenseGate } from '../src/gate.js';
import { judgePackages } from '../src/judge-packages.js';
import type { Inventory, PackageRecord } from '../src/model.js';
import { readNpmLock } from '../src/npm-lock.js';

const fixture = (name: string): string => path.join(REPO_ROOT, 'test', 'fixtures', 'licenses', name);
const config = (values: Record<string, string> = {}) => readLicenseConfig(inputsFromRecord(values));

function lockInventory(lock: object): Inventory {
  return readNpmLock(lock as Record<string, unknown>, 'package-lock.json');
}

describe('a name@version at several lockfile paths', () => {
  it('is production when any path is, in a real lockfile whose first copy is a dev one', () => {
    // stryker-mutator/mutation-testing-elements: semver@7.7.2 is first listed under
    // @stryker-mutator/core (dev) and later under @typescript-eslint/typescript-estree (production).
    const lock = JSON.parse(
      readFileSync(fixture('npm-package-lock-v3-monorepo-large.json'), 'utf8'),
    ) as object;
    const decisions = judgePackages([lockInventory(lock)], config());
    const checked = new Map(decisions.checked.map((d) => [`${d.pkg.name}@${d.pkg.version}`, d]));
    // The three packages jq finds with a dev first copy and a shipping (non-dev) later one.
    expect(checked.get('semver@7.7.2')?.pkg.scope).toBe('production');
    expect(checked.get('brace-expansion@2.0.2')?.pkg.scope).toBe('production');
    expect(checked.get('@tybys/wasm-util@0.9.0')?.pkg.scope).toBe('optional');
    // The path shown is one that ships, not the dev tool's.
    expect(checked.get('semver@7.7.2')?.pkg.path).not.toContain('@stryker-mutator/core');
    // jq: distinct name@version with at least one non-dev, non-link copy under node_modules/.
    expect(decisions.checked).toHaveLength(166);
  });

  const conflicting = {
    lockfileVersion: 3,
    packages: {
      '': { name: 'app', version: '1.0.0', dependencies: { a: '1', x: '1' } },
      'node_modules/a': { version: '1.0.0', license: 'MIT', dependencies: { x: '1' } },
      'node_modules/a/node_modules/x': { version: '1.0.0', license: 'MIT' },
      'node_modules/b': { version: '1.0.0', license: 'MIT', dependencies: { x: '1' } },
      'node_modules/b/node_modules/x': { version: '1.0.0', license: 'mit' },
      'node_modules/x': { version: '1.0.0', license: 'GPL-3.0-only' },
    },
  };

  it('judges every declared license, the strictest deciding, and lists the conflict', () => {
    const result = evaluateLicenses([lockInventory(conflicting)], config());
    expect(result.verdict).toBe('fail');
    const violation = result.findings.find((f) => f.title === 'License: x@1.0.0');
    expect(violation?.message).toContain('GPL-3.0-only');
    const section = result.details.find((s) => s.title === 'Conflicting license declarations');
    // `MIT` and `mit` are one reading; the GPL copy is the other.
    expect(section?.rows).toEqual([
      [
        'x',
        '1.0.0',
        'MIT (package-lock.json: node_modules/a/node_modules/x); GPL-3.0-only (package-lock.json: node_modules/x)',
        'not-allowed',
      ],
    ]);
  });

  it('takes the license a later copy declares when the first declares none', () => {
    const lock = {
      lockfileVersion: 3,
      packages: {
        '': { name: 'app', version: '1.0.0', dependencies: { a: '1', x: '1' } },
        'node_modules/a': { version: '1.0.0', license: 'MIT' },
        'node_modules/a/node_modules/x': { version: '1.0.0' },
        'node_modules/x': { version: '1.0.0', license: 'ISC' },
      },
    };
    const result = evaluateLicenses([lockInventory(lock)], config());
    expect(result.verdict, result.summary).toBe('pass');
    expect(result.details.find((s) => s.title === 'Conflicting license declarations')).toBeUndefined();
  });

  it('merges copies across sources (a lockfile and an SBOM) the same way', () => {
    const sbomCopy: PackageRecord = {
      name: 'x',
      version: '1.0.0',
      license: { kind: 'string', value: 'AGPL-3.0-only' },
      scope: 'production',
      firstParty: false,
      path: ['x'],
    };
    const sbom: Inventory = {
      format: 'CycloneDX 1.6',
      file: 'bom.json',
      packages: [sbomCopy],
      needsNodeModules: false,
    };
    const lock = {
      lockfileVersion: 3,
      packages: {
        '': { name: 'app', version: '1.0.0', devDependencies: { x: '1' } },
        'node_modules/x': { version: '1.0.0', license: 'MIT', dev: true },
      },
    };
    const decisions = judgePackages([lockInventory(lock), sbom], config());
    expect(decisions.checked.map((d) => [d.pkg.name, d.pkg.scope, d.outcome.status])).toEqual([
      ['x', 'production', 'not-allowed'],
    ]);
  });

  it('is first-party only when every copy is', () => {
    const copy = (firstParty: boolean): PackageRecord => ({
      name: 'web',
      version: '0.1.0',
      license: { kind: 'string', value: 'UNLICENSED' },
      scope: 'production',
      firstParty,
      path: ['web'],
    });
    const inventory: Inventory = {
      format: 'test',
      file: 'bom.json',
      packages: [copy(true), copy(false)],
      needsNodeModules: false,
    };
    const decisions = judgePackages([inventory], config());
    expect(decisions.firstParty).toEqual([]);
    expect(decisions.checked[0]?.outcome.status).toBe('unknown');
  });
});

describe('licenses filled from node_modules', () => {
  function workspace(files: Record<string, object | string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'license-copies-'));
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), typeof content === 'string' ? content : JSON.stringify(content));
    }
    return dir;
  }

  it('weighs every installed copy of a name@version, not the last one found', async () => {
    // yarn.lock has no license field: both installed copies of x@1.0.0 are read.
    const dir = workspace({
      'package.json': { name: 'app', version: '1.0.0', dependencies: { x: '^1.0.0', y: '^1.0.0' } },
      'yarn.lock': `# yarn lockfile v1\n\n\nx@^1.0.0:\n  version "1.0.0"\n  resolved "https://registry.yarnpkg.com/x/-/x-1.0.0.tgz"\n\ny@^1.0.0:\n  version "1.0.0"\n  resolved "https://registry.yarnpkg.com/y/-/y-1.0.0.tgz"\n  dependencies:\n    x "^1.0.0"\n`,
      'node_modules/x/package.json': { name: 'x', version: '1.0.0', license: 'GPL-3.0-only' },
      'node_modules/y/package.json': {
        name: 'y',
        version: '1.0.0',
        license: 'MIT',
        dependencies: { x: '^1.0.0' },
      },
      'node_modules/y/node_modules/x/package.json': { name: 'x', version: '1.0.0', license: 'MIT' },
    });
    const io = createLocalIO({ workspace: dir, resultDir: path.join(dir, '.results') });
    const result: GateResult = await licenseGate.run(licenseGate.config(inputsFromRecord({})), io);
    expect(result.verdict).toBe('fail');
    expect(result.findings.map((f) => f.title)).toEqual(['License: x@1.0.0']);
    expect(result.details.find((s) => s.title === 'Conflicting license declarations')?.rows?.[0]?.[2]).toBe(
      'GPL-3.0-only (yarn.lock: node_modules/x/package.json); MIT (yarn.lock: node_modules/y/node_modules/x/package.json)',
    );
  });
});
