/** evaluatePrSize: verdict boundaries, exclusions, incomplete counts, outputs. */
import { describe, expect, it } from 'vitest';
import { configurePrSize } from '../src/config.js';
import { evaluatePrSize } from '../src/evaluate.js';
import type { DiffFile, SizeModel } from '../src/model.js';
import { inputsOf } from './support/gate-io.js';

const file = (path: string, additions: number, deletions = 0, extra: Partial<DiffFile> = {}): DiffFile => ({
  path,
  additions,
  deletions,
  binary: false,
  ...extra,
});
const modelOf = (files: DiffFile[], overrides: Partial<SizeModel> = {}): SizeModel => ({
  source: 'git',
  range: 'aaaaaaa...bbbbbbb',
  files,
  attributes: new Map(),
  attributesSource: 'git check-attr',
  notes: [],
  ...overrides,
});
const config = configurePrSize(inputsOf());

describe(evaluatePrSize.name, () => {
  it.each([
    [0, 'pass', 'XS'],
    [200, 'pass', 'M'],
    [201, 'warn', 'L'],
    [400, 'warn', 'L'],
    [401, 'fail', 'L'],
    [1001, 'fail', 'XXL'],
  ])('%i lines -> %s, size %s (limits inclusive)', (lines, verdict, size) => {
    const sut = evaluatePrSize(modelOf([file('a.ts', lines)]), config);
    expect(sut.verdict).toBe(verdict);
    expect(sut.outputs).toEqual({ size, source: 'git' });
  });

  it('fails on files above max-files even when the lines are few', () => {
    const files = Array.from({ length: 51 }, (_, i) => file(`f${i}.ts`, 1));
    const sut = evaluatePrSize(modelOf(files), config);
    expect(sut.verdict).toBe('fail');
    expect(sut.metrics.find((m) => m.id === 'files')).toMatchObject({
      value: 51,
      verdict: 'fail',
      threshold: { op: '<=', value: 50 },
    });
    expect(sut.summary).toBe(
      '51 changed lines in 51 files (size M, counted from git): more than the 50-file limit; split the PR.',
    );
  });

  it('leaves excluded files out of every total and lists each with its reason', () => {
    const model = modelOf(
      [
        file('src/a.ts', 10, 2),
        file('deep/dir/yarn.lock', 900),
        file('img.png', 0, 0, { binary: true }),
        file('gen/x.ts', 500),
        file('vendor/y.js', 70),
        file('a.snap', 40),
      ],
      {
        attributes: new Map([
          ['gen/x.ts', { generated: true, vendored: false }],
          ['vendor/y.js', { generated: false, vendored: true }],
        ]),
      },
    );
    const sut = evaluatePrSize(model, configurePrSize(inputsOf({ ignore: '*.snap' })));
    expect(sut.metrics.map((m) => [m.id, m.value])).toEqual([
      ['lines', 12],
      ['additions', 10],
      ['deletions', 2],
      ['files', 1],
      ['ignored-files', 5],
    ]);
    expect(sut.details.find((s) => s.title === 'Excluded files')!.rows).toEqual([
      ['deep/dir/yarn.lock', 'lockfile', 900, 0],
      ['img.png', 'binary file', null, null],
      ['gen/x.ts', 'linguist-generated in .gitattributes', 500, 0],
      ['vendor/y.js', 'linguist-vendored in .gitattributes', 70, 0],
      ['a.snap', 'matches the ignore input', 40, 0],
    ]);
  });

  it('judges an incomplete count as over the limit with the PR totals, never small', () => {
    const sut = evaluatePrSize(
      modelOf([file('a.ts', 1)], {
        source: 'api',
        incomplete: {
          reason: 'the API listed 1 files but the PR reports 4000',
          additions: 3,
          deletions: 1,
          changedFiles: 4000,
        },
      }),
      configurePrSize(inputsOf({ 'max-files': '100000' })),
    );
    expect(sut.verdict).toBe('fail');
    expect(sut.outputs).toEqual({ size: 'XXL', source: 'api' });
    expect(sut.metrics.map((m) => [m.id, m.value, m.verdict])).toEqual([
      ['lines', 4, 'fail'],
      ['additions', 3, 'none'],
      ['deletions', 1, 'none'],
      ['files', 4000, 'fail'],
      ['ignored-files', null, 'none'],
    ]);
  });

  it('shows at most 10 largest and 50 excluded rows, counting the rest', () => {
    const files = [
      ...Array.from({ length: 12 }, (_, i) => file(`s/f${i}.ts`, i)),
      ...Array.from({ length: 55 }, (_, i) => file(`p${i}/go.sum`, 1)),
    ];
    const sut = evaluatePrSize(modelOf(files), config);
    const largest = sut.details.find((s) => s.title === 'Largest files')!;
    expect(largest.rows!.map((r) => r[0])).toEqual([
      's/f11.ts',
      's/f10.ts',
      's/f9.ts',
      's/f8.ts',
      's/f7.ts',
      's/f6.ts',
      's/f5.ts',
      's/f4.ts',
      's/f3.ts',
      's/f2.ts',
    ]);
    expect(largest.omittedRows).toBe(2);
    expect(sut.details.find((s) => s.title === 'Excluded files')!.omittedRows).toBe(5);
  });
});
