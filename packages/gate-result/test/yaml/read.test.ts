import { describe, expect, it } from 'vitest';
import { parseLastYamlDocument, ReportError } from '../../src/index.js';

/** A pnpm v9 lockfile of `n` packages, each with 8 dependencies: about 15 lines per package. */
function pnpmLock(n: number): string {
  const out = ["lockfileVersion: '9.0'", '', 'importers:', '', '  .:', '    dependencies:'];
  for (let i = 0; i < 50; i++)
    out.push(`      pkg-${i}:`, `        specifier: ^1.0.${i}`, `        version: 1.0.${i}`);
  out.push('', 'packages:', '');
  for (let i = 0; i < n; i++)
    out.push(
      `  pkg-${i}@1.0.${i}:`,
      `    resolution: {integrity: sha512-${'A'.repeat(80)}${i}==}`,
      `    engines: {node: '>=14'}`,
      '',
    );
  out.push('snapshots:', '');
  for (let i = 0; i < n; i++) {
    out.push(`  pkg-${i}@1.0.${i}:`, '    dependencies:');
    for (let d = 1; d <= 8; d++) out.push(`      pkg-${(i + d) % n}: 1.0.${(i + d) % n}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

const refusal = (text: string, limits?: Parameters<typeof parseLastYamlDocument>[2]): string => {
  try {
    parseLastYamlDocument(text, 'pnpm-lock.yaml', limits);
  } catch (error) {
    expect(error).toBeInstanceOf(ReportError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('parseLastYamlDocument', () => {
  it('reads the last document of a stream', () => {
    expect(parseLastYamlDocument('a: 1\n---\nb: [x, y]\n', 'f.yaml')).toEqual({ b: ['x', 'y'] });
  });

  it('refuses duplicate keys, also spelled differently (quoted, escaped, number and string)', () => {
    expect(refusal('a:\n  license: MIT\n  license: GPL-3.0\n')).toMatch(/key appears twice.*line 3/);
    expect(refusal('license: MIT\n"licen\\x73e": GPL-3.0\n')).toMatch(/appears twice/);
    expect(refusal('1: a\n"1": b\n')).toMatch(/appears twice/);
    expect(refusal('{a: 1, a: 2}\n')).toMatch(/appears twice/);
  });

  it('refuses keys that are not plain values', () => {
    expect(refusal('? [a, b]\n: 1\n')).toMatch(/not a plain value/);
    expect(refusal('x: &k a\n*k : 1\n')).toMatch(/not a plain value/);
  });

  it('refuses billion laughs by the alias budget, with its own sentence', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    expect(refusal(`${lines.join('\n')}\n`)).toMatch(/expands YAML aliases more than 100 times/);
  });

  it('stops at the character and token budgets before parsing', () => {
    expect(refusal('a: b\n', { limits: { maxChars: 4 } })).toMatch(/over the 4 bytes limit for YAML/);
    // 3 million tiny flow items: over the 2 million token default.
    expect(refusal(`[${'1,'.repeat(3_000_000)}1]\n`)).toMatch(/more than 2,000,000 YAML tokens/);
  });

  it('reads a 100,000-line lockfile with 5,000 keys per mapping in linear time', () => {
    // Regression: the parser's own uniqueKeys check is quadratic; this took over a minute.
    const text = pnpmLock(6_700);
    expect(text.split('\n').length).toBeGreaterThan(100_000);
    const started = process.cpuUsage();
    const doc = parseLastYamlDocument(text, 'pnpm-lock.yaml') as { packages: object; snapshots: object };
    const used = process.cpuUsage(started);
    expect(Object.keys(doc.packages)).toHaveLength(6_700);
    expect(Object.keys(doc.snapshots)).toHaveLength(6_700);
    // CPU time, generous for a slow machine (about 3 s on a loaded 2-core one).
    expect((used.user + used.system) / 1000).toBeLessThan(20_000);
  }, 60_000);

  it('checks duplicate keys in linear time: 40,000 keys in one mapping', () => {
    // Regression: the parser's own uniqueKeys check compares each key with every earlier one
    // (800 million comparisons here, 28 s of CPU); one Set per mapping takes about a second.
    const lines = ["lockfileVersion: '5.4'", 'packages:'];
    for (let i = 0; i < 40_000; i++) lines.push(`  /pkg-${i}/1.0.0: sha512-x${i}`);
    const text = `${lines.join('\n')}\n`;
    // CPU time, not wall time: the other processes of a loaded machine do not count.
    const started = process.cpuUsage();
    const doc = parseLastYamlDocument(text, 'pnpm-lock.yaml') as { packages: object };
    const used = process.cpuUsage(started);
    expect(Object.keys(doc.packages)).toHaveLength(40_000);
    expect((used.user + used.system) / 1000).toBeLessThan(10_000);
  }, 120_000);
});
