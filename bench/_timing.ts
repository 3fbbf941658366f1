/**
 * Shared timing for benchmarks: the median of several rounds after a warm-up, so one GC pause does
 * not decide a ratio. Wall-clock is fine here because benchmarks never gate CI.
 */
export interface Timing {
  label: string;
  medianMs: number;
  rounds: number;
}

export async function time(label: string, fn: () => unknown, rounds = 5): Promise<Timing> {
  await fn(); // warm-up: JIT and file cache
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { label, medianMs: samples[Math.floor(samples.length / 2)]!, rounds };
}

/**
 * The median of each function over `rounds`, run in alternation after one warm-up each: on a shared
 * machine, load swings hit every side alike.
 */
export async function timeInterleaved(
  fns: [string, () => Promise<unknown>][],
  rounds: number,
): Promise<Timing[]> {
  const samples = fns.map(() => [] as number[]);
  for (const [, fn] of fns) await fn();
  for (let r = 0; r < rounds; r++) {
    for (const [k, [, fn]] of fns.entries()) {
      const start = performance.now();
      await fn();
      samples[k]!.push(performance.now() - start);
    }
  }
  return fns.map(([label], k) => {
    const sorted = samples[k]!.sort((x, y) => x - y);
    return { label, medianMs: sorted[Math.floor(sorted.length / 2)]!, rounds };
  });
}

/** Prints timings with their ratio to `baseline` (the first row unless named). */
export function printTable(title: string, timings: Timing[], baseline = timings[0]!): void {
  console.log(`\n${title}`);
  console.log(`| run | median ms | ratio to ${baseline.label} |`);
  console.log('| --- | ---: | ---: |');
  for (const t of timings) {
    console.log(
      `| ${t.label} | ${t.medianMs.toFixed(1)} | ${(t.medianMs / baseline.medianMs).toFixed(2)}x |`,
    );
  }
}
