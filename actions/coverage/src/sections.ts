/** The summary tables beyond the metrics (which the library renders from the metrics). */
import { floor2, percent, type Cell, type Section } from '@aeef/gate-result';
import type { CoverageModel, Tally } from './model.js';
import { fileTotals } from './totals.js';

/** Rows shown in "Worst files"; the rest are counted. */
export const WORST_FILES_SHOWN = 10;

function pctCell(t: Tally | null): Cell {
  const p = t === null ? null : percent(t.covered, t.total);
  return p === null ? 'n/a' : `${floor2(p).toFixed(2)}%`;
}

/** Files by line coverage, lowest first (ties: most uncovered lines first). */
export function worstFilesSection(model: CoverageModel, include: (path: string) => boolean): Section {
  const rows = [...model.files.values()]
    .filter((f) => include(f.path))
    .map((f) => ({ path: f.path, t: fileTotals(f) }))
    .flatMap(({ path, t }) =>
      t.lines === null || t.lines.total === 0
        ? []
        : [
            {
              path,
              t,
              pct: (t.lines.covered / t.lines.total) * 100,
              missed: t.lines.total - t.lines.covered,
            },
          ],
    )
    .sort((a, b) => a.pct - b.pct || b.missed - a.missed || (a.path < b.path ? -1 : 1));
  const shown = rows.slice(0, WORST_FILES_SHOWN);
  return {
    title: 'Worst files',
    columns: ['File', 'Lines', 'Uncovered lines', 'Statements', 'Functions', 'Branches'],
    rows: shown.map(({ path, t, missed }) => [
      path,
      pctCell(t.lines),
      missed,
      pctCell(t.statements),
      pctCell(t.functions),
      pctCell(t.branches),
    ]),
    omittedRows: rows.length - shown.length,
  };
}

export interface ReportRead {
  file: string;
  detected: string;
  files: number;
}

/** Which files were read and what each was detected as; notes carry policies applied. */
export function reportsSection(reports: readonly ReportRead[], notes: readonly string[]): Section {
  return {
    title: 'Reports read',
    columns: ['Report', 'Detected format', 'Source files'],
    rows: reports.map((r) => [r.file, r.detected, r.files]),
    notes: [...notes],
  };
}
