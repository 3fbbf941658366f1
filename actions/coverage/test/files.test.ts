/**
 * The gate over the real file-reading IO (createLocalIO) in a temporary workspace: the report-file
 * rows of RELIABILITY (B1, B15, B16, B19) hold for coverage, and nothing is read before the checks.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MissingReportError, ReportError, inputsFromRecord, withDefaults } from '@aeef/gate-result';
import { createLocalIO } from '@aeef/gate-result/runtime';
import { coverageGate } from '../src/gate.js';

const workspace = mkdtempSync(path.join(os.tmpdir(), 'aeef-cov-ws-'));
const outside = mkdtempSync(path.join(os.tmpdir(), 'aeef-cov-outside-'));
afterAll(() => {
  rmSync(workspace, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});
mkdirSync(path.join(workspace, 'coverage'));
writeFileSync(path.join(outside, 'lcov.info'), 'SF:a.js\nDA:1,1\nend_of_record\n');

async function run(files: string, maxBytes?: number) {
  const config = coverageGate.config(
    withDefaults(inputsFromRecord({ files, 'min-lines': '0' }), coverageGate.inputs),
  );
  return await coverageGate.run(
    config,
    createLocalIO({ workspace, ...(maxBytes !== undefined && { maxBytes }) }),
  );
}

describe('coverage reports through the real IO', () => {
  it('reads a report inside the workspace', async () => {
    writeFileSync(
      path.join(workspace, 'coverage', 'ok.info'),
      'SF:src/a.js\nDA:1,1\nDA:2,0\nend_of_record\n',
    );
    expect((await run('coverage/ok.info')).metrics[0]!.value).toBe(50);
  });

  it('says "not found" for a missing report (B1)', async () => {
    await expect(run('coverage/none.info')).rejects.toBeInstanceOf(MissingReportError);
  });

  it.each([
    ['/proc/self/environ', 'environ'],
    ['/dev/zero', 'zero'],
  ])('refuses a symlink to %s before reading it (B15)', async (target, name) => {
    symlinkSync(target, path.join(workspace, 'coverage', `${name}.info`));
    const error = await run(`coverage/${name}.info`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect(String((error as Error).message)).not.toMatch(/PATH=|HOME=/);
  });

  it('refuses a symlink that leads outside the workspace (B15)', async () => {
    symlinkSync(path.join(outside, 'lcov.info'), path.join(workspace, 'coverage', 'escape.info'));
    await expect(run('coverage/escape.info')).rejects.toThrow(ReportError);
  });

  it.each(['../../etc/passwd', '/etc/passwd', `${outside}/lcov.info`])(
    'refuses the path %s outside the workspace (B16)',
    async (p) => {
      // Refused as an input (patterns must be workspace-relative), before any file is touched.
      await expect(run(p)).rejects.toThrow(
        /Expected `files` to hold patterns (without `\.\.` segments|relative to the working directory)/,
      );
    },
  );

  it('refuses a report above the size cap before reading it (B19)', async () => {
    const big = path.join(workspace, 'coverage', 'big.info');
    writeFileSync(big, '');
    truncateSync(big, 600 * 1024 * 1024); // sparse: no disk, no memory
    const error = await run('coverage/big.info').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as Error).message).toMatch(/MiB|too large|exceeds/i);
  });
});
