/** Small statistics for KPI distributions; documented in docs/kpi.md. */

/**
 * Nearest-rank percentile (the smallest sample with at least p% of samples at or below it), so
 * the result is always an observed value; null without samples.
 */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

export function mean(samples: readonly number[]): number | null {
  if (samples.length === 0) return null;
  return samples.reduce((a, b) => a + b, 0) / samples.length;
}
