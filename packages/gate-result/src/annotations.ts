/**
 * Which findings become annotations. GitHub shows 10 error and 10 warning annotations per step
 * (and 10 notices); more are dropped silently, so we choose: by level, then `rank` (highest first),
 * then report order, and count the rest for the summary.
 */
import type { Finding, FindingLevel } from './result.js';

export interface AnnotationSelection {
  shown: Finding[];
  /** Findings not annotated, per level; the summary states them. */
  omitted: Record<FindingLevel, number>;
}

const LEVEL_ORDER: Record<FindingLevel, number> = { error: 0, warning: 1, notice: 2 };

/** Ranked findings, capped at `perLevel` per level. */
export function selectAnnotations(
  findings: readonly Finding[],
  { perLevel = 10 }: { perLevel?: number } = {},
): AnnotationSelection {
  const ranked = findings
    .map((finding, order) => ({ finding, order }))
    .sort(
      (a, b) =>
        LEVEL_ORDER[a.finding.level] - LEVEL_ORDER[b.finding.level] ||
        (b.finding.rank ?? 0) - (a.finding.rank ?? 0) ||
        a.order - b.order,
    );
  const count: Record<FindingLevel, number> = { error: 0, warning: 0, notice: 0 };
  const omitted: Record<FindingLevel, number> = { error: 0, warning: 0, notice: 0 };
  const shown: Finding[] = [];
  for (const { finding } of ranked) {
    if (count[finding.level] < perLevel) {
      count[finding.level]++;
      shown.push(finding);
    } else omitted[finding.level]++;
  }
  return { shown, omitted };
}
