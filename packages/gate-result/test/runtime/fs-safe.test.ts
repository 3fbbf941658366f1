// Paths and files (issue: "Paths and files"): the handle really opened is checked, a workspace link
// cannot reach an allowlisted directory, and a FIFO or directory named like a report is an error
// in the glob, never "no file matches".
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { rename, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ReportError } from '../../src/errors.js';
import { createRecordingLogger } from '../../src/logger.js';
import { readFileSafe } from '../../src/runtime/fs-safe.js';
import { createLocalIO } from '../../src/runtime/local-io.js';

let root: string;
let workspace: string;
let outside: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'aeef-fs-safe-'));
  workspace = path.join(root, 'ws');
  outside = path.join(root, 'outside');
  mkdirSync(workspace);
  mkdirSync(outside);
});

describe(readFileSafe.name, () => {
  it('never reads through a directory swapped for a link between the checks and the open', async () => {
    mkdirSync(path.join(workspace, 'reports'));
    writeFileSync(path.join(workspace, 'reports', 'r.json'), 'INSIDE');
    mkdirSync(path.join(outside, 'reports'));
    writeFileSync(path.join(outside, 'reports', 'r.json'), 'SECRET_SENTINEL');
    const dir = path.join(workspace, 'reports');
    const parked = path.join(workspace, 'parked');
    let stop = false;
    // Swaps `reports/` for a link to the outside directory and back, as fast as the disk allows.
    const swapper = (async () => {
      while (!stop) {
        await rename(dir, parked);
        await symlink(path.join(outside, 'reports'), dir);
        await new Promise((resolve) => setImmediate(resolve));
        await rm(dir);
        await rename(parked, dir);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const read: string[] = [];
    for (let i = 0; i < 400; i++) {
      try {
        read.push((await readFileSafe('reports/r.json', { roots: [workspace] })).toString());
      } catch (error) {
        expect(error).toBeInstanceOf(ReportError);
      }
    }
    stop = true;
    await swapper;
    expect(read.filter((text) => text !== 'INSIDE')).toEqual([]);
  });

  it('refuses a workspace link into an allowlisted directory (RUNNER_TEMP), but reads a path naming it', async () => {
    const runnerTemp = outside;
    writeFileSync(path.join(runnerTemp, 'git-credentials-1234.config'), 'SECRET_SENTINEL');
    symlinkSync(path.join(runnerTemp, 'git-credentials-1234.config'), path.join(workspace, 'report.sarif'));
    const io = createLocalIO({ workspace, allowedDirs: [runnerTemp], log: createRecordingLogger() });
    await expect(io.readText('report.sarif')).rejects.toThrow(
      'The report `report.sarif` must be a regular file inside the workspace, not a link to a file outside it.',
    );
    writeFileSync(path.join(runnerTemp, 'named.json'), '{}');
    await expect(io.readText(path.join(runnerTemp, 'named.json'))).resolves.toBe('{}');
  });
});

describe('glob of reports', () => {
  it('lists a FIFO or a directory named like a report, so reading it is the one error sentence', async () => {
    mkdirSync(path.join(workspace, 'coverage'));
    execFileSync('mkfifo', [path.join(workspace, 'coverage', 'lcov.info')]);
    mkdirSync(path.join(workspace, 'reports', 'mutation.json'), { recursive: true });
    mkdirSync(path.join(workspace, 'reports', 'html'), { recursive: true });
    const io = createLocalIO({ workspace, log: createRecordingLogger() });
    await expect(io.glob(['**/lcov.info'])).resolves.toEqual(['coverage/lcov.info']);
    await expect(io.glob(['reports/*.json'])).resolves.toEqual(['reports/mutation.json']);
    // A pattern that names directories by design (`reports/**`) does not list them.
    await expect(io.glob(['reports/**'])).resolves.toEqual([]);
    await expect(io.readText('coverage/lcov.info')).rejects.toThrow(
      'The report `coverage/lcov.info` must be a regular file inside the workspace, not a FIFO.',
    );
    await expect(io.readText('reports/mutation.json')).rejects.toThrow(
      'The report `reports/mutation.json` must be a regular file inside the workspace, not a directory.',
    );
  });
});

// RELIABILITY B18: a committed or leftover report is legal (a baseline), so it warns, never fails.
describe('report freshness', () => {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: workspace, stdio: 'ignore' });

  it('warns when a report is tracked in git or older than the job, and only for reports', async () => {
    git('init', '-q');
    writeFileSync(path.join(workspace, 'committed.sarif'), '{}');
    git('add', 'committed.sarif');
    writeFileSync(path.join(workspace, 'old.sarif'), '{}');
    writeFileSync(path.join(workspace, 'fresh.sarif'), '{}');
    const jobStartedAt = Date.now();
    const hourAgo = new Date(Math.floor(jobStartedAt / 1000) * 1000 - 3_600_000);
    utimesSync(path.join(workspace, 'old.sarif'), hourAgo, hourAgo);
    const log = createRecordingLogger();
    const io = createLocalIO({ workspace, log, jobStartedAt });
    await io.readFile('committed.sarif', { report: true });
    await io.readText('old.sarif', { report: true });
    await io.readText('old.sarif', { report: true });
    await io.readText('fresh.sarif', { report: true });
    await io.readText('old.sarif');
    expect(log.lines).toEqual([
      {
        level: 'warning',
        line: "The report `committed.sarif` is tracked in git: it may be a committed copy rather than this run's output; check that the step producing it ran.",
      },
      {
        level: 'warning',
        line: `The report \`old.sarif\` was last written at ${hourAgo.toISOString()}, before this job started (${new Date(jobStartedAt).toISOString()}): it may be left over from an earlier run.`,
      },
    ]);
  });
});
