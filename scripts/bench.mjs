// `npm run bench [-- coverage sarif ...]`: runs bench/<name>.ts (each exports `bench()`), side by side
// with the peer library, printing ratios. Benchmarks are not tests: they never decide CI.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const available = readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(', ')}.`);
  process.exitCode = 2;
} else {
  for (const name of wanted.length > 0 ? wanted : available) {
    console.log(`\n## ${name}`);
    // --expose-gc lets a benchmark collect between rounds; the source condition runs TypeScript sources.
    const run = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--max-old-space-size=8192',
        '--conditions=source',
        '--import',
        'tsx',
        path.join(root, 'bench', '_run.ts'),
        name,
      ],
      { cwd: root, stdio: 'inherit' },
    );
    if (run.status !== 0) process.exitCode = 1;
  }
}
