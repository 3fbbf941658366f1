/**
 * The job summary. Every string that can come from a report (and, for simplicity, every other
 * string too) goes through `escapeMarkdown`, so report text can neither open an HTML tag nor break
 * a table (RELIABILITY E5/E6). The whole summary stays under a byte budget (GitHub refuses more
 * than 1 MiB per step): the headline, metrics and counts of every gate always fit; table rows are
 * cut when the budget runs out, with a visible note. The verdict never depends on what is shown.
 */
import { selectAnnotations } from '../annotations.js';
import { escapeMarkdown, escapeMarkdownClipped } from '../escape.js';
import { VERDICT_EMOJI, VERDICT_LABEL } from '../result-builder.js';
import type { GateResult, MetricVerdict, Section } from '../result.js';
import { GATE_TITLES, formatDuration, formatMetric } from './format.js';

export interface SummaryOptions {
  /** Bytes (UTF-8) the whole summary may take. Default 1,000,000 (GitHub's limit is 1 MiB). */
  budgetBytes?: number;
  /** Annotations per level the runtime emits; only used to count what was left out. */
  annotationsPerLevel?: number;
  /** Overrides of the gate titles. */
  titles?: Record<string, string>;
  /** Heading of a combined summary of several gates. */
  heading?: string;
}

const MAX_CELL = 300;
const MAX_SENTENCE = 2000;
const METRIC_MARK: Record<MetricVerdict, string> = {
  pass: '✅ pass',
  warn: '⚠️ warn',
  fail: '❌ fail',
  none: '—',
};

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function renderHead(result: GateResult, options: SummaryOptions): string {
  const title = options.titles?.[result.gate] ?? GATE_TITLES[result.gate] ?? result.gate;
  const lines = [
    `## ${VERDICT_EMOJI[result.verdict]} ${escapeMarkdown(title)}: ${VERDICT_LABEL[result.verdict]}`,
    '',
    escapeMarkdownClipped(result.summary, MAX_SENTENCE),
    '',
  ];
  if (result.metrics.length > 0) {
    lines.push(row(['Metric', 'Value', 'Threshold', 'Verdict']), row(['---', '---:', '---:', '---']));
    for (const metric of result.metrics) {
      const { value, threshold } = formatMetric(metric);
      lines.push(
        row([
          escapeMarkdownClipped(metric.label, MAX_CELL),
          escapeMarkdown(value),
          escapeMarkdown(threshold),
          METRIC_MARK[metric.verdict],
        ]),
      );
    }
    lines.push('');
  }
  const { omitted } = selectAnnotations(result.findings, { perLevel: options.annotationsPerLevel ?? 10 });
  const dropped = (['error', 'warning', 'notice'] as const).filter((l) => omitted[l] > 0);
  if (dropped.length > 0) {
    const counts = dropped.map((l) => `${omitted[l]} ${l}${omitted[l] === 1 ? '' : 's'}`).join(', ');
    lines.push(
      `${result.findings.length} findings; ${counts} beyond the annotation limit are not annotated.`,
      '',
    );
  }
  return lines.join('\n');
}

function renderFoot(result: GateResult): string {
  const files =
    result.inputs.length === 0
      ? ''
      : ` · read ${result.inputs.length} file${result.inputs.length === 1 ? '' : 's'}`;
  return `<sub>${escapeMarkdown(result.gate)} gate · ${formatDuration(result.durationMs)}${files}</sub>\n`;
}

/** Lines of one section, added while `take` accepts them; returns the number of rows left out. */
function renderSection(section: Section, out: string[], take: (text: string) => boolean): number {
  const rows = section.rows ?? [];
  if (!take(`### ${escapeMarkdownClipped(section.title, MAX_CELL)}\n`)) return rows.length;
  let left = 0;
  if (rows.length > 0) {
    const width = Math.max(section.columns?.length ?? 0, ...rows.map((r) => r.length));
    const columns = Array.from({ length: width }, (_, i) =>
      escapeMarkdownClipped(section.columns?.[i] ?? '', MAX_CELL),
    );
    take(`${row(columns)}\n${row(columns.map(() => '---'))}\n`);
    for (const [index, cells] of rows.entries()) {
      const text = Array.from({ length: width }, (_, i) => {
        const cell = cells[i];
        return cell === null || cell === undefined ? '' : escapeMarkdownClipped(String(cell), MAX_CELL);
      });
      if (!take(`${row(text)}\n`)) {
        left = rows.length - index;
        break;
      }
    }
  }
  const omitted = (section.omittedRows ?? 0) + left;
  if (omitted > 0) out.push(`\n_…and ${omitted} more row${omitted === 1 ? '' : 's'} not shown._\n`);
  for (const note of section.notes ?? [])
    if (!take(`\n${escapeMarkdownClipped(note, MAX_SENTENCE)}\n`)) break;
  out.push('\n');
  return left;
}

/** The Markdown job summary of one or more results, within the byte budget. */
export function renderSummary(results: readonly GateResult[], options: SummaryOptions = {}): string {
  const budget = options.budgetBytes ?? 1_000_000;
  const heads = results.map((r) => renderHead(r, options));
  const feet = results.map(renderFoot);
  const intro = options.heading === undefined ? '' : `# ${escapeMarkdown(options.heading)}\n\n`;
  const reserve = 400;
  let used = Buffer.byteLength(intro) + reserve;
  for (const text of [...heads, ...feet]) used += Buffer.byteLength(text);
  let exhausted = false;
  const out: string[] = [intro];
  const take = (text: string): boolean => {
    const size = Buffer.byteLength(text);
    if (exhausted || used + size > budget) {
      exhausted = true;
      return false;
    }
    used += size;
    out.push(text);
    return true;
  };
  let cut = 0;
  for (const [index, result] of results.entries()) {
    out.push(heads[index] ?? '');
    for (const section of result.details) cut += renderSection(section, out, take);
    out.push(feet[index] ?? '', '\n');
  }
  if (exhausted) {
    out.push(
      `> [!NOTE]\n> This summary was truncated to stay under GitHub's 1 MiB limit${cut > 0 ? ` (${cut} table rows not shown)` : ''}. The verdict counts everything; the result file holds every finding.\n`,
    );
  }
  return out.join('');
}
