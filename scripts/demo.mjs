// `npm run demo`: the CLI on a temporary copy of examples/. The sample reports are committed, so
// read in place each would get the "tracked in git" warning (RELIABILITY B18), which is right for
// a user's workspace and wrong for a demo whose reports are committed on purpose. The copy is
// outside git; the gates, the config file and the reports are the same.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const copy = mkdtempSync(path.join(os.tmpdir(), 'aeef-demo-'));
try {
  cpSync(path.join(root, 'examples'), copy, { recursive: true });
  const run = spawnSync(
    process.execPath,
    [
      path.join(root, 'dist', 'cli', 'index.js'),
      '--config',
      'aeef-gates.yml',
      '--working-directory',
      copy,
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', cwd: copy },
  );
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(copy, { recursive: true, force: true });
}
