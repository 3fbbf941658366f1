// No input, however malformed, crashes a reader: it returns an inventory or a ReportError.
import { ReportError } from '@aeef/gate-result';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSource } from '../src/detect.js';

const shapes = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)),
  fc
    .record({ lockfileVersion: fc.oneof(fc.integer(), fc.string()), packages: fc.jsonValue({ maxDepth: 4 }) })
    .map((v) => JSON.stringify(v)),
  fc
    .record({
      bomFormat: fc.constant('CycloneDX'),
      components: fc.jsonValue({ maxDepth: 5 }),
      dependencies: fc.jsonValue({ maxDepth: 3 }),
    })
    .map((v) => JSON.stringify(v)),
  fc
    .record({
      spdxVersion: fc.string(),
      packages: fc.jsonValue({ maxDepth: 4 }),
      relationships: fc.jsonValue({ maxDepth: 3 }),
    })
    .map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }).map((s) => `# yarn lockfile v1\n\n${s}`),
  fc.string({ maxLength: 200 }).map((s) => `__metadata:\n  version: 8\n${s}`),
  fc.string({ maxLength: 200 }).map((s) => `lockfileVersion: '9.0'\npackages:\n${s}`),
);

describe(readSource.name, () => {
  it('returns an inventory or throws ReportError, for any text', () => {
    fc.assert(
      fc.property(shapes, (text) => {
        try {
          const inventory = readSource(text, 'x');
          expect(Array.isArray(inventory.packages)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ReportError);
        }
      }),
      { numRuns: 400, interruptAfterTimeLimit: 15_000, markInterruptAsFailure: false },
    );
  });
});
