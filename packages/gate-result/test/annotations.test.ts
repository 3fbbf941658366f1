import { describe, expect, it } from 'vitest';
import { annotationText, selectAnnotations } from '../src/annotations.js';
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

describe(annotationText.name, () => {
  it('shows bidi controls in the message, title and file instead of letting them reorder text', () => {
    const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
    const hidden = bidi.join('');
    const text = annotationText(
      { level: 'error', message: `m${hidden}`, title: `t${hidden}`, file: `src/a${hidden}.ts`, startLine: 3 },
      'sarif',
    );
    const shown = '<U+202A><U+202B><U+202C><U+202D><U+202E><U+2066><U+2067><U+2068><U+2069>';
    expect(text).toEqual({
      message: `m${shown}`,
      title: `t${shown}`,
      file: `src/a${shown}.ts`,
      startLine: 3,
    });
    for (const value of Object.values(text)) for (const c of bidi) expect(String(value)).not.toContain(c);
  });

  it('titles a finding by its rule, else the gate', () => {
    expect(annotationText({ level: 'notice', message: 'x', ruleId: 'r1' }, 'sarif').title).toBe('r1');
    expect(annotationText({ level: 'notice', message: 'x' }, 'sarif')).toEqual({
      message: 'x',
      title: 'sarif',
    });
  });
});
