/**
 * Which findings become annotations. GitHub shows 10 error and 10 warning annotations per step
 * (and 10 notices); more are dropped silently, so we choose: by level, then `rank` (highest first),
 * then report order, and count the rest for the summary.
 */
import { safeLogLine } from './escape.js';
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

/** What a workflow command's annotation carries (the shape of `@actions/core`'s AnnotationProperties). */
export interface AnnotationText {
  message: string;
  title: string;
  file?: string;
  startLine?: number;
  endLine?: number;
}

/**
 * A finding as annotation text: one line each, and bidi controls and other invisible characters
 * shown as `<U+202E>` in the message, the title and the file, so a report cannot reorder what the
 * reviewer reads (the toolkit itself escapes only `,` `:` `%` and line breaks).
 */
export function annotationText(finding: Finding, gate: string): AnnotationText {
  const out: AnnotationText = {
    message: safeLogLine(finding.message),
    title: safeLogLine(finding.title ?? finding.ruleId ?? gate),
  };
  if (finding.file !== undefined) {
    out.file = safeLogLine(finding.file);
    if (finding.startLine !== undefined) out.startLine = finding.startLine;
    if (finding.endLine !== undefined) out.endLine = finding.endLine;
  }
  return out;
}
