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
