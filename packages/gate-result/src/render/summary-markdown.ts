/**
 * The job summary. Every string that can come from a report (and, for simplicity, every other
 * string too) goes through `escapeMarkdown`, so report text can neither open an HTML tag nor break
 * a table (RELIABILITY E5/E6). The whole summary stays under a byte budget (GitHub refuses more
 * than 1 MiB per step): the headline, metrics and counts of every gate always fit; table rows are
 * cut when the budget runs out, with a visible note. The verdict never depends on what is shown.
 *
 * Layout: a title line with the combined verdict, one overview table (gate, verdict, the deciding
 * figure against its bar, a link to the gate's section), then one section per gate; tables longer
 * than `DETAILS_ROWS` rows are folded into `<details>`, so the first screen shows every verdict.
 */
import { selectAnnotations } from '../annotations.js';
import { escapeMarkdown, escapeMarkdownClipped } from '../escape.js';
import { VERDICT_EMOJI, VERDICT_LABEL } from '../result-builder.js';
import {
  isFailing,
  worstVerdict,
  type FindingLevel,
  type GateResult,
  type MetricVerdict,
  type Section,
} from '../result.js';
import { GATE_TITLES, formatDuration, formatMetric } from './format.js';
import { decidingFigure, instanceKey, isAdvisory, sectionAnchor, verdictText } from './overview.js';

export interface SummaryOptions {
  /** Bytes (UTF-8) the whole summary may take. Default 1,000,000 (GitHub's limit is 1 MiB). */
  budgetBytes?: number;
  /** Annotations per level the runtime emits; only used to count what was left out. */
  annotationsPerLevel?: number;
  /** Overrides of the gate titles. */
  titles?: Record<string, string>;
  /** Heading of a combined summary of several gates. */
  heading?: string;
  /** The limit named in the truncation note. Default: GitHub's 1 MiB job summary limit. */
  limitName?: string;
  /** A step-level error (the umbrella's config could not be read): shown under the title, failing. */
  failure?: string;
  /**
   * Findings per result that the runtime did not annotate (it caps them across all gates of a
   * step); without it, each result is counted against `annotationsPerLevel` alone.
   */
  notAnnotated?: ReadonlyMap<GateResult, Readonly<Record<FindingLevel, number>>>;
}

/** Tables with more rows than this are folded into `<details>`. */
export const DETAILS_ROWS = 10;

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

function gateTitle(result: GateResult, options: SummaryOptions): string {
  const title = options.titles?.[result.gate] ?? GATE_TITLES[result.gate] ?? result.gate;
  return result.name === undefined ? title : `${title} (${result.name})`;
}

/** The title line: the combined verdict of the step, advisory when no enforced gate fails. */
function renderTitle(results: readonly GateResult[], options: SummaryOptions): string {
  const verdict = options.failure === undefined ? worstVerdict(results.map((r) => r.verdict)) : 'error';
  const only = results.length === 1 ? results[0] : undefined;
  const title = options.heading ?? (only === undefined ? 'aeef/gates' : gateTitle(only, options));
  const enforcedFailing = results.some((r) => isFailing(r.verdict) && !isAdvisory(r));
  const text =
    options.failure === undefined && isFailing(verdict) && !enforcedFailing
      ? `advisory: ${verdict === 'error' ? 'could not decide' : 'would fail'}`
      : VERDICT_LABEL[verdict];
  const lines = [`# ${VERDICT_EMOJI[verdict]} ${escapeMarkdownClipped(title, MAX_CELL)}: ${text}`, ''];
  if (options.failure !== undefined) {
    lines.push('## ⛔ The gates could not run', '', escapeMarkdownClipped(options.failure, MAX_SENTENCE), '');
  }
  return `${lines.join('\n')}\n`;
}

/** One row per gate: verdict, deciding figure against its bar, and a link to its section. */
export function renderOverview(results: readonly GateResult[], options: SummaryOptions = {}): string {
  if (results.length === 0) return '';
  const lines = [row(['Gate', 'Verdict', 'Deciding figure', 'Details']), row(['---', '---', '---', '---'])];
  for (const result of results) {
    const figure = decidingFigure(result);
    lines.push(
      row([
        escapeMarkdownClipped(gateTitle(result, options), MAX_CELL),
        `${VERDICT_EMOJI[result.verdict]} ${verdictText(result, VERDICT_LABEL)}`,
        figure === '' ? '—' : escapeMarkdown(figure),
        `[${escapeMarkdown(instanceKey(result))}](#${sectionAnchor(result)})`,
      ]),
    );
  }
  return `${lines.join('\n')}\n\n`;
}

function renderHead(result: GateResult, options: SummaryOptions): string {
  const lines = [
    // An explicit anchor: GitHub's own heading anchors depend on the emoji and the verdict text.
    `<a id="${sectionAnchor(result)}"></a>`,
    '',
    `## ${VERDICT_EMOJI[result.verdict]} ${escapeMarkdownClipped(gateTitle(result, options), MAX_CELL)}: ${verdictText(result, VERDICT_LABEL)}`,
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
  const omitted =
    options.notAnnotated?.get(result) ??
    selectAnnotations(result.findings, { perLevel: options.annotationsPerLevel ?? 10 }).omitted;
  const dropped = (['error', 'warning', 'notice'] as const).filter((l) => omitted[l] > 0);
  if (dropped.length > 0) {
    const counts = dropped.map((l) => `${omitted[l]} ${l}${omitted[l] === 1 ? '' : 's'}`).join(', ');
    lines.push(
      `${result.findings.length} findings; ${counts} beyond the annotation limit are not annotated.`,
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

function renderFoot(result: GateResult): string {
  const files =
    result.inputs.length === 0
      ? ''
      : ` · read ${result.inputs.length} file${result.inputs.length === 1 ? '' : 's'}`;
  return `<sub>${escapeMarkdown(result.gate)} gate · ${formatDuration(result.durationMs)}${files}</sub>\n`;
}

interface Sink {
  /** Adds the text if it fits the budget; false (and nothing more will fit) otherwise. */
  take(text: string): boolean;
  /** Adds a short text that must appear (counts, separators); reserved for in advance. */
  force(text: string): void;
}

/** Bytes reserved per section for its forced text, and for the truncation note. */
const FORCED_PER_SECTION = 80;
const NOTE_RESERVE = 400;

/** One section, rows added while they fit; returns the number of rows left out. */
function renderSection(section: Section, sink: Sink): number {
  const rows = section.rows ?? [];
  const title = escapeMarkdownClipped(section.title, MAX_CELL);
  const folded = rows.length > DETAILS_ROWS;
  const opening = folded
    ? `<details><summary>${title} (${rows.length} rows)</summary>\n\n`
    : `### ${title}\n\n`;
  if (!sink.take(opening)) return rows.length;
  let left = 0;
  if (rows.length > 0) {
    const width = Math.max(section.columns?.length ?? 0, ...rows.map((r) => r.length));
    const columns = Array.from({ length: width }, (_, i) =>
      escapeMarkdownClipped(section.columns?.[i] ?? '', MAX_CELL),
    );
    if (!sink.take(`${row(columns)}\n${row(columns.map(() => '---'))}\n`)) left = rows.length;
    for (const [index, cells] of rows.entries()) {
      if (left > 0) break;
      const text = Array.from({ length: width }, (_, i) => {
        const cell = cells[i];
        return cell === null || cell === undefined ? '' : escapeMarkdownClipped(String(cell), MAX_CELL);
      });
      if (!sink.take(`${row(text)}\n`)) left = rows.length - index;
    }
  }
  const omitted = (section.omittedRows ?? 0) + left;
  if (omitted > 0) sink.force(`\n_…and ${omitted} more row${omitted === 1 ? '' : 's'} not shown._\n`);
  for (const note of section.notes ?? [])
    if (!sink.take(`\n${escapeMarkdownClipped(note, MAX_SENTENCE)}\n`)) break;
  sink.force(folded ? '\n</details>\n\n' : '\n');
  return left;
}

/** The Markdown job summary of one or more results, within the byte budget. */
export function renderSummary(results: readonly GateResult[], options: SummaryOptions = {}): string {
  const budget = options.budgetBytes ?? 1_000_000;
  const heads = results.map((r) => renderHead(r, options));
  const feet = results.map(renderFoot);
  const intro = renderTitle(results, options) + renderOverview(results, options);
  const sections = results.reduce((n, r) => n + r.details.length, 0);
  // Headings, sentences, metrics and counts always appear; rows share what is left.
  let used = Buffer.byteLength(intro) + NOTE_RESERVE + sections * FORCED_PER_SECTION;
  for (const text of [...heads, ...feet]) used += Buffer.byteLength(text) + 1;
  let exhausted = false;
  const out: string[] = [intro];
  const sink: Sink = {
    take(text) {
      const size = Buffer.byteLength(text);
      if (exhausted || used + size > budget) {
        exhausted = true;
        return false;
      }
      used += size;
      out.push(text);
      return true;
    },
    force: (text) => void out.push(text),
  };
  let cut = 0;
  for (const [index, result] of results.entries()) {
    out.push(heads[index] ?? '');
    for (const section of result.details) cut += renderSection(section, sink);
    out.push(feet[index] ?? '', '\n');
  }
  if (exhausted) {
    out.push(
      `> [!NOTE]\n> This summary was truncated to stay under ${options.limitName ?? "GitHub's 1 MiB limit"}${cut > 0 ? ` (${cut} table rows not shown)` : ''}. The verdict counts everything; the result file holds every finding.\n`,
    );
  }
  return out.join('');
}
