/**
 * The summary tables of the size gate: totals against the limits, the largest files, what was
 * excluded and why, and where the change could be split. Cells are escaped by the renderer.
 */
import type { Section, Verdict } from '@aeef/gate-result';
import type { PrSizeConfig } from './config.js';
import { REASON_TEXT } from './exclusions.js';
import type { DiffFile, ExcludedFile, SizeModel } from './model.js';
import type { SizeName } from './sizes.js';

const LARGEST = 10;
const EXCLUDED_ROWS = 50;

export interface SizeSummaryInput {
  model: SizeModel;
  config: PrSizeConfig;
  counted: readonly DiffFile[];
  excluded: readonly ExcludedFile[];
  totals: { lines: number; files: number; ignoredFiles: number | null };
  size: SizeName;
  verdict: Verdict;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function shownPath(file: DiffFile): string {
  return file.previousPath ? `${file.previousPath} → ${file.path}` : file.path;
}

/** Lines per top-level folder (`.` for files at the root), largest first. */
export function topLevelFolders(
  files: readonly DiffFile[],
): { folder: string; lines: number; files: number }[] {
  const byFolder = new Map<string, { lines: number; files: number }>();
  for (const file of files) {
    const slash = file.path.indexOf('/');
    const folder = slash < 0 ? '.' : file.path.slice(0, slash);
    const entry = byFolder.get(folder) ?? { lines: 0, files: 0 };
    entry.lines += file.additions + file.deletions;
    entry.files += 1;
    byFolder.set(folder, entry);
  }
  return [...byFolder]
    .map(([folder, v]) => ({ folder, ...v }))
    .sort((a, b) => b.lines - a.lines || a.folder.localeCompare(b.folder));
}

function totalsSection({ model, config, size }: SizeSummaryInput): Section {
  const attributes =
    model.attributesSource === 'not applied'
      ? 'linguist attributes could not be applied'
      : `linguist attributes from ${model.attributesSource}`;
  return {
    title: 'Size',
    columns: ['Size', 'Buckets (changed lines)', 'Warn above'],
    rows: [
      [size, [...config.sizes.map((b) => `${b.name} ≤ ${b.max}`), 'XXL above'].join(', '), config.warnLines],
    ],
    notes: [
      `Counted from ${model.source === 'git' ? 'git diff --numstat' : 'the REST API'} (${model.range}); ${attributes}.`,
      ...(model.incomplete ? [`Incomplete count: ${model.incomplete.reason}.`] : []),
      ...model.notes,
    ],
  };
}

function largestSection(counted: readonly DiffFile[]): Section {
  const sorted = [...counted].sort(
    (a, b) => b.additions + b.deletions - (a.additions + a.deletions) || a.path.localeCompare(b.path),
  );
  return {
    title: 'Largest files',
    columns: ['File', 'Added', 'Deleted'],
    rows: sorted.slice(0, LARGEST).map((f) => [shownPath(f), f.additions, f.deletions]),
    omittedRows: Math.max(0, sorted.length - LARGEST),
  };
}

function excludedSection(excluded: readonly ExcludedFile[]): Section {
  return {
    title: 'Excluded files',
    columns: ['File', 'Reason', 'Added', 'Deleted'],
    rows: excluded
      .slice(0, EXCLUDED_ROWS)
      .map((f) => [
        shownPath(f),
        REASON_TEXT[f.reason],
        f.binary ? null : f.additions,
        f.binary ? null : f.deletions,
      ]),
    omittedRows: Math.max(0, excluded.length - EXCLUDED_ROWS),
  };
}

function splitSection(counted: readonly DiffFile[]): Section {
  const folders = topLevelFolders(counted);
  const list = folders
    .slice(0, 8)
    .map((f) => `${f.folder} (${plural(f.lines, 'line')}, ${plural(f.files, 'file')})`)
    .join(', ');
  return {
    title: 'How to split',
    notes: [
      folders.length > 1
        ? `The change spans ${folders.length} top-level folders: ${list}. A PR per folder, or per concern, keeps each review small.`
        : `The change sits in one top-level folder (${list}); split it by concern (refactor, behaviour, tests) into stacked PRs.`,
    ],
  };
}

/** Every section of the summary, in reading order. */
export function describeSize(input: SizeSummaryInput): Section[] {
  const sections = [totalsSection(input)];
  if (input.counted.length > 0) sections.push(largestSection(input.counted));
  if (input.excluded.length > 0) sections.push(excludedSection(input.excluded));
  if (input.verdict !== 'pass' && input.counted.length > 0) sections.push(splitSection(input.counted));
  return sections;
}
