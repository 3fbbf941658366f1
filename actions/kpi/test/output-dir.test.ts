/**
 * `output-dir` (issue 11, "Paths and files"): resolved through symlinks, it must stay inside the
 * workspace (or the result directory, the default) and never reach into `.git/`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inputsFromRecord, type EventContext } from '@aeef/gate-result';
import { createLocalIO, executeGate, writeResultFile } from '@aeef/gate-result/runtime';
import { describe, expect, it } from 'vitest';
import { kpiGate } from '../src/gate.js';
import { gateResultFactory } from '../../../test/support/factories.js';

const event: EventContext = { name: 'push', payload: {}, headSha: 'c', job: 'j' };

async function setup() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'aeef-kpi-out-'));
  const workspace = path.join(root, 'ws');
  mkdirSync(workspace);
  execFileSync('git', ['init', '-q', workspace]);
  const resultDir = path.join(root, 'results');
  await writeResultFile(resultDir, gateResultFactory(), 'j');
  const outside = path.join(root, 'outside');
  mkdirSync(outside);
  return { root, workspace, resultDir, outside };
}

async function exportTo(workspace: string, resultDir: string, outputDir: string) {
  const io = createLocalIO({ workspace, resultDir, event });
  return executeGate(kpiGate, inputsFromRecord({ formats: 'json', 'output-dir': outputDir }), io);
}

describe('output-dir', () => {
  it('writes inside the workspace, following a symlink that stays inside', async () => {
    const { workspace, resultDir } = await setup();
    mkdirSync(path.join(workspace, 'reports'));
    symlinkSync('reports', path.join(workspace, 'kpi-out'));
    const result = await exportTo(workspace, resultDir, 'kpi-out');
    expect(result.verdict, result.summary).toBe('pass');
    expect(result.outputs['kpi-file']).toBe(path.join(realpathSync(workspace), 'reports', 'kpi.json'));
  });

  it('refuses a symlink that leads out of the workspace, writing nothing there', async () => {
    const { workspace, resultDir, outside } = await setup();
    symlinkSync(outside, path.join(workspace, 'escape'));
    const result = await exportTo(workspace, resultDir, 'escape/kpi');
    expect(result.verdict).toBe('error');
    expect(result.summary).toContain('resolves (through a symlink) outside the workspace');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses `.git/` by name and through a symlink, writing nothing there', async () => {
    const { workspace, resultDir } = await setup();
    const named = await exportTo(workspace, resultDir, '.git/hooks');
    expect(named.verdict).toBe('error');
    expect(named.summary).toContain('Expected `output-dir` to be a directory outside `.git/`');
    expect(existsSync(path.join(workspace, '.git', 'hooks', 'kpi.json'))).toBe(false);

    symlinkSync('.git', path.join(workspace, 'innocent'));
    const linked = await exportTo(workspace, resultDir, 'innocent/hooks');
    expect(linked.verdict).toBe('error');
    expect(linked.summary).toContain('is inside `.git/`');
    expect(existsSync(path.join(workspace, '.git', 'hooks', 'kpi.json'))).toBe(false);
  });

  it('refuses a path outside both roots', async () => {
    const { workspace, resultDir, outside } = await setup();
    const result = await exportTo(workspace, resultDir, outside);
    expect(result.verdict).toBe('error');
    expect(result.summary).toContain('only the workspace and the result directory are writable');
  });
});
