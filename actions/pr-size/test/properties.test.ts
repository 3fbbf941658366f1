/** Property tests: no input, however malformed, crashes a parser; it returns a model or a clear error. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFileEntry, parsePull } from '../src/api-files.js';
import { parseCheckAttr } from '../src/check-attr.js';
import { linguistAttributesOf, parseGitattributes } from '../src/gitattributes.js';
import { parseNumstat } from '../src/numstat.js';

const numstatText = fc
  .array(
    fc.oneof(
      fc
        .tuple(fc.nat(), fc.nat(), fc.string({ minLength: 1 }))
        .map(([a, d, p]) => `${a}\t${d}\t${p.replace(/\0/g, '')}\0`),
      fc.string({ minLength: 1 }).map((p) => `-\t-\t${p.replace(/\0/g, '')}\0`),
      fc.string(),
    ),
  )
  .map((parts) => parts.join(''));

describe(parseNumstat.name, () => {
  it('returns files with whole, non-negative counts, or throws an Error naming numstat', () => {
    fc.assert(
      fc.property(numstatText, (text) => {
        try {
          for (const f of parseNumstat(text)) {
            expect(Number.isSafeInteger(f.additions) && f.additions >= 0).toBe(true);
            expect(Number.isSafeInteger(f.deletions) && f.deletions >= 0).toBe(true);
          }
        } catch (error) {
          expect((error as Error).message).toMatch(/numstat/);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe(parseCheckAttr.name, () => {
  it('never crashes on unexpected attribute values', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.string(), fc.constantFrom('linguist-generated', 'linguist-vendored'), fc.string()),
        ),
        (triples) => {
          const text = triples.map((t) => t.map((s) => s.replace(/\0/g, '')).join('\0')).join('\0');
          parseCheckAttr(text);
        },
      ),
    );
  });
});

describe(parseGitattributes.name, () => {
  it('never throws and answers booleans for any text and path', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (text, path) => {
        const value = linguistAttributesOf(path, parseGitattributes(text));
        expect(typeof value.generated).toBe('boolean');
        expect(typeof value.vendored).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});

describe(parseFileEntry.name, () => {
  it('accepts only well-formed entries; anything else is a ConfigError, never a zero count', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        try {
          const file = parseFileEntry(value, 0);
          expect(file.path.length).toBeGreaterThan(0);
        } catch (error) {
          expect((error as Error).name).toBe('ConfigError');
        }
        try {
          parsePull(value);
        } catch (error) {
          expect((error as Error).name).toBe('ConfigError');
        }
      }),
      { numRuns: 500 },
    );
  });
});
