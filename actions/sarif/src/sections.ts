/**
 * Summary tables: by tool, by rule, by level, the ranked findings and the suppressed ones. Rows
 * are capped here (the renderer escapes every cell and keeps the summary under its byte budget).
 */
import type { Cell, Section } from '@aeef/gate-result';
import type { JudgedFinding, SarifModel } from './model.js';

export const MAX_ROWS = 50;

function capped(title: string, columns: string[], rows: Cell[][], notes?: string[]): Section {
  const section: Section = { title, columns, rows: rows.slice(0, MAX_ROWS) };
  if (rows.length > MAX_ROWS) section.omittedRows = rows.length - MAX_ROWS;
  if (notes && notes.length > 0) section.notes = notes;
  return section;
}

interface Tally {
  results: number;
  counted: number;
  suppressed: number;
}

function tallyBy(judged: readonly JudgedFinding[], key: (j: JudgedFinding) => string): Map<string, Tally> {
  const map = new Map<string, Tally>();
  for (const j of judged) {
    const k = key(j);
    const t = map.get(k) ?? { results: 0, counted: 0, suppressed: 0 };
    t.results++;
    if (j.counted) t.counted++;
    if (j.finding.suppression === 'accepted') t.suppressed++;
    map.set(k, t);
  }
  return map;
}

function location(j: JudgedFinding): string {
  const f = j.finding;
  const line = f.startLine !== undefined ? `:${f.startLine}` : '';
  if (f.path !== undefined) return `${f.path}${line}`;
  if (f.locationText !== undefined) return `(outside the workspace) ${f.locationText}`;
  return '(no location)';
}

function state(j: JudgedFinding): string {
  if (j.scope === 'ignored-rule') return 'ignored rule';
  if (j.scope === 'excluded') return 'excluded path';
  if (j.finding.suppression === 'accepted') return 'suppressed';
  if (j.finding.baselineState === 'absent') return 'absent';
  if (j.finding.suppression) return `suppression ${j.finding.suppression}`;
  return j.counted ? 'counted' : 'below the bars or old';
}

const BAND_ORDER = { critical: 4, high: 3, medium: 2, low: 1 } as const;
const LEVEL_ORDER = { error: 3, warning: 2, note: 1, none: 0 } as const;

export function buildSections(
  model: SarifModel,
  judged: readonly JudgedFinding[],
  notes: string[],
): Section[] {
  const byTool = [...tallyBy(judged, (j) => j.finding.tool)].map(([tool, t]): Cell[] => [
    tool,
    model.runs.filter((r) => r.tool === tool).length,
    t.results,
    t.counted,
    t.suppressed,
  ]);
  const byRule = [
    ...tallyBy(judged, (j) => `${j.finding.tool}\u0000${j.finding.ruleId}\u0000${j.finding.level}`),
  ]
    .sort((a, b) => b[1].counted - a[1].counted || b[1].results - a[1].results)
    .map(([key, t]): Cell[] => [...key.split('\u0000'), t.results, t.counted, t.suppressed]);
  const byLevel = (['error', 'warning', 'note', 'none'] as const).map((level): Cell[] => {
    const t = tallyBy(
      judged.filter((j) => j.finding.level === level),
      () => level,
    ).get(level) ?? { results: 0, counted: 0, suppressed: 0 };
    return [level, t.results, t.counted, t.suppressed];
  });
  const ranked = [...judged]
    .filter((j) => j.scope === 'in' && j.finding.suppression !== 'accepted')
    .sort(
      (a, b) =>
        Number(b.counted) - Number(a.counted) ||
        Number(b.isNew) - Number(a.isNew) ||
        (b.finding.band ? BAND_ORDER[b.finding.band] : 0) -
          (a.finding.band ? BAND_ORDER[a.finding.band] : 0) ||
        LEVEL_ORDER[b.finding.level] - LEVEL_ORDER[a.finding.level],
    )
    .map((j): Cell[] => [
      state(j),
      j.isNew ? 'yes' : 'no',
      `${j.finding.level} (${j.finding.levelSource})`,
      j.finding.severity === undefined ? null : `${j.finding.severity} ${j.finding.band ?? ''}`.trim(),
      j.finding.ruleId,
      location(j),
      j.finding.baselineState ?? null,
      j.finding.message,
    ]);
  const suppressedRows = judged
    .filter((j) => j.finding.suppression !== undefined || j.scope !== 'in')
    .map((j): Cell[] => [state(j), j.finding.ruleId, location(j), j.finding.justification ?? null]);
  const sections = [
    capped('By tool', ['tool', 'runs', 'results', 'counted', 'suppressed'], byTool, [
      `Files read: ${model.reports.join(', ')}`,
      ...notes,
    ]),
    capped('By level', ['level', 'results', 'counted', 'suppressed'], byLevel),
    capped('By rule', ['tool', 'rule', 'level', 'results', 'counted', 'suppressed'], byRule),
    capped(
      'Findings',
      ['state', 'new', 'level (from)', 'security severity', 'rule', 'location', 'baseline state', 'message'],
      ranked,
    ),
    capped(
      'Suppressed, under review, rejected or out of scope',
      ['state', 'rule', 'location', 'justification'],
      suppressedRows,
    ),
  ];
  return sections.filter((s) => (s.rows?.length ?? 0) > 0 || (s.notes?.length ?? 0) > 0);
}
