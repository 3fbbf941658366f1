import { describe, expect, it } from 'vitest';
import { mapPathsToRepository, mappingSegments, parseLsFiles } from '../src/path-mapping.js';

const repo = ['src/a.ts', 'src/util/b.ts', 'test/util/b.ts', 'src/main/java/com/x/A.java', 'README.md'];

describe(mapPathsToRepository.name, () => {
  it('strips the prefix every report path shares (another runner root)', () => {
    const m = mapPathsToRepository(
      ['/home/runner/work/x/x/src/a.ts', '/home/runner/work/x/x/src/util/b.ts'],
      repo,
    );
    expect([...m.mapped]).toEqual([
      ['/home/runner/work/x/x/src/a.ts', 'src/a.ts'],
      ['/home/runner/work/x/x/src/util/b.ts', 'src/util/b.ts'],
    ]);
    expect(m.unmapped).toEqual([]);
    expect(m.description).toBe(
      'Report paths mapped by suffix: 2 files under `home/runner/work/x/x/` to the repository root (git ls-files).',
    );
  });

  it('reads Windows drive letters and backslashes, case-insensitively when no exact case matches', () => {
    const m = mapPathsToRepository(['D:\\a\\x\\x\\SRC\\A.ts', 'file:///C:/w/src/util/b.ts'], repo);
    expect(m.mapped.get('D:\\a\\x\\x\\SRC\\A.ts')).toBe('src/a.ts');
    expect(m.mapped.get('file:///C:/w/src/util/b.ts')).toBe('src/util/b.ts');
  });

  it('adds a source root the report left out (JaCoCo package paths)', () => {
    const m = mapPathsToRepository(['com/x/A.java'], repo);
    expect(m.mapped.get('com/x/A.java')).toBe('src/main/java/com/x/A.java');
    expect(m.description).toContain('to `src/main/java/`');
  });

  it('keeps repository paths, and never guesses between equal matches or by file name alone', () => {
    const m = mapPathsToRepository(['src/a.ts', 'util/b.ts', '/x/lib/a.ts', '/y/z/nothing.ts'], repo);
    expect(m.mapped.get('src/a.ts')).toBe('src/a.ts');
    expect(m.ambiguous).toEqual(['util/b.ts']);
    expect(m.unmapped).toEqual(['util/b.ts', '/x/lib/a.ts', '/y/z/nothing.ts']);
    expect(m.description).toMatch(/3 match no tracked file/);
  });

  it('prefers the longest matching suffix', () => {
    const m = mapPathsToRepository(['/ci/checkout/test/util/b.ts', '/ci/other/src/util/b.ts'], repo);
    expect(m.mapped.get('/ci/checkout/test/util/b.ts')).toBe('test/util/b.ts');
    expect(m.mapped.get('/ci/other/src/util/b.ts')).toBe('src/util/b.ts');
  });

  it('is linear enough for 100,000 report paths', () => {
    const files = Array.from({ length: 100_000 }, (_, i) => `src/m${i % 100}/f${i}.ts`);
    const m = mapPathsToRepository(
      files.map((f) => `/home/runner/work/r/r/${f}`),
      files,
    );
    expect(m.mapped.size).toBe(100_000);
  });
});

describe('segments and ls-files', () => {
  it('splits what git and reports print', () => {
    expect(mappingSegments('.\\src\\.\\a.ts')).toEqual(['src', 'a.ts']);
    expect(mappingSegments('C:/x//a.ts')).toEqual(['x', 'a.ts']);
    expect(parseLsFiles('a b.ts\u0000ü.ts\u0000')).toEqual(['a b.ts', 'ü.ts']);
  });
});
