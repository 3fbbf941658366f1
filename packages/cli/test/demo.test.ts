// `npm run demo` runs on a temporary copy of examples/, so the committed sample reports do not get
// the "tracked in git" warning (B18) that a user's committed report gets.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/support/paths.js';

describe('npm run demo', () => {
  it('passes every gate and prints no B18 warning for the committed sample reports', () => {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'demo.mjs'), '--no-color'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(output).toContain('✔ aeef/gates: passed');
    expect(output).not.toContain('is tracked in git');
    expect(run.status).toBe(0);
  }, 150_000);
});
