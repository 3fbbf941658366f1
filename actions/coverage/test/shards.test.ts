/**
 * Issue 11, "bound every resource": 100,000 lcov shards merge in linear work. These tests count
 * work, never time: each shard's hit maps are walked once, the merged maps are never re-walked,
 * reads are bounded in flight, and the file list is deduplicated without a quadratic scan.
 */
import { describe, expect, it } from 'vitest';
import { ReportError } from '@aeef/gate-result';
import { memoryIO } from '../../../test/support/memory-io.js';
import { PARALLEL_READS, readReports, resolveReportFiles } from '../src/collect.js';
import { mergeReports } from '../src/merge.js';
import type { FileCoverage, ParsedReport } from '../src/model.js';
import { computeTotals } from '../src/totals.js';

/** A Map that counts how often it is walked (any iteration). */
class CountingMap<K, V> extends Map<K, V> {
  walks = 0;
  override [Symbol.iterator](): MapIterator<[K, V]> {
    this.walks++;
    return super[Symbol.iterator]();
  }
  override entries(): MapIterator<[K, V]> {
    this.walks++;
    return super.entries();
  }
  override keys(): MapIterator<K> {
    this.walks++;
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.walks++;
    return super.values();
  }
  override forEach(fn: (value: V, key: K, map: Map<K, V>) => void): void {
    this.walks++;
    super.forEach(fn);
  }
}

function shard(
  i: number,
  files: number,
): { source: string; parsed: ParsedReport; maps: CountingMap<unknown, number>[] } {
  const maps: CountingMap<unknown, number>[] = [];
  const file = (path: string): FileCoverage => {
    const lines = new CountingMap<number, number>([
      [1, i % 2],
      [2, 1],
    ]);
    const functions = new CountingMap<string, number>([['=1,render', i % 3]]);
    const branches = new CountingMap<string, number>([['1,0,0', 0]]);
    maps.push(lines, functions, branches);
    return { path, outside: false, lines, statements: null, functions, branches };
  };
  return {
    source: `shards/${i}.info`,
    parsed: {
      format: 'lcov',
      detected: 'lcov tracefile',
      files: Array.from({ length: files }, (_, f) => file(`src/f${f}.ts`)),
      notes: [],
    },
    maps,
  };
}

describe('merging lcov shards', () => {
  it('walks each shard once and never re-walks what it merged into (no quadratic re-merge)', () => {
    const shards = Array.from({ length: 2000 }, (_, i) => shard(i, 3));
    const model = mergeReports(shards);
    const [first, ...rest] = shards;
    // The first shard's maps are the merge targets: merging into them never walks them.
    expect(first!.maps.map((m) => m.walks)).toEqual(first!.maps.map(() => 0));
    // Every other shard is walked exactly once, whatever the number of shards before it.
    for (const s of rest) expect(s.maps.map((m) => m.walks)).toEqual(s.maps.map(() => 1));
    expect(computeTotals(model)).toMatchObject({
      lines: { covered: 6, total: 6 },
      functions: { covered: 3, total: 3 },
      branches: { covered: 0, total: 3 },
    });
  });

  it('lists 100,000 glob matches once each, in order, without a quadratic scan', async () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `shards/${i}.info`);
    const io = { ...memoryIO({}), glob: () => Promise.resolve([...names, ...names.slice(0, 10)]) };
    expect(await resolveReportFiles(['shards/*.info', 'shards/*.info'], io, 'files')).toEqual(names);
  });

  it('reads with at most PARALLEL_READS in flight, keeps the given order, and names the first broken report', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`s/${i}.info`] = `SF:src/f${i % 7}.ts\nDA:1,1\nend_of_record\n`;
    const base = memoryIO(files);
    let inFlight = 0;
    let most = 0;
    const io = {
      ...base,
      readText: async (p: string) => {
        inFlight++;
        most = Math.max(most, inFlight);
        // Later files answer sooner: order must come from the list, not from completion.
        await new Promise((resolve) => setTimeout(resolve, 200 - Number(/\d+/.exec(p)?.[0] ?? 0) / 2));
        inFlight--;
        return base.readText(p);
      },
    };
    const names = Object.keys(files);
    const read = await readReports(names, io);
    expect(read.map((r) => r.source)).toEqual(names);
    expect(most).toBe(PARALLEL_READS);
    const broken = { ...files, 's/30.info': 'garbage', 's/40.info': 'garbage' };
    const failing = readReports(Object.keys(broken), {
      ...io,
      readText: (p: string) => memoryIO(broken).readText(p),
    });
    await expect(failing).rejects.toThrow(ReportError);
    await expect(failing).rejects.toThrow(/s\/30\.info/);
  });
});
