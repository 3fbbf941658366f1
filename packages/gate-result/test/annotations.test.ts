import { describe, expect, it } from 'vitest';
import { selectAnnotations } from '../src/annotations.js';
import type { Finding } from '../src/result.js';

describe(selectAnnotations.name, () => {
  it('ranks by level, then rank, then order, and counts the rest', () => {
    const findings: Finding[] = [
      { level: 'notice', message: 'n' },
      { level: 'warning', message: 'w1', rank: 1 },
      { level: 'error', message: 'e1' },
      { level: 'error', message: 'e2', rank: 5 },
      { level: 'warning', message: 'w2', rank: 9 },
      { level: 'error', message: 'e3' },
    ];
    const { shown, omitted } = selectAnnotations(findings, { perLevel: 2 });
    expect(shown.map((f) => f.message)).toEqual(['e2', 'e1', 'w2', 'w1', 'n']);
    expect(omitted).toEqual({ error: 1, warning: 0, notice: 0 });
  });

  it('shows 10 per level by default', () => {
    const findings: Finding[] = Array.from({ length: 30 }, (_, i) => ({
      level: 'warning',
      message: String(i),
    }));
    const { shown, omitted } = selectAnnotations(findings);
    expect(shown).toHaveLength(10);
    expect(omitted.warning).toBe(20);
  });
});
