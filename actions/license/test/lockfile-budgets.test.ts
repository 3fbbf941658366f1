// Lockfiles read under the suite's YAML budgets (issue 11, "Bound every resource"): every YAML
// lockfile, and yarn classic, stops with one sentence at a documented limit; a large legitimate
// pnpm lockfile is read in linear time.
import { describe, expect, it } from 'vitest';
import { ReportError } from '@aeef/gate-result';
import { readSource } from '../src/detect.js';

function refusal(text: string, file: string): string {
  try {
    readSource(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(ReportError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('lockfile budgets', () => {
  it('refuses a pnpm-lock.yaml over the token budget before parsing it', () => {
    const text = `lockfileVersion: '9.0'\npackages:\n  a@1.0.0: {x: [${'1,'.repeat(2_100_000)}1]}\n`;
    expect(refusal(text, 'pnpm-lock.yaml')).toMatch(/pnpm-lock\.yaml holds more than 2,000,000 YAML tokens/);
  });

  it('refuses a yarn classic lockfile over the same budget', () => {
    const text = `# yarn lockfile v1\n${'\n'.repeat(2_100_000)}`;
    expect(refusal(text, 'yarn.lock')).toMatch(/yarn\.lock holds more than 2,000,000 YAML tokens/);
  });

  it('refuses billion laughs in a berry yarn.lock', () => {
    const lines = ['__metadata:', '  version: 8', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*a${i - 1}`)
          .join(', ')}]`,
      );
    expect(refusal(`${lines.join('\n')}\n`, 'yarn.lock')).toMatch(/expands YAML aliases more than 100 times/);
  });

  it('refuses a duplicate package key in a pnpm lockfile, naming the line', () => {
    const text = "lockfileVersion: '9.0'\npackages:\n  a@1.0.0: {}\n  'a@1.0.0': {}\n";
    expect(refusal(text, 'pnpm-lock.yaml')).toMatch(/a key appears twice in one mapping \(line 4\)/);
  });

  it('reads a 100,000-line pnpm lockfile of 6,700 packages in linear time', () => {
    const n = 6_700;
    const out = ["lockfileVersion: '9.0'", '', 'importers:', '', '  .:', '    dependencies:'];
    for (let i = 0; i < 50; i++)
      out.push(`      pkg-${i}:`, `        specifier: ^1.0.${i}`, `        version: 1.0.${i}`);
    out.push('', 'packages:', '');
    for (let i = 0; i < n; i++)
      out.push(
        `  pkg-${i}@1.0.${i}:`,
        `    resolution: {integrity: sha512-${i}==}`,
        "    engines: {node: '>=14'}",
        '',
      );
    out.push('snapshots:', '');
    for (let i = 0; i < n; i++) {
      out.push(`  pkg-${i}@1.0.${i}:`, '    dependencies:');
      for (let d = 1; d <= 8; d++) out.push(`      pkg-${(i + d) % n}: 1.0.${(i + d) % n}`);
      out.push('');
    }
    const text = `${out.join('\n')}\n`;
    expect(text.split('\n').length).toBeGreaterThan(100_000);
    const started = process.cpuUsage();
    const inventory = readSource(text, 'pnpm-lock.yaml');
    const used = process.cpuUsage(started);
    expect(inventory.packages).toHaveLength(n);
    // Every package is reachable from the importer's 50 roots through the ring of dependencies.
    expect(inventory.packages.every((p) => p.scope === 'production')).toBe(true);
    expect((used.user + used.system) / 1000).toBeLessThan(20_000);
  }, 120_000);
});

describe('dependency paths', () => {
  it('reads a chain-shaped pnpm lockfile of 20,000 packages (each depends on the next) in linear time', () => {
    // Regression: every package's path from the root was spelled out eagerly, quadratic on a chain:
    // this ran out of a 4 GB heap after 217 s. Paths are now computed when read, at most 64 links.
    const n = 20_000;
    const out = ["lockfileVersion: '9.0'", 'importers:', '  .:', '    dependencies:', '      pkg-0:'];
    out.push('        specifier: ^1.0.0', '        version: 1.0.0', 'packages:');
    for (let i = 0; i < n; i++) out.push(`  pkg-${i}@1.0.0:`, `    resolution: {integrity: sha512-${i}}`);
    out.push('snapshots:');
    for (let i = 0; i < n; i++) {
      out.push(`  pkg-${i}@1.0.0:`);
      if (i + 1 < n) out.push('    dependencies:', `      pkg-${i + 1}: 1.0.0`);
    }
    const started = process.cpuUsage();
    const inventory = readSource(`${out.join('\n')}\n`, 'pnpm-lock.yaml');
    const paths = inventory.packages.map((p) => p.path);
    const used = process.cpuUsage(started);
    expect(paths[0]).toEqual(['pkg-0']);
    expect(paths[3]).toEqual(['pkg-0', 'pkg-1', 'pkg-2', 'pkg-3']);
    const last = paths[n - 1] ?? [];
    expect(last).toHaveLength(65);
    expect(last[0]).toBe('…');
    expect(last[64]).toBe(`pkg-${n - 1}`);
    expect((used.user + used.system) / 1000).toBeLessThan(20_000);
  }, 120_000);
});
