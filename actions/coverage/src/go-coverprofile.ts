/**
 * Go coverprofiles (`go test -coverprofile`, modes set/count/atomic). Statements are Go's own
 * measure: a block's statements are covered when its count is above 0, and a block listed twice
 * (several test binaries) is one block with counts summed, as `go tool cover` merges them. Lines
 * are derived: every line a block spans is executable, covered when a covering block ran. Paths
 * are import paths (`github.com/org/repo/pkg/file.go`); patch coverage matches them to changed
 * files by path suffix (see patch.ts). No functions or branches: not measured.
 */
import { ReportError } from '@aeef/gate-result';
import { addHits } from './counters.js';
import type { FileCoverage, ParseContext, ParsedReport } from './model.js';
import { normaliseReportPath } from './paths.js';

const MODE = /^mode: (set|count|atomic)$/;
const BLOCK = /^(.+):(\d{1,9})\.(\d{1,9}),(\d{1,9})\.(\d{1,9}) (\d{1,9}) (\d{1,19})$/;
/** Blocks longer than this are not real code; the cap keeps line expansion bounded. */
const MAX_BLOCK_LINES = 100_000;

/** Parses a Go coverprofile into the common model; throws `ReportError` with the line number. */
export function parseGoCoverprofile(text: string, ctx: ParseContext): ParsedReport {
  const rows = text.split('\n');
  function fail(n: number, why: string): never {
    throw new ReportError(ctx.file, `${ctx.file} is not a valid Go coverprofile: line ${n} ${why}.`);
  }
  if (!MODE.test((rows[0] ?? '').trim())) fail(1, 'is not "mode: set|count|atomic"');
  const byPath = new Map<
    string,
    FileCoverage & { lines: Map<number, number>; statements: Map<string, number> }
  >();
  for (let i = 1; i < rows.length; i++) {
    const row = (rows[i] ?? '').trim();
    if (row === '') continue;
    const m = BLOCK.exec(row);
    if (m === null) fail(i + 1, 'is not "file:start.col,end.col statements count"');
    const [, name, sl, sc, el, ec, stmts, count] = m;
    const start = Number(sl);
    const end = Number(el);
    if (end < start || end - start > MAX_BLOCK_LINES)
      fail(i + 1, 'has a block that ends before it starts or spans too many lines');
    const { path, outside } = normaliseReportPath(name ?? '', ctx.workspace);
    let file = byPath.get(path);
    if (file === undefined) {
      file = { path, outside, lines: new Map(), statements: new Map(), functions: null, branches: null };
      byPath.set(path, file);
    }
    const hits = Number(count);
    const block = `${sl}.${sc},${el}.${ec}`;
    for (let s = 0; s < Number(stmts); s++) addHits(file.statements, `${block}#${s}`, hits);
    for (let line = start; line <= end; line++) addHits(file.lines, line, hits);
  }
  if (byPath.size === 0) fail(1, 'is followed by no block');
  return {
    format: 'go-coverprofile',
    detected: `Go coverprofile (${(rows[0] ?? '').trim()})`,
    files: [...byPath.values()],
    notes: [],
  };
}
