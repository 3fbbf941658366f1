// The suite's one strict JSON reader: what JSON.parse accepts silently (duplicate keys, Infinity)
// or cannot bound (depth, parsed size, gzip bombs) is refused with one sentence; anything else
// parses exactly as JSON.parse does.
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertTokenBudget,
  decodeUtf8,
  LCOV_MAX_LINES,
  XML_MAX_TAGS,
  inflateGzip,
  parseJsonBytes,
  parseJsonText,
  ReportError,
  scanJson,
} from '../../src/index.js';

describe(parseJsonText.name, () => {
  it.each([
    ['{"a":1,"a":2}', /The report f\.json repeats the key "a" in one object at line 1, column 8/],
    ['{"license":"MIT","\\u006cicense":"GPL-3.0"}', /repeats the key "license"/],
    ['{"\\u006cicense":"MIT","license":"GPL-3.0"}', /repeats the key "license"/],
    ['{"x":{"a":"\\"","a":1}}', /repeats the key "a"/],
    ['[{"a":1},{"a":{"b":1,"b":2}}]', /repeats the key "b"/],
    // a large object (past the small-object range comparison) with the duplicate escaped
    [
      `{${Array.from({ length: 40 }, (_, i) => `"k${i}":${i}`).join(',')},"\\u006b7":1}`,
      /repeats the key "k7"/,
    ],
    [`${'['.repeat(600)}${']'.repeat(600)}`, /nests deeper than 512 levels at line 1, column 513/],
    ['{"a":1e400}', /holds the number 1e400 at line 1, column 6, which is beyond the range of a double/],
    ['[-1E+309]', /holds the number -1E\+309/],
    [`[${'9'.repeat(400)}]`, /holds the number 9{40}\.\.\. at line 1, column 2/],
    ['{"a":', /not valid JSON because it ends before its JSON is complete \(truncated\?\)/],
    ['{"a":1,}', /The report f\.json is not valid JSON at line 1, column 8\./],
  ])('refuses %s', (text, message) => {
    expect(() => parseJsonText(text, 'f.json')).toThrow(ReportError);
    expect(() => parseJsonText(text, 'f.json')).toThrow(message);
  });

  it.each([
    ['{"a":"\\\\","b":1}', { a: '\\', b: 1 }],
    ['{"a":"x\\"y","b":"a\\\\\\"","c":[{"a":1},{"a":2}]}', { a: 'x"y', b: 'a\\"', c: [{ a: 1 }, { a: 2 }] }],
    ['{"a":{"a":{"a":1}}}', { a: { a: { a: 1 } } }],
    [
      '{"a":{"k":1},"b":{"k":2},"c":"k:","d":["x",":"]}',
      { a: { k: 1 }, b: { k: 2 }, c: 'k:', d: ['x', ':'] },
    ],
    ['[1e308, -2.5E-400, 0, true, false, null]', [1e308, -0, 0, true, false, null]],
    ['\ufeff{"__proto__":1}', JSON.parse('{"__proto__":1}')],
  ])('accepts %s', (text, value) => {
    expect(parseJsonText(text, 'f.json')).toEqual(value);
  });

  it('never echoes report text in a syntax error', () => {
    const secret = 'SECRET_SENTINEL_123';
    expect(() => parseJsonText(`{"runs": [{"x": "${secret}" oops }]}`, 'bad.sarif')).toThrow(
      /^The report bad\.sarif is not valid JSON at line 1, column \d+\.$/,
    );
  });

  it('names the file with the noun the caller gives', () => {
    expect(() => parseJsonText('{"a":1,"a":1}', 'r.json', { noun: 'result file' })).toThrow(
      /^The result file r\.json repeats the key "a"/,
    );
  });

  it('stops at the parsed-size budget before JSON.parse builds anything', () => {
    const text = `[${'{},'.repeat(999)}{}]`;
    expect(parseJsonText(text, 'f.json', { limits: { maxNodes: 1001 } })).toHaveLength(1000);
    expect(() => parseJsonText(text, 'f.json', { limits: { maxNodes: 1000 } })).toThrow(
      'The report f.json holds more than 1,000 JSON values and keys, over the parsed-size limit; a report this large is refused rather than risk exhausting memory.',
    );
    expect(() => parseJsonText('["abcd","efgh"]', 'f.json', { limits: { maxStringChars: 7 } })).toThrow(
      /holds more than 7 bytes of string text, over the parsed-size limit/,
    );
  });

  it('agrees with JSON.parse on any JSON without duplicate keys, and only throws ReportError', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const text = JSON.stringify(value, null, 1);
        expect(parseJsonText(text, 'f.json')).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          parseJsonText(text, 'f.json');
        } catch (error) {
          expect(error).toBeInstanceOf(ReportError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe(scanJson.name, () => {
  it('counts values and keys, ignoring quotes and braces inside strings', () => {
    expect(scanJson('{"a":1,"s":"{\\"k\\":[","t":[true,null]}', 'x')).toEqual({ nodes: 9, stringChars: 11 });
  });
});

describe(decodeUtf8.name, () => {
  it('drops a UTF-8 BOM', () => {
    expect(decodeUtf8(Buffer.from('\uFEFF{"a":1}'), 'b.sarif')).toBe('{"a":1}');
  });

  it.each([
    ['empty', Buffer.alloc(0), /e\.sarif is empty; expected JSON/],
    ['whitespace only', Buffer.from(' \n\t '), /e\.sarif is empty/],
    ['BOM only', Buffer.from('\uFEFF'), /e\.sarif is empty/],
    ['UTF-16', Buffer.from([0xff, 0xfe, 0x7b, 0x00]), /e\.sarif is UTF-16 encoded/],
    ['invalid UTF-8', Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), /e\.sarif is not valid UTF-8/],
    ['an encoded surrogate', Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]), /e\.sarif is not valid UTF-8/],
    ['a NUL byte', Buffer.from('{"a":\u00001}'), /e\.sarif contains a NUL character \(at character 5\)/],
  ])('refuses %s', (_name, bytes, message) => {
    expect(() => decodeUtf8(bytes, 'e.sarif', 'JSON')).toThrow(message);
  });
});

describe(inflateGzip.name, () => {
  it('inflates gzip and passes other bytes through', () => {
    expect(inflateGzip(gzipSync('{"a":1}'), 'r.gz').toString()).toBe('{"a":1}');
    expect(inflateGzip(Buffer.from('{}'), 'r').toString()).toBe('{}');
  });

  it('stops a bomb at the cap without inflating it whole', () => {
    // 64 MiB of `{}` in about 64 KiB of gzip; a 1 MiB cap must stop it at once.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, '{}'), { level: 9 });
    const start = performance.now();
    expect(() => inflateGzip(bomb, 'r.sarif.gz', 1024 * 1024)).toThrow(
      'The report r.sarif.gz inflates to more than 1 MiB, over the inflated-size limit.',
    );
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('refuses a broken gzip stream', () => {
    expect(() => inflateGzip(Buffer.from([0x1f, 0x8b, 1, 2, 3]), 'r.gz')).toThrow(/not a valid gzip stream/);
  });
});

describe(parseJsonBytes.name, () => {
  it('reads gzip only when asked', () => {
    const gz = gzipSync('{"a":1}');
    expect(parseJsonBytes(gz, 'r.gz', { gzip: true })).toEqual({ a: 1 });
    expect(() => parseJsonBytes(gz, 'r.gz')).toThrow(/not valid UTF-8/);
  });

  it('stops a small .sarif.gz of 250 MiB of {} at the parsed-size limit, not by exhausting memory', () => {
    const bomb = gzipSync(Buffer.alloc(250 * 1024 * 1024, '{}'), { level: 9 });
    expect(bomb.length).toBeLessThan(0.3 * 1024 * 1024);
    expect(() => parseJsonBytes(bomb, 'r.sarif.gz', { gzip: true })).toThrow(
      /The report r\.sarif\.gz holds more than 5,000,000 JSON values and keys, over the parsed-size limit/,
    );
  });
});

describe(assertTokenBudget.name, () => {
  it('stops at the limit and passes below it', () => {
    expect(() => assertTokenBudget('<a><b/></a>', 'c.xml', '<', 3, 'XML tags')).not.toThrow();
    expect(() => assertTokenBudget('<a><b/><c/></a>', 'c.xml', '<', 3, 'XML tags')).toThrow(
      'The report c.xml holds more than 3 XML tags, over the parsed-size limit; a report this large is refused rather than risk exhausting memory.',
    );
  });

  it('guards the XML and lcov readers at their documented limits', () => {
    expect(XML_MAX_TAGS).toBe(1_000_000);
    expect(LCOV_MAX_LINES).toBe(10_000_000);
  });
});
