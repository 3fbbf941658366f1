// package-lock v2/v3 flags: dev, optional, devOptional, peer, link and workspace members, and the
// dependency path from the root through nested installs.
import { describe, expect, it } from 'vitest';
import { readNpmLock } from '../src/npm-lock.js';

const LOCK = {
  lockfileVersion: 3,
  packages: {
    '': {
      name: 'root',
      workspaces: ['packages/*'],
      dependencies: { a: '1', web: '*' },
      devDependencies: { t: '1' },
    },
    'node_modules/web': { resolved: 'packages/web', link: true },
    'packages/web': { name: 'web', version: '0.1.0', license: 'UNLICENSED', dependencies: { b: '1' } },
    'node_modules/a': {
      version: '1.0.0',
      license: 'MIT',
      dependencies: { c: '1' },
      optionalDependencies: { o: '1' },
    },
    'node_modules/a/node_modules/c': { version: '2.0.0', license: 'ISC' },
    'node_modules/c': { version: '1.0.0', license: 'ISC', dev: true },
    'node_modules/b': { version: '1.0.0', license: 'MIT', peer: true },
    'node_modules/o': { version: '1.0.0', license: 'MIT', optional: true },
    'node_modules/d': { version: '1.0.0', license: 'MIT', devOptional: true },
    'node_modules/t': { version: '1.0.0', license: 'MIT', dev: true, dependencies: { c: '1' } },
    'node_modules/x': { version: '1.0.0', license: 'MIT', dev: true, optional: true },
    'node_modules/alias': { name: 'real-name', version: '3.0.0', license: 'MIT' },
  },
};

describe(readNpmLock.name, () => {
  const inventory = readNpmLock(LOCK, 'package-lock.json');
  const get = (name: string, version?: string) =>
    inventory.packages.find((p) => p.name === name && (version === undefined || p.version === version));

  it('takes scopes from npm flags: devOptional ships as optional, dev+optional is dev, peer is production', () => {
    expect(get('a')?.scope).toBe('production');
    expect(get('b')?.scope).toBe('production');
    expect(get('o')?.scope).toBe('optional');
    expect(get('d')?.scope).toBe('optional');
    expect(get('t')?.scope).toBe('development');
    expect(get('x')?.scope).toBe('development');
  });

  it('lists workspace members as first-party and skips link entries', () => {
    expect(get('web')).toMatchObject({ firstParty: true, version: '0.1.0' });
    expect(inventory.packages.filter((p) => p.name === 'web')).toHaveLength(1);
    expect(inventory.packages).toHaveLength(10);
  });

  it('resolves nested installs and aliases, with the path from the root', () => {
    expect(get('c', '2.0.0')?.path).toEqual(['a', 'c']);
    expect(get('c', '1.0.0')?.path).toEqual(['t', 'c']);
    expect(get('b')?.path).toEqual(['web', 'b']);
    expect(get('real-name')?.version).toBe('3.0.0');
  });
});
