// Fails when the committed dist/ is not what the sources build to: the runner executes dist/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const fresh = mkdtempSync(path.join(os.tmpdir(), 'aeef-dist-'));
execFileSync(process.execPath, [path.join(root, 'scripts', 'bundle.mjs'), fresh], { stdio: 'inherit' });

/** @param {string} dir @returns {string[]} */
function list(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? list(full, base) : [path.relative(base, full)];
  });
}
const committed = new Set(list(path.join(root, 'dist')));
const built = new Set(list(fresh));
const problems = [];
for (const file of built) {
  if (!committed.has(file)) problems.push(`missing from dist/: ${file}`);
  else if (!readFileSync(path.join(fresh, file)).equals(readFileSync(path.join(root, 'dist', file))))
    problems.push(`differs from a fresh build: dist/${file}`);
}
for (const file of committed) if (!built.has(file)) problems.push(`stale file in dist/: ${file}`);
for (const file of built) {
  if (/\.(wasm|node)$/.test(file)) problems.push(`binary artifact in dist/: ${file}`);
}
rmSync(fresh, { recursive: true, force: true });
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error('dist/ is out of date: run `npm run bundle` and commit dist/ with the source change.');
  process.exitCode = 1;
} else {
  console.log(`dist/ matches a fresh build (${built.size} files).`);
}
