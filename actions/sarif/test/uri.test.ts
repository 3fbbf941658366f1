import { describe, expect, it } from 'vitest';
import { fullUri, MAX_URI_LENGTH, resolveUri } from '../src/uri.js';
import { sarifRun } from './factory.js';

const WS = '/home/runner/work/repo/repo';

describe(resolveUri.name, () => {
  it.each([
    ['src/a.ts', 'src/a.ts'],
    ['./src//b.ts', 'src/b.ts'],
    ['src/with%20space.ts', 'src/with space.ts'],
    [`file://${WS}/src/c.ts`, 'src/c.ts'],
    ['src/x/../d.ts', 'src/d.ts'],
  ])('%s → path %s', (uri, path) => {
    expect(resolveUri(uri, WS)).toEqual({ path });
  });

  it.each([
    ['../../etc/passwd'],
    ['file:///etc/shadow'],
    ['/etc/passwd'],
    ['javascript:alert(1)'],
    ['https://evil.example/x.ts'],
    ['file:///C:/code/file1.c'],
    ['src/%0Aevil.ts'],
    ['src\\win.ts'],
    ['.'],
    ['not a valid URI'.replace(/ /g, '%ZZ')],
  ])('%s stays display text (B24)', (uri) => {
    expect(resolveUri(uri, WS)).toHaveProperty('text');
  });

  it('shortens a 10 KB URI and never resolves it (B24)', () => {
    const uri = `src/${'a'.repeat(10_000)}.ts`;
    expect(uri.length).toBeGreaterThan(MAX_URI_LENGTH);
    const resolved = resolveUri(uri, WS) as { text: string };
    expect(resolved.text.length).toBeLessThan(300);
    expect(resolved.text).toContain('(10007 characters)');
  });
});

describe(fullUri.name, () => {
  it('follows uriBaseId chains, %SRCROOT% and artifact indexes', () => {
    const run = sarifRun({
      originalUriBaseIds: { REPO: { uri: `file://${WS}/` }, SRC: { uri: 'src/', uriBaseId: 'REPO' } },
      artifacts: [{ location: { uri: 'lib/z.ts', uriBaseId: 'SRC' } }],
    });
    expect(fullUri(run, { uri: 'a.ts', uriBaseId: 'SRC' })).toBe(`file://${WS}/src/a.ts`);
    expect(fullUri(run, { index: 0 })).toBe(`file://${WS}/src/lib/z.ts`);
    expect(fullUri(sarifRun(), { uri: 'p.py', uriBaseId: '%SRCROOT%' })).toBe('p.py');
    expect(fullUri(sarifRun(), { uri: 'p.py', uriBaseId: 'UNKNOWN' })).toBe('p.py');
    const srcroot = sarifRun({ originalUriBaseIds: { '%SRCROOT%': { uri: `file://${WS}/sub/` } } });
    expect(resolveUri(fullUri(srcroot, { uri: 'p.py', uriBaseId: '%SRCROOT%' })!, WS)).toEqual({
      path: 'sub/p.py',
    });
  });

  it('survives a base-id cycle', () => {
    const run = sarifRun({
      originalUriBaseIds: { A: { uri: 'a/', uriBaseId: 'B' }, B: { uri: 'b/', uriBaseId: 'A' } },
    });
    expect(fullUri(run, { uri: 'x', uriBaseId: 'A' })).toBe('b/a/x');
  });
});
