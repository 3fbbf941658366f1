import { describe, expect, it } from 'vitest';
import { normaliseReportPath } from '../src/paths.js';

describe(normaliseReportPath.name, () => {
  it.each([
    // [raw, workspace, roots, expected path, outside]
    ['./src/a.ts', '/ws', [], 'src/a.ts', false],
    ['src//b/../a.ts', '/ws', [], 'src/a.ts', false],
    ['/ws/src/a.ts', '/ws', [], 'src/a.ts', false],
    ['/ws/src/a.ts', '/ws/', [], 'src/a.ts', false],
    ['/other/a.ts', '/ws', [], '/other/a.ts', true],
    ['/ws', '/ws', [], '/ws', true],
    ['../a.ts', '/ws', [], '../a.ts', true],
    ['src\\win\\a.cs', '/ws', [], 'src/win/a.cs', false],
    ['D:\\a\\repo\\src\\a.cs', 'D:\\a\\repo', [], 'src/a.cs', false],
    ['d:/A/Repo/src/a.cs', 'D:\\a\\repo', [], 'src/a.cs', false],
    ['file:///ws/src/a%20b.ts', '/ws', [], 'src/a b.ts', false],
    ['a.py', '/ws', ['/ws/pkg'], 'pkg/a.py', false],
    ['a.py', '/ws', ['/elsewhere/pkg', '/ws/lib'], 'lib/a.py', false],
    ['Exceptions\\A.cs', '/home/runner/work/r/r', ['D:\\Dev\\src\\'], 'Exceptions/A.cs', false],
    ['redis.c', '/ws', ['src/'], 'src/redis.c', false],
    ['__proto__', '/ws', [], '__proto__', false],
  ] as const)('%s in %s (roots %j) -> %s', (raw, ws, roots, path, outside) => {
    expect(normaliseReportPath(raw, ws, roots)).toEqual({ path, outside });
  });
});
