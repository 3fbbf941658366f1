/**
 * lcov tracefiles (geninfo, istanbul, gcovr, llvm-cov, Dart, ...). A single pass over the text
 * without splitting it into an array, so a 300 MB tracefile costs one string. Per-file figures come
 * from the DA/FN/FNDA/BRDA records; the LF/LH/FNF/FNH/BRF/BRH summary lines, summed, are the
 * producer's own totals (`declared`), used when the report is taken whole (RELIABILITY B10: only
 * when every record has them and no file is listed twice). A function is its line and name:
 * eighteen `render`s in one file are eighteen functions, and the n-th FNDA of a name belongs to
 * the n-th FN of that name, as istanbul and gcov write them. Counts are read as lcov reads them: a
 * leading decimal number (exponents allowed), negative counts as 0, `-` as "not taken".
 */
import { assertTokenBudget, LCOV_MAX_LINES, ReportError } from '@aeef/gate-result';
import { addHits } from './counters.js';
import type { DeclaredTotals, FileCoverage, ParseContext, ParsedReport } from './model.js';
import { normaliseReportPath } from './paths.js';

interface LcovRecord {
  path: string;
  lines: Map<number, number>;
  functions: Map<string, number>;
  /** lcov 2 `FN:start,end,name` aliases: name -> location key. */
  aliases: Map<string, string>;
  branches: Map<string, number>;
  /** lcov 1 `FN:<line>,<name>`: name -> function keys, in FN order. */
  byName: Map<string, string[]>;
  /** FNDA records read per name in the current SF block, to pair them with the FN records. */
  fndaSeen: Map<string, number>;
  sawFunctions: boolean;
  sawBranches: boolean;
}

type SummaryTag = 'LF' | 'LH' | 'FNF' | 'FNH' | 'BRF' | 'BRH';

const COUNT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const LINE_NUMBER = /^\d{1,10}$/;

/** A plain run of 1-15 ASCII digits as a number (the common case, without a regex); else -1. */
function digits(text: string): number {
  const n = text.length;
  if (n === 0 || n > 15) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

class LcovReader {
  readonly records = new Map<string, LcovRecord>();
  negativeCounts = 0;
  private current: LcovRecord | undefined;
  lineNo = 0;

  constructor(private readonly ctx: ParseContext) {}

  fail(message: string): never {
    throw new ReportError(
      this.ctx.file,
      `${this.ctx.file} is not a valid lcov tracefile: line ${this.lineNo} ${message}.`,
    );
  }

  count(text: string): number {
    const fast = digits(text);
    if (fast >= 0) return fast;
    if (text === '-') return 0;
    const m = COUNT.exec(text.trim());
    if (m === null) this.fail('has a hit count that is not a number');
    const n = Number(m[0]);
    if (n < 0) {
      this.negativeCounts++;
      return 0;
    }
    return Number.isFinite(n) ? n : Number.MAX_VALUE;
  }

  lineNumber(text: string | undefined): number {
    const fast = text === undefined ? -1 : digits(text);
    if (fast >= 0) return fast;
    if (text === undefined || !LINE_NUMBER.test(text.trim()))
      this.fail('has a line number that is not a whole number');
    return Number(text.trim());
  }

  record(tag: string): LcovRecord {
    if (this.current === undefined) this.fail(`has ${tag} outside a record (no SF: before it)`);
    return this.current;
  }

  readLine(line: string): void {
    const colon = line.indexOf(':');
    const tag = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1);
    switch (tag) {
      case 'SF':
        return this.startRecord(value);
      case 'DA': {
        const rec = this.record(tag);
        // DA:<line>,<hits>[,<checksum>]
        const comma = value.indexOf(',');
        if (comma < 0) this.fail('has a DA record without a hit count');
        const next = value.indexOf(',', comma + 1);
        const line = this.lineNumber(value.slice(0, comma));
        const hits = this.count(next < 0 ? value.slice(comma + 1) : value.slice(comma + 1, next));
        const previous = rec.lines.get(line);
        rec.lines.set(line, previous === undefined ? hits : previous + hits);
        return;
      }
      case 'FN':
      case 'FNL':
      case 'FNA':
      case 'FNDA':
        return this.readFunction(tag, value);
      case 'BRDA':
        return this.readBranch(value);
      case 'end_of_record':
        return this.endRecord();
      case 'LF':
      case 'LH':
      case 'FNF':
      case 'FNH':
      case 'BRF':
      case 'BRH':
        return this.readSummary(tag, value);
      default:
        // TN, VER, unknown tags: ignored, as lcov does.
        return;
    }
  }

  /** Summed summary lines, and how many records carried each (a total counts only if all did). */
  readonly summary = new Map<SummaryTag, { sum: number; records: number }>();
  /** Summary tags seen in the current record (one each). */
  private recordSummary = new Set<SummaryTag>();
  /** SF blocks read, and whether one path came twice (then the summed summaries double count). */
  blocks = 0;
  repeatedPath = false;
  badSummary = false;

  private readSummary(tag: SummaryTag, value: string): void {
    this.record(tag);
    const n = digits(value.trim());
    if (n < 0 || this.recordSummary.has(tag)) {
      this.badSummary = true;
      return;
    }
    this.recordSummary.add(tag);
    const entry = this.summary.get(tag) ?? { sum: 0, records: 0 };
    entry.sum += n;
    entry.records++;
    this.summary.set(tag, entry);
  }

  private startRecord(value: string): void {
    if (this.current !== undefined)
      this.fail('starts a new SF: record before end_of_record of the previous one');
    if (value.trim() === '') this.fail('has an empty SF: path');
    const { path, outside } = normaliseReportPath(value, this.ctx.workspace);
    const existing = this.records.get(path);
    this.blocks++;
    this.recordSummary = new Set();
    if (existing !== undefined) {
      this.repeatedPath = true;
      existing.fndaSeen = new Map();
    }
    this.current = existing ?? {
      path,
      lines: new Map(),
      functions: new Map(),
      aliases: new Map(),
      branches: new Map(),
      byName: new Map(),
      fndaSeen: new Map(),
      sawFunctions: false,
      sawBranches: false,
    };
    if (existing === undefined) this.records.set(path, this.current);
    this.outside.set(path, outside);
  }

  readonly outside = new Map<string, boolean>();

  private readFunction(tag: string, value: string): void {
    const rec = this.record(tag);
    rec.sawFunctions = true;
    const first = value.indexOf(',');
    if (first < 0) this.fail(`has a ${tag} record without a name`);
    const a = value.slice(0, first);
    const rest = value.slice(first + 1);
    if (tag === 'FN') {
      const second = rest.indexOf(',');
      // lcov 2: FN:<start>,<end>,<name>; aliases at one location are one function.
      if (second > 0 && LINE_NUMBER.test(rest.slice(0, second))) {
        const key = `@${this.lineNumber(a)},${rest.slice(0, second)}`;
        rec.aliases.set(rest.slice(second + 1), key);
        addHits(rec.functions, key, 0);
      } else {
        // lcov 1: FN:<line>,<name>. Same-named functions at different lines are different.
        const key = `=${this.lineNumber(a)},${rest}`;
        const keys = rec.byName.get(rest);
        if (keys === undefined) rec.byName.set(rest, [key]);
        else if (!keys.includes(key)) keys.push(key);
        addHits(rec.functions, key, 0);
      }
    } else if (tag === 'FNL') {
      // lcov 2.2: FNL:<index>,<start>[,<end>]
      this.lineNumber(rest.split(',')[0]);
      addHits(rec.functions, `#${a}`, 0);
    } else if (tag === 'FNA') {
      // lcov 2.2: FNA:<index>,<count>,<name>
      const hits = rest.slice(0, Math.max(rest.indexOf(','), 0));
      addHits(rec.functions, `#${a}`, this.count(hits === '' ? rest : hits));
    } else {
      addHits(rec.functions, rec.aliases.get(rest) ?? this.functionOfName(rec, rest), this.count(a));
    }
  }

  /** The FN record an FNDA names: the n-th FNDA of a name is the n-th FN of that name. */
  private functionOfName(rec: LcovRecord, name: string): string {
    const keys = rec.byName.get(name);
    if (keys === undefined) return `=${name}`;
    const seen = rec.fndaSeen.get(name) ?? 0;
    rec.fndaSeen.set(name, seen + 1);
    return keys[Math.min(seen, keys.length - 1)] ?? `=${name}`;
  }

  private readBranch(value: string): void {
    const rec = this.record('BRDA');
    rec.sawBranches = true;
    // BRDA:<line>,[e]<block>,<branch or expression>,<taken>; the expression may hold commas.
    const first = value.indexOf(',');
    const last = value.lastIndexOf(',');
    if (first < 0 || last <= first) this.fail('has a BRDA record with fewer than 4 fields');
    const line = this.lineNumber(value.slice(0, first));
    addHits(rec.branches, `${line},${value.slice(first + 1, last)}`, this.count(value.slice(last + 1)));
  }

  private endRecord(): void {
    if (this.current === undefined) this.fail('has end_of_record without a record');
    this.current = undefined;
  }

  finish(): void {
    if (this.current !== undefined)
      this.fail(`ends inside the record of ${this.current.path} (end_of_record missing; truncated?)`);
    if (this.records.size === 0) this.fail('holds no SF: record');
  }
}

/** Parses an lcov tracefile into the common model; throws `ReportError` with the line number. */
export function parseLcov(text: string, ctx: ParseContext): ParsedReport {
  assertTokenBudget(text, ctx.file, '\n', LCOV_MAX_LINES, 'lines');
  const reader = new LcovReader(ctx);
  let start = 0;
  const length = text.length;
  while (start < length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = length;
    reader.lineNo++;
    let line = text.slice(start, end);
    // Trim only when needed: most lines have no surrounding whitespace.
    if (line.length > 0 && (line.charCodeAt(line.length - 1) <= 32 || line.charCodeAt(0) <= 32))
      line = line.trim();
    start = end + 1;
    if (line === '' || line.startsWith('#')) continue;
    reader.readLine(line);
  }
  if (length === 0) reader.lineNo = 0;
  reader.finish();
  const files: FileCoverage[] = [];
  for (const rec of reader.records.values()) {
    files.push({
      path: rec.path,
      outside: reader.outside.get(rec.path) ?? false,
      lines: rec.lines,
      statements: null,
      functions: rec.sawFunctions ? rec.functions : null,
      branches: rec.sawBranches ? rec.branches : null,
    });
  }
  const notes =
    reader.negativeCounts > 0
      ? [`${reader.negativeCounts} negative hit counts were read as 0, as lcov does.`]
      : [];
  const declared = declaredOf(reader);
  return { format: 'lcov', detected: 'lcov tracefile', files, notes, ...(declared && { declared }) };
}

/** The summed LF/LH, FNF/FNH, BRF/BRH, for the metrics every record summarised. */
function declaredOf(reader: LcovReader): DeclaredTotals | undefined {
  if (reader.repeatedPath || reader.badSummary) return undefined;
  const declared: DeclaredTotals = { where: 'its LF/LH, FNF/FNH and BRF/BRH lines', totals: {} };
  const pairs = [
    ['lines', 'LH', 'LF'],
    ['functions', 'FNH', 'FNF'],
    ['branches', 'BRH', 'BRF'],
  ] as const;
  for (const [metric, hit, found] of pairs) {
    const h = reader.summary.get(hit);
    const f = reader.summary.get(found);
    if (h === undefined || f === undefined) continue;
    if (h.records !== reader.blocks || f.records !== reader.blocks || h.sum > f.sum) continue;
    declared.totals[metric] = { covered: h.sum, total: f.sum };
  }
  return Object.keys(declared.totals).length > 0 ? declared : undefined;
}
