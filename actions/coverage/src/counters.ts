/** Small helpers over `Counter` and hit maps, shared by the parsers and the merge. */
import type { Counter, Tally } from './model.js';

/** Adds `hits` to `key` (missing keys start at 0). */
export function addHits<K>(map: Map<K, number>, key: K, hits: number): void {
  map.set(key, (map.get(key) ?? 0) + hits);
}

/** Covered/total of a counter: a keyed item is covered when its summed hits are above 0. */
export function tallyOf(counter: Counter): Tally {
  if (!(counter instanceof Map)) return counter;
  let covered = 0;
  for (const hits of counter.values()) if (hits > 0) covered++;
  return { covered, total: counter.size };
}

/** Line totals of a hit map. */
export function tallyLines(lines: ReadonlyMap<number, number>): Tally {
  let covered = 0;
  for (const hits of lines.values()) if (hits > 0) covered++;
  return { covered, total: lines.size };
}

/** Sums two tallies. */
export function addTally(a: Tally | null, b: Tally | null): Tally | null {
  if (a === null) return b === null ? null : { ...b };
  if (b === null) return a;
  return { covered: a.covered + b.covered, total: a.total + b.total };
}
