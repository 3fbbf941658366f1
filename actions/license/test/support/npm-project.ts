// Installs the committed fixture project (test/fixtures/npm-project) with `npm ci` into a fresh
// temporary directory: a real node_modules tree, as a runner has after `npm ci`.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_PROJECT = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'npm-project',
);

/** Copies the fixture project to a temp dir and runs `npm ci` there; returns the directory. */
export function installFixtureProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'license-project-'));
  cpSync(FIXTURE_PROJECT, dir, { recursive: true });
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: dir,
    stdio: 'pipe',
    timeout: 120_000,
  });
  return dir;
}

/** Every installed package.json by install path (`node_modules/a`), read from disk. */
export function readInstalledManifests(dir: string): Map<string, Record<string, unknown>> {
  const manifests = new Map<string, Record<string, unknown>>();
  const walk = (modules: string): void => {
    for (const entry of readdirSync(path.join(dir, modules))) {
      if (entry.startsWith('.')) continue;
      const names = entry.startsWith('@')
        ? readdirSync(path.join(dir, modules, entry)).map((n) => `${entry}/${n}`)
        : [entry];
      for (const name of names) {
        const key = `${modules}/${name}`;
        manifests.set(
          key,
          JSON.parse(readFileSync(path.join(dir, key, 'package.json'), 'utf8')) as Record<string, unknown>,
        );
        const nested = path.join(dir, key, 'node_modules');
        if (statSync(nested, { throwIfNoEntry: false })?.isDirectory()) walk(`${key}/node_modules`);
      }
    }
  };
  walk('node_modules');
  return manifests;
}
