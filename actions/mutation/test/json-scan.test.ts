import fc from 'fast-check';
import { ReportError } from '@aeef/gate-result';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, positionOf, scanJson } from '../src/json-scan.js';

describe(scanJson.name, () => {
  it('rejects a repeated key with its position (B12)', () => {
    const text = '{"files":{"a.ts":{"mutants":[{"status":"Survived",\n"status":"Killed"}]}}}';
    expect(() => scanJson(text, 'r.json')).toThrow(
      /repeats the key "status" in one object at line 2, column 1/,
    );
  });

  it('rejects keys that differ only in escaping', () => {
    expect(() => scanJson('{"status":1,"\\u0073tatus":2}', 'r.json')).toThrow(/repeats the key "status"/);
  });

  it('rejects a repeated key in an object with many keys (the Set path)', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `"k${i}":${i}`);
    expect(() => scanJson(`{${keys.join(',')},"k7":0}`, 'r.json')).toThrow(/repeats the key "k7"/);
    expect(() => scanJson(`{${keys.join(',')}}`, 'r.json')).not.toThrow();
  });

  it('keeps nested objects apart from a large parent (Set path)', () => {
    const inner = (i: number) =>
      `{"id":${i},"status":"Killed","location":{"start":{"line":1},"end":{"line":2}}}`;
    const files = Array.from({ length: 40 }, (_, i) => `"f${i}":{"mutants":[${inner(i)},${inner(i)}]}`);
    expect(() => scanJson(`{"files":{${files.join(',')}}}`, 'r.json')).not.toThrow();
    expect(() => scanJson(`{"files":{${files.join(',')},"f3":{}}}`, 'r.json')).toThrow(
      /repeats the key "f3"/,
    );
  });

  it('accepts the same key in sibling and nested objects, and keys inside strings', () => {
    const text = '[{"a":1,"b":{"a":2}},{"a":"{\\"a\\":1,\\"a\\":2}"},{"a":[{"a":1}],"c":"]}"}]';
    expect(() => scanJson(text, 'r.json')).not.toThrow();
    expect(JSON.parse(text)).toBeTruthy();
  });

  it(`accepts ${MAX_JSON_DEPTH} levels and rejects one more (B20)`, () => {
    expect(() => scanJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH), 'r.json')).not.toThrow();
    expect(() => scanJson('['.repeat(MAX_JSON_DEPTH + 1), 'r.json')).toThrow(/nests deeper than 64 levels/);
  });

  it('rejects 200,000 levels of nesting without a stack overflow (B20)', () => {
    const text = '{"a":'.repeat(200_000) + '1' + '}'.repeat(200_000);
    expect(() => scanJson(text, 'deep.json')).toThrow(ReportError);
  });

  it('never throws anything but ReportError, and never on valid JSON without duplicates', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          scanJson(text, 'r.json');
        } catch (error) {
          expect(error).toBeInstanceOf(ReportError);
        }
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 10 }), (value) => {
        expect(() => scanJson(JSON.stringify(value), 'r.json')).not.toThrow();
      }),
    );
  });
});

describe(positionOf.name, () => {
  it('counts lines and columns from 1', () => {
    expect(positionOf('ab\ncd', 0)).toBe('line 1, column 1');
    expect(positionOf('ab\ncd', 4)).toBe('line 2, column 2');
  });
});
