import { floor2 } from '@aeef/gate-result';
import { printTable, time } from './_timing.js';

/** A trivial benchmark proving the runner works; the gates add their own files. */
export async function bench(): Promise<void> {
  const values = Array.from({ length: 1_000_000 }, (_, i) => ((i * 7919) % 10_000) / 100);
  const a = await time('floor2', () => values.map(floor2));
  const b = await time('Math.floor', () => values.map((v) => Math.floor(v * 100) / 100));
  printTable('floor2 vs a bare Math.floor (1e6 values)', [b, a]);
}
