// RELIABILITY G4: a 50,000-package lockfile is read and judged within budget (linear work, no
// quadratic path building), with every package accounted for.
import { describe, expect, it } from 'vitest';
import { inputsFromRecord } from '@aeef/gate-result';
import { readLicenseConfig } from '../src/config.js';
import { readSource } from '../src/detect.js';
import { evaluateLicenses } from '../src/evaluate.js';

const COUNT = 50_000;
const LICENSES = ['MIT', 'ISC', 'Apache-2.0', '(MIT OR GPL-3.0-or-later)', 'GPL-3.0-only', 'UNKNOWN'];

function lockfile(): string {
  const packages: Record<string, unknown> = { '': { name: 'big', dependencies: { 'p-0': '1.0.0' } } };
  for (let i = 0; i < COUNT; i++) {
    const deps = Object.fromEntries(
      [1, 2]
        .map((k) => i * 2 + k)
        .filter((j) => j < COUNT)
        .map((j) => [`p-${j}`, '1.0.0']),
    );
    packages[`node_modules/p-${i}`] = {
      version: '1.0.0',
      license: LICENSES[i % LICENSES.length],
      dependencies: deps,
    };
  }
  return JSON.stringify({ lockfileVersion: 3, packages });
}

describe('scale', () => {
  it('reads and judges 50,000 packages', () => {
    const text = lockfile();
    const start = performance.now();
    const result = evaluateLicenses(
      [readSource(text, 'package-lock.json')],
      readLicenseConfig(inputsFromRecord({})),
    );
    const elapsed = performance.now() - start;
    expect(result.metrics.find((m) => m.id === 'packages')?.value).toBe(COUNT);
    // GPL-3.0-only and UNKNOWN: 2 of every 6 packages.
    expect(result.metrics.find((m) => m.id === 'violations')?.value).toBe(
      Math.ceil((COUNT - 4) / 6) + Math.ceil((COUNT - 5) / 6),
    );
    expect(result.details[0]?.omittedRows).toBe(result.findings.length - 200);
    // Generous for a shared CI machine; a quadratic step would take minutes.
    expect(elapsed).toBeLessThan(20_000);
  });
});
