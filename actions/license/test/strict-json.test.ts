// The JSON pre-scan: duplicate keys (B12) and depth (B20) found exactly, escapes respected, and
// nothing else changed: whatever it accepts parses like JSON.parse.
import { ReportError } from '@aeef/gate-result';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStrictJson } from '../src/strict-json.js';

describe(parseStrictJson.name, () => {
  it.each([
    ['{"a":1,"a":2}', /duplicate key "a" at offset 7/],
    ['{"x":{"a":"\\"","a":1}}', /duplicate key "a"/],
    ['[{"a":1},{"a":{"b":1,"b":2}}]', /duplicate key "b"/],
    [`${'['.repeat(600)}${']'.repeat(600)}`, /nested too deep/],
    ['{"a":', /not valid JSON/],
  ])('refuses %s', (text, message) => {
    expect(() => parseStrictJson(text, 'f.json')).toThrow(ReportError);
    expect(() => parseStrictJson(text, 'f.json')).toThrow(message);
  });

  it.each([
    ['{"a":"\\\\","b":1}', { a: '\\', b: 1 }],
    ['{"a":"x\\"y","b":"a\\\\\\"","c":[{"a":1},{"a":2}]}', { a: 'x"y', b: 'a\\"', c: [{ a: 1 }, { a: 2 }] }],
    ['{"a":{"a":{"a":1}}}', { a: { a: { a: 1 } } }],
  ])('accepts %s', (text, value) => {
    expect(parseStrictJson(text, 'f.json')).toEqual(value);
  });

  it('agrees with JSON.parse on any JSON without duplicate keys, and never crashes on any text', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const text = JSON.stringify(value);
        expect(parseStrictJson(text, 'f.json')).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          parseStrictJson(text, 'f.json');
        } catch (error) {
          expect(error).toBeInstanceOf(ReportError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
