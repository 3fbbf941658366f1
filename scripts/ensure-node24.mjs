// Installs Node 24 (the registry package node-<os>-<arch> for this machine, pinned by
// tools/node24/package-lock.json) for the end-to-end tests, which run dist/ under the runtime
// GitHub uses for node24 actions. A separate prefix keeps its `node` bin off the PATH of npm
// scripts, so the suite itself runs on the machine's Node 20.
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { resolveNode24 } from './node24.mjs';

const prefix = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'tools', 'node24');
const manifest = JSON.parse(readFileSync(path.join(prefix, 'package.json'), 'utf8'));
const { binary, install } = resolveNode24({
  prefix,
  platform: process.platform,
  arch: process.arch,
  pinned: manifest.optionalDependencies ?? {},
  runningVersion: process.version,
  execPath: process.execPath,
});
if (install && !existsSync(binary)) {
  // npm.cmd on Windows is a batch file, which only a shell can start.
  execFileSync('npm', ['ci', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (!existsSync(binary)) throw new Error(`npm ci in ${prefix} did not install ${binary}.`);
}
const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
if (!version.startsWith('v24.')) {
  throw new Error(`Expected Node 24 at ${binary}, found ${version}.`);
}
