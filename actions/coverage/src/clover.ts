/**
 * Clover XML (istanbul, PHPUnit, gcovr, OpenClover). Totals are recomputed from the `<line>`
 * elements, never from `<metrics>` (some writers leave project metrics at zero). Per Clover:
 * `stmt` and `cond` lines are statements (and the executable lines), `method` lines are functions,
 * and each `cond` line holds two branches (true, false) judged by `truecount`/`falsecount`.
 */
import { ReportError } from '@aeef/gate-result';
import { addHits } from './counters.js';
import type { DeclaredTotals, FileCoverage, ParseContext, ParsedReport, Tally } from './model.js';
import { normaliseReportPath } from './paths.js';
import { childrenOf, descend, intAttr, tallyAttrs, type XmlElement } from './xml.js';

interface Acc {
  file: FileCoverage;
  lines: Map<number, number>;
  statements: Map<string, number>;
  functions: Map<string, number>;
  branches: Map<string, number>;
}

/**
 * A file's own `<metrics>` are its totals: writers differ on what `<line>` holds (istanbul's
 * `truecount` is "branches covered", OpenClover's "times true"; PHPUnit lists no cond lines), so
 * statements, branches and functions come from them when present.
 */
function metricTally(el: XmlElement, covered: string, total: string, file: string): Tally | undefined {
  const metrics = childrenOf(el, 'metrics')[0];
  if (metrics === undefined || !metrics.attrs.has(total)) return undefined;
  const t = intAttr(metrics, total, file);
  const c = intAttr(metrics, covered, file, 0);
  if (c > t) throw new ReportError(file, `${file} has ${covered} above ${total} in a file's <metrics>.`);
  return { covered: c, total: t };
}

function fileElements(root: XmlElement): XmlElement[] {
  return descend(root, 'project').flatMap((project) => [
    ...childrenOf(project, 'file'),
    ...descend(project, 'package', 'file'),
  ]);
}

/** Parses a Clover root element (already detected) into the common model. */
export function parseClover(root: XmlElement, ctx: ParseContext): ParsedReport {
  const byPath = new Map<string, Acc>();
  let sawBranches = false;
  let sawMethods = false;
  for (const el of fileElements(root)) {
    const raw = el.attrs.get('path') ?? el.attrs.get('name');
    if (raw === undefined || raw.trim() === '')
      throw new ReportError(ctx.file, `${ctx.file} has a <file> without a name.`);
    const { path, outside } = normaliseReportPath(raw, ctx.workspace);
    if (byPath.has(path)) throw new ReportError(ctx.file, `${ctx.file} lists ${path.slice(0, 120)} twice.`);
    const lines = new Map<number, number>();
    const statements = new Map<string, number>();
    const functions = new Map<string, number>();
    const branches = new Map<string, number>();
    const acc: Acc = {
      lines,
      statements,
      functions,
      branches,
      file: { path, outside, lines, statements, functions, branches },
    };
    byPath.set(path, acc);
    for (const line of childrenOf(el, 'line')) {
      const num = intAttr(line, 'num', ctx.file);
      const type = line.attrs.get('type') ?? 'stmt';
      if (num < 1) continue;
      if (type === 'method') {
        sawMethods = true;
        addHits(acc.functions, `${num}:${line.attrs.get('name') ?? ''}`, intAttr(line, 'count', ctx.file, 0));
        continue;
      }
      const count = intAttr(line, 'count', ctx.file, 0);
      addHits(acc.lines, num, count);
      addHits(acc.statements, String(num), count);
      if (type === 'cond') {
        sawBranches = true;
        addHits(acc.branches, `${num}:t`, intAttr(line, 'truecount', ctx.file, 0));
        addHits(acc.branches, `${num}:f`, intAttr(line, 'falsecount', ctx.file, 0));
      }
    }
    acc.file.statements = metricTally(el, 'coveredstatements', 'statements', ctx.file) ?? statements;
    const b = metricTally(el, 'coveredconditionals', 'conditionals', ctx.file);
    const f = metricTally(el, 'coveredmethods', 'methods', ctx.file);
    if (b !== undefined) {
      acc.file.branches = b;
      sawBranches ||= b.total > 0;
    }
    if (f !== undefined) {
      acc.file.functions = f;
      sawMethods ||= f.total > 0;
    }
  }
  const files = [...byPath.values()].map((acc) => {
    if (!sawBranches) acc.file.branches = null;
    if (!sawMethods) acc.file.functions = null;
    return acc.file;
  });
  // The project's <metrics> are the producer's own totals (Clover has no line count of its own).
  const metrics = childrenOf(descend(root, 'project')[0], 'metrics')[0];
  const declared: DeclaredTotals = { where: "the project's <metrics>", totals: {} };
  const pairs = [
    ['statements', 'coveredstatements', 'statements'],
    ['branches', 'coveredconditionals', 'conditionals'],
    ['functions', 'coveredmethods', 'methods'],
  ] as const;
  for (const [metric, covered, total] of pairs) {
    const t = tallyAttrs(metrics, covered, total);
    if (t) declared.totals[metric] = t;
  }
  return {
    format: 'clover',
    detected: 'Clover XML',
    files,
    notes: [],
    ...(Object.keys(declared.totals).length > 0 && { declared }),
  };
}
