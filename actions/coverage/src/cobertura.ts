/**
 * Cobertura XML (coverage.py, gcovr, coverlet, istanbul, simplecov, MATLAB, Cobertura itself).
 * Per-file figures come from the class `<line>` elements; branches from `condition-coverage`
 * ("50% (1/2)"), a report without any is "branches not measured". Line numbers below 1 are not
 * source lines and are dropped. The root's `lines-*`/`branches-*` counts are the producer's own
 * totals (`declared`), used for a report taken whole; `line-rate` alone is a ratio, not a count,
 * and `NaN` (MATLAB) is no count. A `<method>` without a `<line>` (the producer excluded its
 * body) is no function.
 */
import { ReportError } from '@aeef/gate-result';
import { addHits } from './counters.js';
import type { DeclaredTotals, FileCoverage, ParseContext, ParsedReport } from './model.js';
import { normaliseReportPath } from './paths.js';
import { descend, intAttr, tallyAttrs, type XmlElement } from './xml.js';

const CONDITION = /\((\d{1,9})\/(\d{1,9})\)/;

interface Acc {
  file: FileCoverage;
  lines: Map<number, number>;
  branches: Map<string, number>;
  functions: Map<string, number>;
}

function readLine(acc: Acc, line: XmlElement, ctx: ParseContext): number | undefined {
  const number = intAttr(line, 'number', ctx.file);
  const hits = intAttr(line, 'hits', ctx.file);
  if (number < 1) return undefined;
  addHits(acc.lines, number, hits);
  const condition = line.attrs.get('condition-coverage');
  if (condition !== undefined) {
    const m = CONDITION.exec(condition);
    if (m === null)
      throw new ReportError(
        ctx.file,
        `${ctx.file} has condition-coverage="${condition.slice(0, 40)}" on line ${number}, expected "N% (covered/total)".`,
      );
    const covered = Number(m[1]);
    const total = Number(m[2]);
    if (covered > total)
      throw new ReportError(
        ctx.file,
        `${ctx.file} claims more covered than total branches on line ${number}.`,
      );
    for (let i = 0; i < total; i++) addHits(acc.branches, `${number}:${i}`, i < covered ? 1 : 0);
  }
  return hits;
}

/** Parses a Cobertura root element (already detected) into the common model. */
export function parseCobertura(root: XmlElement, ctx: ParseContext): ParsedReport {
  // scoverage writes a bogus "--source" root: a command-line flag is never a directory.
  const roots = descend(root, 'sources', 'source')
    .map((s) => s.text)
    .filter((r) => !r.startsWith('-'));
  const byPath = new Map<string, Acc>();
  let sawMethods = false;
  const classes = [
    ...descend(root, 'packages', 'package', 'classes', 'class'),
    ...descend(root, 'packages', 'package', 'class'),
    ...descend(root, 'packages', 'class'),
  ];
  for (const cls of classes) {
    const filename = cls.attrs.get('filename');
    if (filename === undefined || filename.trim() === '')
      throw new ReportError(ctx.file, `${ctx.file} has a <class> without a filename.`);
    const { path, outside } = normaliseReportPath(filename, ctx.workspace, roots);
    let acc = byPath.get(path);
    if (acc === undefined) {
      const lines = new Map<number, number>();
      const branches = new Map<string, number>();
      const functions = new Map<string, number>();
      acc = {
        lines,
        branches,
        functions,
        file: { path, outside, lines, statements: null, functions, branches },
      };
      byPath.set(path, acc);
    }
    const classLines = descend(cls, 'lines', 'line');
    const methods = descend(cls, 'methods', 'method');
    for (const line of classLines) readLine(acc, line, ctx);
    for (const method of methods) {
      const methodLines = descend(method, 'lines', 'line');
      if (methodLines.length === 0) continue;
      sawMethods = true;
      const key = `${cls.attrs.get('name') ?? ''}#${method.attrs.get('name') ?? ''}${method.attrs.get('signature') ?? ''}`;
      let hits = 0;
      for (const line of methodLines) {
        // Method lines repeat the class lines; they count only when the class lists none.
        hits = Math.max(
          hits,
          classLines.length === 0 ? (readLine(acc, line, ctx) ?? 0) : intAttr(line, 'hits', ctx.file),
        );
      }
      addHits(acc.functions, key, hits);
    }
  }
  const sawBranches = [...byPath.values()].some((acc) => acc.branches.size > 0);
  const files: FileCoverage[] = [];
  for (const acc of byPath.values()) {
    if (!sawBranches) acc.file.branches = null;
    if (!sawMethods) acc.file.functions = null;
    files.push(acc.file);
  }
  const declared: DeclaredTotals = { where: 'the <coverage> root attributes', totals: {} };
  const lines = tallyAttrs(root, 'lines-covered', 'lines-valid');
  const branches = tallyAttrs(root, 'branches-covered', 'branches-valid');
  if (lines) declared.totals.lines = lines;
  if (branches) declared.totals.branches = branches;
  return {
    format: 'cobertura',
    detected: 'Cobertura XML',
    files,
    notes: [],
    ...(Object.keys(declared.totals).length > 0 && { declared }),
  };
}
