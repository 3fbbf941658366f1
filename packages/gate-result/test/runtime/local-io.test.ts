import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { MissingReportError, ReportError } from '../../src/errors.js';
import { createRecordingLogger } from '../../src/logger.js';
import { createLocalIO } from '../../src/runtime/local-io.js';

let root: string;
let workspace: string;
let outside: string;
const io = () =>
  createLocalIO({ workspace, log: createRecordingLogger(), resultDir: path.join(root, 'results') });

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'aeef-io-'));
  workspace = path.join(root, 'ws');
  outside = path.join(root, 'outside');
  mkdirSync(workspace);
  mkdirSync(outside);
});

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe(createLocalIO.name, () => {
  it('reads text inside the workspace, without a UTF-8 BOM', async () => {
    writeFileSync(path.join(workspace, 'r.json'), '\ufeff{"a":1}');
    await expect(io().readText('r.json')).resolves.toBe('{"a":1}');
    await expect(io().readText('./r.json')).resolves.toBe('{"a":1}');
  });

  // RELIABILITY B1
  it('reports a missing file as MissingReportError', async () => {
    const error = await failure(io().readText('coverage/lcov.info'));
    expect(error).toBeInstanceOf(MissingReportError);
    expect(error.message).toBe('The report `coverage/lcov.info` was not found.');
  });

  // RELIABILITY B3
  it.each([
    ['0 bytes', ''],
    ['whitespace', ' \n\t\r\n'],
    ['a BOM only', '\ufeff'],
  ])('refuses an empty file (%s)', async (_, content) => {
    writeFileSync(path.join(workspace, 'r.info'), content);
    const error = await failure(io().readText('r.info'));
    expect(error).toBeInstanceOf(ReportError);
    expect(error).not.toBeInstanceOf(MissingReportError);
    expect(error.message).toBe('The report `r.info` is empty.');
  });

  // RELIABILITY B5
  it.each([
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'is not valid UTF-8 text'],
    ['UTF-16 LE with BOM', Buffer.from('\ufeff{}', 'utf16le'), 'is UTF-16 encoded; expected UTF-8'],
    ['UTF-16 BE with BOM', Buffer.from([0xfe, 0xff, 0x00, 0x7b]), 'is UTF-16 encoded'],
    ['NUL bytes', Buffer.from('{"a":\u00001}'), 'contains a NUL character'],
  ])('refuses %s', async (_, bytes, message) => {
    writeFileSync(path.join(workspace, 'r.json'), bytes);
    expect((await failure(io().readText('r.json'))).message).toContain(message);
  });

  // RELIABILITY B16
  it.each(['../../etc/passwd', '../outside/x', '/etc/passwd', '~/.git-credentials', '~'])(
    'refuses %j as outside the workspace',
    async (given) => {
      const error = await failure(io().readFile(given));
      expect(error).toBeInstanceOf(ReportError);
      expect(error.message).toBe(`The report path \`${given}\` is outside the workspace.`);
    },
  );

  it('allows an allowlisted directory such as RUNNER_TEMP', async () => {
    writeFileSync(path.join(outside, 'r.txt'), 'ok');
    const sut = createLocalIO({ workspace, allowedDirs: [outside], log: createRecordingLogger() });
    await expect(sut.readText(path.join(outside, 'r.txt'))).resolves.toBe('ok');
  });

  // RELIABILITY B15
  it.each([
    ['/proc/self/environ', 'a link to a file outside it'],
    ['/dev/zero', 'a link to a file outside it'],
    ['../outside/secret.txt', 'a link to a file outside it'],
  ])('refuses a link to %s before reading it', async (target, why) => {
    writeFileSync(path.join(outside, 'secret.txt'), 'SECRET_SENTINEL');
    symlinkSync(
      target.startsWith('/') ? target : path.join(workspace, target),
      path.join(workspace, 'r.json'),
    );
    const error = await failure(io().readText('r.json'));
    expect(error).toBeInstanceOf(ReportError);
    expect(error.message).toBe(
      `The report \`r.json\` must be a regular file inside the workspace, not ${why}.`,
    );
  });

  it('refuses a file under a linked directory that leaves the workspace', async () => {
    writeFileSync(path.join(outside, 'lcov.info'), 'SECRET_SENTINEL');
    symlinkSync(outside, path.join(workspace, 'coverage'));
    expect((await failure(io().readText('coverage/lcov.info'))).message).toContain(
      'must be a regular file inside the workspace',
    );
  });

  // RELIABILITY B17: no hang on a FIFO; directories refused too.
  it('refuses a FIFO and a directory without blocking', async () => {
    execFileSync('mkfifo', [path.join(workspace, 'fifo')]);
    mkdirSync(path.join(workspace, 'dir'));
    expect((await failure(io().readText('fifo'))).message).toBe(
      'The report `fifo` must be a regular file inside the workspace, not a FIFO.',
    );
    expect((await failure(io().readText('dir'))).message).toContain('not a directory');
  });

  // RELIABILITY B19: a 600 MiB sparse file is refused from its size, before any read.
  it('refuses a file over the size cap before reading it', async () => {
    execFileSync('truncate', ['-s', '600M', path.join(workspace, 'big.json')]);
    const started = performance.now();
    expect((await failure(io().readFile('big.json'))).message).toBe(
      'The report `big.json` is 600 MiB, over the 256 MiB limit.',
    );
    expect((await failure(io().readFile('big.json', { maxBytes: 1024 }))).message).toContain(
      'is 600 MiB, over the 1 KiB limit',
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('globs regular files, sorted, skipping .git and node_modules unless named', async () => {
    for (const file of ['b/x.info', 'a/x.info', 'node_modules/p/x.info', '.git/x.info', 'a/y.txt']) {
      mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
      writeFileSync(path.join(workspace, file), 'x');
    }
    symlinkSync(outside, path.join(workspace, 'linked-dir'));
    writeFileSync(path.join(outside, 'z.info'), 'x');
    await expect(io().glob(['**/*.info'])).resolves.toEqual(['a/x.info', 'b/x.info']);
    await expect(io().glob(['node_modules/**/*.info'])).resolves.toEqual(['node_modules/p/x.info']);
    // `.github` names a directory that merely starts like `.git`: `.git` stays skipped.
    await expect(io().glob(['**/*.info', '.github/**'])).resolves.toEqual(['a/x.info', 'b/x.info']);
    await expect(io().glob(['**/*.info'], { ignore: ['b/**'] })).resolves.toEqual(['a/x.info']);
  });

  // `files: ${{ github.workspace }}/coverage/lcov.info` is how many workflows name reports.
  it('globs an absolute pattern inside the workspace as a relative one, and refuses one outside', async () => {
    mkdirSync(path.join(workspace, 'coverage'));
    writeFileSync(path.join(workspace, 'coverage', 'lcov.info'), 'x');
    await expect(io().glob([`${workspace}/coverage/*.info`])).resolves.toEqual(['coverage/lcov.info']);
    writeFileSync(path.join(outside, 'lcov.info'), 'x');
    const error = await failure(io().glob([`${outside}/lcov.info`]));
    expect(error).toBeInstanceOf(ReportError);
    expect(error.message).toMatch(/is outside the workspace/);
  });

  it('runs git without a shell and caches the change set', async () => {
    let calls = 0;
    const sut = createLocalIO({
      workspace,
      log: createRecordingLogger(),
      changes: () => {
        calls++;
        return Promise.resolve(undefined);
      },
    });
    await sut.changes();
    await sut.changes();
    expect(calls).toBe(1);
    await expect(sut.git(['--version'])).resolves.toMatch(/^git version/);
    await expect(sut.git(['rev-parse', 'HEAD; echo pwned'])).rejects.toThrow(/^git rev-parse failed/);
  });
});
