/**
 * JaCoCo XML (Maven/Gradle JaCoCo, report-aggregate with `<group>`s, gcovr --jacoco). Paths are
 * `<package name>/<sourcefile name>`, relative to a source root the report does not name, so patch
 * coverage matches them to changed files by path suffix (see patch.ts). Lines come from the
 * `<line mi ci>` elements (a line is executable when it has instructions, covered when one ran),
 * as JaCoCo's LINE counter counts them; where a writer omits `mi`/`ci` (gcovr), the sourcefile's
 * LINE counter gives the totals and the file has no line detail. Branches and functions come from
 * the sourcefile's BRANCH and METHOD counters. Instructions are not statements: not measured.
 */
import { ReportError } from '@aeef/gate-result';
import type { DeclaredTotals, FileCoverage, ParseContext, ParsedReport, Tally } from './model.js';
import { normaliseReportPath } from './paths.js';
import { childrenOf, intAttr, type XmlElement } from './xml.js';

function packagesOf(el: XmlElement): XmlElement[] {
  return [...childrenOf(el, 'package'), ...childrenOf(el, 'group').flatMap(packagesOf)];
}

function counter(el: XmlElement, type: string, file: string): Tally | undefined {
  const c = childrenOf(el, 'counter').find((x) => x.attrs.get('type') === type);
  if (c === undefined) return undefined;
  const missed = intAttr(c, 'missed', file);
  const covered = intAttr(c, 'covered', file);
  return { covered, total: covered + missed };
}

function readLines(source: XmlElement, file: string): Map<number, number> | null {
  const lines = new Map<number, number>();
  for (const line of childrenOf(source, 'line')) {
    if (!line.attrs.has('ci') && !line.attrs.has('mi')) return null;
    const nr = intAttr(line, 'nr', file);
    const ci = intAttr(line, 'ci', file, 0);
    const mi = intAttr(line, 'mi', file, 0);
    if (nr < 1 || ci + mi === 0) continue;
    lines.set(nr, (lines.get(nr) ?? 0) + ci);
  }
  return lines;
}

/** Parses a JaCoCo `<report>` root element (already detected) into the common model. */
export function parseJacoco(root: XmlElement, ctx: ParseContext): ParsedReport {
  const files: FileCoverage[] = [];
  const seen = new Set<string>();
  let sawBranches = false;
  let sawMethods = false;
  for (const pkg of packagesOf(root)) {
    const dir = pkg.attrs.get('name') ?? '';
    for (const source of childrenOf(pkg, 'sourcefile')) {
      const name = source.attrs.get('name');
      if (name === undefined || name.trim() === '')
        throw new ReportError(ctx.file, `${ctx.file} has a <sourcefile> without a name.`);
      const { path, outside } = normaliseReportPath(dir === '' ? name : `${dir}/${name}`, ctx.workspace);
      if (seen.has(path)) throw new ReportError(ctx.file, `${ctx.file} lists ${path.slice(0, 120)} twice.`);
      seen.add(path);
      const lines = readLines(source, ctx.file);
      const lineTally = lines === null ? counter(source, 'LINE', ctx.file) : undefined;
      const branches = counter(source, 'BRANCH', ctx.file) ?? null;
      const functions = counter(source, 'METHOD', ctx.file) ?? null;
      sawBranches ||= (branches?.total ?? 0) > 0;
      sawMethods ||= (functions?.total ?? 0) > 0;
      files.push({
        path,
        outside,
        lines,
        ...(lineTally && { lineTally }),
        statements: null,
        functions,
        branches,
      });
    }
  }
  for (const f of files) {
    if (!sawBranches) f.branches = null;
    if (!sawMethods) f.functions = null;
  }
  const partial = files.filter((f) => f.lines === null).length;
  // The report-level counters are the producer's own totals.
  const declared: DeclaredTotals = { where: 'the report-level <counter>s', totals: {} };
  const pairs = [
    ['lines', 'LINE'],
    ['branches', 'BRANCH'],
    ['functions', 'METHOD'],
  ] as const;
  for (const [metric, type] of pairs) {
    const t = counter(root, type, ctx.file);
    if (t) declared.totals[metric] = t;
  }
  return {
    ...(Object.keys(declared.totals).length > 0 && { declared }),
    format: 'jacoco',
    detected: 'JaCoCo XML',
    files,
    notes:
      partial > 0
        ? [
            `${partial} source files have no per-line detail (no mi/ci): their lines count from the LINE counter, without patch coverage.`,
          ]
        : [],
  };
}
