import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ReportError } from '@aeef/gate-result';
import {
  countKeys,
  decodeReport,
  decompressReport,
  findDuplicateKey,
  parseReportJson,
  scanJson,
} from '../src/read-json.js';

describe(parseReportJson.name, () => {
  it('parses plain JSON', () => {
    expect(parseReportJson('{"a":[1,{"b":"x\\"y"}]}', 'r.sarif')).toEqual({ a: [1, { b: 'x"y' }] });
  });

  it('rejects duplicate keys and names the key and line (B12)', () => {
    const text = '{\n "runs": [{\n  "level": "error", "level": "none"\n }]\n}';
    expect(() => parseReportJson(text, 'r.sarif')).toThrow(
      /r\.sarif has a duplicate JSON key: key "level" appears twice in one object \(line 3\)/,
    );
  });

  it('accepts the same key in sibling objects and keys that look like values', () => {
    expect(parseReportJson('{"a":{"k":1},"b":{"k":2},"c":"k:","d":["x",":"]}', 'r.sarif')).toBeTruthy();
  });

  it('rejects nesting deeper than the cap before parsing (B20)', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(() => parseReportJson(deep, 'deep.sarif')).toThrow(
      /deep\.sarif is nested more than 512 levels deep/,
    );
  });

  it('reports truncated JSON with a position and never echoes report text (B4)', () => {
    const secret = 'SECRET_SENTINEL_123';
    const bad = `{"runs": [{"x": "${secret}" oops }]}`;
    let message = '';
    try {
      parseReportJson(bad, 'bad.sarif');
    } catch (error) {
      expect(error).toBeInstanceOf(ReportError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/^bad\.sarif is not valid JSON at line 1, column \d+\.$/);
    expect(message).not.toContain(secret);
    expect(() => parseReportJson('{"runs": [', 't.sarif')).toThrow(/t\.sarif is not valid JSON/);
  });
});

describe(scanJson.name, () => {
  it('counts keys written, duplicates included, ignoring quotes and braces inside strings', () => {
    expect(scanJson('{"a":1,"a":2,"s":"{\\"k\\":[","t":"\\\\"}', 'x').keys).toBe(4);
  });
});

describe(countKeys.name, () => {
  it('counts own keys of every nested object', () => {
    expect(countKeys({ a: { b: 1, c: [{ d: 1 }, 2] } })).toBe(4);
  });
});

describe(findDuplicateKey.name, () => {
  it('finds a duplicate written with escapes', () => {
    expect(findDuplicateKey('{"k":1,\n"\\u006b":2}')).toEqual({ key: 'k', line: 2 });
  });
});

describe(decodeReport.name, () => {
  it('drops a UTF-8 BOM', () => {
    expect(decodeReport(Buffer.from('\uFEFF{"a":1}'), 'b.sarif')).toBe('{"a":1}');
  });

  it.each([
    ['empty', Buffer.alloc(0), /e\.sarif is empty/],
    ['whitespace only', Buffer.from(' \n\t '), /e\.sarif is empty/],
    ['BOM only', Buffer.from('\uFEFF'), /e\.sarif is empty/],
    ['UTF-16', Buffer.from([0xff, 0xfe, 0x7b, 0x00]), /e\.sarif is UTF-16/],
    ['invalid UTF-8', Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), /e\.sarif is not valid UTF-8/],
  ])('rejects %s (B3, B5)', (_name, bytes, message) => {
    expect(() => decodeReport(bytes, 'e.sarif')).toThrow(message);
  });
});

describe(decompressReport.name, () => {
  it('passes plain bytes through and inflates gzip', () => {
    expect(decompressReport(Buffer.from('{}'), 'x').toString()).toBe('{}');
    expect(decompressReport(gzipSync(Buffer.from('{"a":1}')), 'x.sarif.gz').toString()).toBe('{"a":1}');
  });

  it('stops a gzip bomb at the decompressed-size cap (B21)', () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(() => decompressReport(bomb, 'bomb.sarif.gz', 1024 * 1024)).toThrow(
      /bomb\.sarif\.gz decompresses to more than 1 MiB; refusing to read it\./,
    );
  });

  it('rejects a broken gzip stream', () => {
    expect(() => decompressReport(Buffer.from([0x1f, 0x8b, 1, 2, 3]), 'g.gz')).toThrow(
      /g\.gz starts like gzip but is not a valid gzip stream/,
    );
  });
});
