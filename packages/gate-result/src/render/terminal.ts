/**
 * Plain-text results for the CLI. Report text is made one visible line (control characters,
 * escape sequences included, shown as `<U+001B>`), so a report cannot recolour or rewrite the
 * terminal, nor issue workflow commands when the CLI runs in a job. ANSI colours only when the caller asks (a TTY without NO_COLOR).
 */
import { breakWorkflowCommands, visibleControlChars } from '../escape.js';
import { VERDICT_LABEL } from '../result-builder.js';
import type { GateResult, MetricVerdict, Section, Verdict } from '../result.js';
import { isFailing, worstVerdict } from '../result.js';
import { GATE_TITLES, formatDuration, formatMetric } from './format.js';
import { decidingFigure, isAdvisory, verdictText } from './overview.js';

export interface TerminalOptions {
  color: boolean;
  /** Rows shown per section and findings listed per gate. Default 20. */
  maxRows?: number;
}

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;
type Style = keyof typeof CODES;

const VERDICT_STYLE: Record<Verdict, Style> = { pass: 'green', warn: 'yellow', fail: 'red', error: 'red' };
const VERDICT_MARK: Record<Verdict, string> = { pass: '✔', warn: '!', fail: '✖', error: '✖' };
const METRIC_STYLE: Record<MetricVerdict, Style> = {
  pass: 'green',
  warn: 'yellow',
  fail: 'red',
  none: 'dim',
};

/** Report text as one inert line. */
function clean(text: string): string {
  return visibleControlChars(text.replace(/\r\n|[\r\n\t]/g, ' '));
}

function pad(cells: string[][]): string[] {
  const widths = cells[0]?.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length))) ?? [];
  return cells.map((r) =>
    r
      .map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length))
      .join('  ')
      .trimEnd(),
  );
}

function renderSection(section: Section, maxRows: number): string[] {
  const lines = [`  ${clean(section.title)}`];
  const rows = section.rows ?? [];
  const shown = rows.slice(0, maxRows).map((r) => r.map((c) => (c === null ? '' : clean(String(c)))));
  const table = section.columns ? [section.columns.map(clean), ...shown] : shown;
  if (table.length > 0) lines.push(...pad(table).map((l) => `    ${l}`));
  const omitted = rows.length - shown.length + (section.omittedRows ?? 0);
  if (omitted > 0) lines.push(`    …and ${omitted} more`);
  for (const note of section.notes ?? []) lines.push(`    ${clean(note)}`);
  return lines;
}

/** The results as terminal text: the overview, then one block per gate, ending with a newline. */
export function renderTerminal(results: readonly GateResult[], options: TerminalOptions): string {
  const paint = (style: Style, text: string): string =>
    options.color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text;
  const maxRows = options.maxRows ?? 20;
  const out: string[] = [];
  const titleOf = (result: GateResult): string => {
    const gate = GATE_TITLES[result.gate] ?? result.gate;
    return result.name === undefined ? gate : `${gate} (${result.name})`;
  };
  // The overview first: the combined verdict, then one line per gate with its deciding figure.
  if (results.length > 0) {
    const worst = worstVerdict(results.map((r) => r.verdict));
    const advisory = isFailing(worst) && !results.some((r) => isFailing(r.verdict) && !isAdvisory(r));
    const label = advisory
      ? `advisory: ${worst === 'error' ? 'could not decide' : 'would fail'}`
      : VERDICT_LABEL[worst];
    out.push(
      `${paint(VERDICT_STYLE[worst], VERDICT_MARK[worst])} ${paint('bold', 'aeef/gates')}: ${paint(VERDICT_STYLE[worst], label)}`,
    );
    const rows = results.map((r) => [
      `  ${VERDICT_MARK[r.verdict]}`,
      titleOf(r),
      verdictText(r, VERDICT_LABEL),
      decidingFigure(r) || '—',
    ]);
    for (const [i, line] of pad(rows).entries()) {
      const style = VERDICT_STYLE[results[i]?.verdict ?? 'pass'];
      out.push(paint(style, line));
    }
    out.push('');
  }
  for (const result of results) {
    const title = titleOf(result);
    const style = VERDICT_STYLE[result.verdict];
    out.push(
      `${paint(style, VERDICT_MARK[result.verdict])} ${paint('bold', title)}: ${paint(style, verdictText(result, VERDICT_LABEL))} ${paint('dim', `(${formatDuration(result.durationMs)})`)}`,
      `  ${clean(result.summary)}`,
    );
    if (result.metrics.length > 0) {
      const rows = result.metrics.map((m) => {
        const { value, threshold } = formatMetric(m);
        return [clean(m.label), value, threshold, m.verdict];
      });
      for (const [i, line] of pad(rows).entries()) {
        const verdict = result.metrics[i]?.verdict ?? 'none';
        out.push(`  ${line.replace(new RegExp(`${verdict}$`), paint(METRIC_STYLE[verdict], verdict))}`);
      }
    }
    for (const section of result.details) out.push(...renderSection(section, maxRows));
    for (const f of result.findings.slice(0, maxRows)) {
      const where =
        f.file === undefined ? '' : `${clean(f.file)}${f.startLine === undefined ? '' : `:${f.startLine}`} `;
      out.push(`  ${paint(f.level === 'error' ? 'red' : 'yellow', f.level)} ${where}${clean(f.message)}`);
    }
    if (result.findings.length > maxRows)
      out.push(`  …and ${result.findings.length - maxRows} more findings`);
    out.push('');
  }
  // The CLI may run in a workflow step, whose runner reads `::command::` lines from stdout.
  return `${out.map(breakWorkflowCommands).join('\n')}\n`;
}
