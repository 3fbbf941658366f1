// The whole gate through the real GateIO (createLocalIO over a temp workspace, no mocks): source
// discovery, lockfiles filled from node_modules, and the reliability rows that concern reading
// (B1, B3, B4, B12, B15, B16, B19, B20).
import { MissingReportError, ReportError, inputsFromRecord, type GateResult } from '@aeef/gate-result';
import { createLocalIO } from '@aeef/gate-result/runtime';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { licenseGate } from '../src/gate.js';

function workspace(files: Record<string, string | object>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'license-gate-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(
      path.join(dir, file),
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    );
  }
  return dir;
}

const silent = { info: () => undefined, warning: () => undefined, debug: () => undefined };

function runGate(dir: string, inputs: Record<string, string> = {}): Promise<GateResult> {
  const io = createLocalIO({ workspace: dir, log: silent, resultDir: path.join(dir, '.results') });
  return licenseGate.run(licenseGate.config(inputsFromRecord(inputs)), io);
}

const manifest = (name: string, version: string, license: unknown, extra: object = {}): object => ({
  name,
  version,
  license,
  ...extra,
});

const LOCK_V3 = {
  name: 'app',
  version: '1.0.0',
  lockfileVersion: 3,
  packages: {
    '': { name: 'app', version: '1.0.0', dependencies: { a: '^1.0.0' }, devDependencies: { t: '^1.0.0' } },
    'node_modules/a': { version: '1.0.0', license: 'MIT', dependencies: { b: '^1.0.0' } },
    'node_modules/b': { version: '2.0.0' },
    'node_modules/t': { version: '1.0.0', license: 'GPL-3.0-only', dev: true },
  },
};

describe('licenseGate', () => {
  it('finds package-lock.json, fills a missing license from node_modules, skips dev', async () => {
    const dir = workspace({
      'package.json': manifest('app', '1.0.0', 'MIT', { dependencies: { a: '^1.0.0' } }),
      'package-lock.json': LOCK_V3,
      'node_modules/b/package.json': manifest('b', '2.0.0', { type: 'ISC', url: 'x' }),
    });
    const result = await runGate(dir);
    expect(result.verdict).toBe('pass');
    expect(result.metrics.find((m) => m.id === 'packages')?.value).toBe(2);
    expect(result.inputs[0]).toBe('package-lock.json');
    expect(result.summary).toContain('1 development package was not checked');
  });

  it('fails closed when the lockfile lacks a license and nothing is installed', async () => {
    const result = await runGate(workspace({ 'package-lock.json': LOCK_V3 }));
    expect(result.verdict).toBe('fail');
    expect(result.details[0]?.rows).toEqual([['b', '2.0.0', 'unknown', 'no license declared', 'a > b']]);
  });

  it('reads pnpm-lock.yaml with the .pnpm store for licenses', async () => {
    const dir = workspace({
      'pnpm-lock.yaml':
        "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      is-number:\n        specifier: ^7.0.0\n        version: 7.0.0\npackages:\n  is-number@7.0.0:\n    resolution: {integrity: sha512-x}\nsnapshots:\n  is-number@7.0.0: {}\n",
      'node_modules/.pnpm/is-number@7.0.0/node_modules/is-number/package.json': manifest(
        'is-number',
        '7.0.0',
        'MIT',
      ),
    });
    const result = await runGate(dir);
    expect(result.summary).toBe('All 1 production and optional packages have allowed licenses.');
  });

  it('is an error when a pnpm or yarn lockfile has nothing installed to take licenses from', async () => {
    const dir = workspace({ 'yarn.lock': '# yarn lockfile v1\n\n\nms@^2.1.0:\n  version "2.1.3"\n' });
    await expect(runGate(dir)).rejects.toThrow(
      'yarn.lock holds no license data and node_modules is not installed: install the dependencies before the gate, or gate an SBOM.',
    );
  });

  it('reads a classic yarn.lock with node_modules and the root package.json for scopes', async () => {
    const dir = workspace({
      'package.json': manifest('app', '1.0.0', 'MIT', {
        dependencies: { ms: '^2.1.0' },
        devDependencies: { gpl: '^1.0.0' },
      }),
      'yarn.lock':
        '# yarn lockfile v1\n\n\nms@^2.1.0:\n  version "2.1.3"\n\ngpl@^1.0.0:\n  version "1.0.0"\n',
      'node_modules/ms/package.json': manifest('ms', '2.1.3', 'MIT'),
      'node_modules/gpl/package.json': manifest('gpl', '1.0.0', 'GPL-3.0-only'),
    });
    expect((await runGate(dir)).verdict).toBe('pass');
    expect((await runGate(dir, { 'include-dev': 'true' })).verdict).toBe('fail');
  });

  it('reads node_modules instead of a v1 lockfile, and says so', async () => {
    const dir = workspace({
      'package.json': manifest('app', '1.0.0', 'MIT', { dependencies: { ms: '^2.1.0' } }),
      'package-lock.json': { name: 'app', lockfileVersion: 1, dependencies: { ms: { version: '2.1.3' } } },
      'node_modules/ms/package.json': manifest('ms', '2.1.3', 'MIT'),
    });
    const result = await runGate(dir);
    expect(result.verdict).toBe('pass');
    expect(result.details.at(-1)?.notes).toContain(
      'package-lock.json is a v1 lockfile without license data: read node_modules instead.',
    );
  });

  it('finds SBOMs by name pattern and reads them by content', async () => {
    const dir = workspace({
      'sbom/app.cdx.json': {
        bomFormat: 'CycloneDX',
        specVersion: '1.5',
        components: [{ name: 'x', version: '1', licenses: [{ license: { id: 'MIT' } }] }],
      },
    });
    expect((await runGate(dir)).verdict).toBe('pass');
  });

  it('is an error when nothing is found or a source matches nothing (B1)', async () => {
    await expect(runGate(workspace({ 'README.md': 'hi' }))).rejects.toThrow(MissingReportError);
    await expect(runGate(workspace({}), { sources: 'missing.json' })).rejects.toThrow(
      /No file matches `sources`/,
    );
  });

  it.each([
    ['empty', ''],
    ['whitespace-only', '  \n\t '],
    ['BOM-only', '\uFEFF'],
  ])('refuses a %s report (B3)', async (_, content) => {
    await expect(runGate(workspace({ 'package-lock.json': content }))).rejects.toThrow(/empty/);
  });

  it('refuses truncated JSON with a position and no partial result (B4)', async () => {
    const text = JSON.stringify(LOCK_V3).slice(0, 120);
    await expect(runGate(workspace({ 'package-lock.json': text }))).rejects.toThrow(
      /not valid JSON.*position|not valid JSON/,
    );
  });

  it('refuses duplicate keys (B12)', async () => {
    const text =
      '{"lockfileVersion":3,"packages":{"node_modules/a":{"version":"1.0.0","license":"GPL-3.0-only","license":"MIT"}}}';
    await expect(runGate(workspace({ 'package-lock.json': text }))).rejects.toThrow(
      /repeats the key "license"/,
    );
  });

  it('refuses a duplicate key written with an escape, which JSON.parse reads as the last (B12)', async () => {
    const text =
      '{"lockfileVersion":3,"packages":{"node_modules/a":{"version":"1.0.0","license":"MIT","\\u006cicense":"GPL-3.0-only"}}}';
    await expect(runGate(workspace({ 'package-lock.json': text }))).rejects.toThrow(
      /repeats the key "license"/,
    );
  });

  it('refuses JSON nested 200,000 deep without crashing (B20)', async () => {
    const text = `{"lockfileVersion":3,"packages":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    await expect(runGate(workspace({ 'package-lock.json': text }))).rejects.toThrow(
      /nests deeper than 512 levels/,
    );
  });

  it('refuses a symlinked report (B15)', async () => {
    const dir = workspace({});
    symlinkSync('/proc/self/environ', path.join(dir, 'package-lock.json'));
    await expect(runGate(dir)).rejects.toThrow(ReportError);
    await expect(runGate(dir)).rejects.not.toThrow(/PATH=|HOME=/);
  });

  it('refuses paths outside the workspace (B16)', async () => {
    expect(() => licenseGate.config(inputsFromRecord({ sources: '../../etc/passwd' }))).toThrow(/sources/);
    // Absolute paths are resolved by the IO: inside the workspace they are read, outside refused.
    const dir = workspace({ 'package-lock.json': { lockfileVersion: 3, packages: { '': { name: 'app' } } } });
    await expect(runGate(dir, { sources: '/etc/passwd' })).rejects.toThrow(/outside the workspace/);
    await expect(runGate(dir, { sources: `${dir}/package-lock.json` })).resolves.toMatchObject({
      verdict: 'pass',
    });
  });

  it('refuses a report over the size cap before reading it (B19)', async () => {
    const dir = workspace({ 'package-lock.json': '{}' });
    truncateSync(path.join(dir, 'package-lock.json'), 300 * 1024 * 1024); // sparse: no disk used
    await expect(runGate(dir)).rejects.toThrow(/exceeds|larger|MiB/);
  });
});
