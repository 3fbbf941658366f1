/**
 * The umbrella bundle (dist/gates) given a gate's input, as `with: min-lines: 95` on
 * `uses: aeef/gates@v1` would: the runner passes it as INPUT_MIN-LINES and only warns. It used to
 * reach every gate that has such an input; the step now fails before any gate ran, pointing to the
 * config file's sections.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.js';
import { runAction } from '../support/run-action.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function workspace(config: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aeef-umbrella-inputs-'));
  dirs.push(dir);
  cpSync(path.join(REPO_ROOT, 'examples', 'reports'), path.join(dir, 'reports'), { recursive: true });
  mkdirSync(path.join(dir, '.github'));
  writeFileSync(path.join(dir, '.github', 'aeef-gates.yml'), config);
  return dir;
}

const CONFIG = `gates: [coverage, mutation]
coverage:
  files: reports/coverage/lcov.info
mutation:
  files: reports/mutation/mutation.json
`;

describe('the umbrella action given gate inputs (dist/gates under Node 24)', () => {
  it('refuses `files` and `min-lines` and names the config file instead of applying them to every gate', async () => {
    const r = await runAction({
      bundle: 'gates',
      workspace: workspace(CONFIG),
      eventName: 'push',
      inputs: { files: 'reports/coverage/lcov.info', 'min-lines': '95' },
    });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.verdict).toBe('error');
    expect(r.outputs.summary).toBe(
      "This action runs several gates and takes no gate inputs, got `files` (coverage, mutation, sarif), `min-lines` (coverage): set each in its gate's section of the config file `.github/aeef-gates.yml` (e.g. `coverage:` then `files: ...`, see docs/configuration.md), or use the single-gate action `aeef/gates/actions/coverage@v1`.",
    );
    expect(r.outputs['coverage-verdict']).toBeUndefined();
  });

  it("applies the same setting when it is in the gate's section of the config file", async () => {
    const r = await runAction({
      bundle: 'gates',
      workspace: workspace(
        'gates: [coverage]\ncoverage:\n  files: reports/coverage/lcov.info\n  min-lines: 97\n',
      ),
      eventName: 'push',
      inputs: { 'if-missing': 'fail' },
    });
    expect(r.outputs['coverage-verdict'], r.outputs.summary).toBe('fail');
    expect(r.outputs['coverage-summary']).toBe('Line coverage 96.00% is below 97%.');
  });
});
