import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireProgram } from './services.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'aeef-programs-'));
const tool = path.join(dir, 'some-tool');
writeFileSync(tool, '#!/bin/sh\n');
chmodSync(tool, 0o755);
const notExecutable = path.join(dir, 'plain-file');
writeFileSync(notExecutable, '');

describe('requireProgram', () => {
  it('finds a program among the candidates, then on the PATH', () => {
    expect(requireProgram('x', 'hint', [notExecutable, tool], { PATH: '' })).toEqual({ path: tool });
    expect(requireProgram('some-tool', 'hint', [], { PATH: `/nonexistent${path.delimiter}${dir}` })).toEqual({
      path: tool,
    });
  });

  it('skips with one line naming what to install when services are not required', () => {
    expect(requireProgram('semgrep', 'run `npm run setup:semgrep`', [], { PATH: dir })).toEqual({
      skip: 'skipped: semgrep is not installed: run `npm run setup:semgrep`',
    });
    expect(
      requireProgram('plain-file', 'hint', [], { PATH: dir, AEEF_REQUIRE_SERVICES: '0' }).skip,
    ).toBeDefined();
  });

  it('fails when AEEF_REQUIRE_SERVICES=1 (CI) and the program is missing', () => {
    expect(() =>
      requireProgram('semgrep', 'run `npm run setup:semgrep`', [], { PATH: dir, AEEF_REQUIRE_SERVICES: '1' }),
    ).toThrow('semgrep is not installed: run `npm run setup:semgrep` (AEEF_REQUIRE_SERVICES=1 requires it).');
  });
});
