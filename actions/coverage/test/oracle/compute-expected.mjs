#!/usr/bin/env node
// Regenerates ../fixtures/expected-totals.json: the totals each producing tool gives for every file
// in test/fixtures/coverage, or the refusal the gate must give. Independent of the gate's code:
//   lcov files      -> `lcov --rc lcov_branch_coverage=1 --summary` (Debian's lcov; version recorded)
//   istanbul JSON   -> istanbul-lib-coverage createCoverageMap(...).getCoverageSummary()
//   json-summary    -> the `total` block the json-summary reporter wrote
//   Cobertura       -> the tool-written lines-/branches- attributes; recomputed here where absent or NaN
//   Clover          -> the tool-written project <metrics>; per-file metrics where the project's are zero
//   JaCoCo          -> the tool-written report-level LINE/BRANCH/METHOD <counter>s
//   Go coverprofile -> statements recomputed here as `go tool cover` counts them (duplicate blocks merged)
// Usage: node actions/coverage/test/oracle/compute-expected.mjs   (needs `apt-get install -y lcov`)
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import libCoverage from 'istanbul-lib-coverage';
import { XMLParser } from 'fast-xml-parser';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../../..');
const dir = path.resolve(root, 'test', 'fixtures', 'coverage');
const out = path.resolve(here, '..', 'fixtures', 'expected-totals.json');

const lcovVersion = execFileSync('lcov', ['--version'], { encoding: 'utf8' }).trim();
const pair = (covered, total) => ({ covered, total });

function lcovSummary(file) {
  const r = spawnSync('lcov', ['--rc', 'lcov_branch_coverage=1', '--summary', file], { encoding: 'utf8' });
  const text = `${r.stdout}${r.stderr}`;
  if (r.status !== 0)
    return { status: r.status, message: text.split('\n').find((l) => l.includes('ERROR')) ?? text };
  const get = (kind) => {
    const m = new RegExp(`${kind}\\.+: (?:[\\d.]+% \\((\\d+) of (\\d+)|no data found)`).exec(text);
    if (!m) throw new Error(`cannot read lcov ${kind} for ${file}`);
    return m[1] === undefined ? null : pair(Number(m[1]), Number(m[2]));
  };
  // lcov has no statements: the gate reports them as not measured.
  return {
    status: 0,
    totals: { lines: get('lines'), statements: null, functions: get('functions'), branches: get('branches') },
  };
}

function istanbulSummary(map) {
  const s = libCoverage.createCoverageMap(map).getCoverageSummary().toJSON();
  const t = (m) => pair(s[m].covered, s[m].total);
  return {
    lines: t('lines'),
    statements: t('statements'),
    functions: t('functions'),
    branches: t('branches'),
  };
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  isArray: (_n, _p, _leaf, isAttribute) => !isAttribute,
});
const arr = (x) => (Array.isArray(x) ? x : x === undefined ? [] : [x]);

/** Distinct (file, line) over Cobertura class lines; branches from condition-coverage. */
function recomputeCobertura(doc) {
  const lines = new Map();
  let bc = 0;
  let bt = 0;
  const cov = doc.coverage[0];
  for (const pkgs of arr(cov.packages))
    for (const cls of [
      ...arr(pkgs.class),
      ...arr(pkgs.package).flatMap((p) => [...arr(p.class), ...arr(p.classes).flatMap((c) => arr(c.class))]),
    ])
      for (const ls of arr(cls.lines))
        for (const l of arr(ls.line)) {
          if (Number(l.number) < 1) continue;
          const key = `${cls.filename}:${l.number}`;
          lines.set(key, (lines.get(key) ?? 0) + Number(l.hits));
          const m = /\((\d+)\/(\d+)\)/.exec(l['condition-coverage'] ?? '');
          if (m) {
            bc += Number(m[1]);
            bt += Number(m[2]);
          }
        }
  const covered = [...lines.values()].filter((h) => h > 0).length;
  return { lines: pair(covered, lines.size), branches: bt === 0 ? null : pair(bc, bt) };
}

function cloverTotals(doc) {
  const project = doc.coverage[0].project[0];
  const files = [...arr(project.file), ...arr(project.package).flatMap((p) => arr(p.file))];
  const sum = (c, t) => {
    let covered = 0,
      total = 0;
    for (const f of files) {
      const m = arr(f.metrics)[0] ?? {};
      covered += Number(m[c] ?? 0);
      total += Number(m[t] ?? 0);
    }
    return total === 0 ? null : pair(covered, total);
  };
  const pm = arr(project.metrics)[0];
  const lines = new Set();
  let hit = new Map();
  for (const f of files)
    for (const l of arr(f.line))
      if (l.type !== 'method') {
        const k = `${f.path ?? f.name}:${l.num}`;
        lines.add(k);
        hit.set(k, (hit.get(k) ?? 0) + Number(l.count));
      }
  const lineTotals = pair([...hit.values()].filter((h) => h > 0).length, lines.size);
  const fromProject = (c, t) => (Number(pm[t]) === 0 ? null : pair(Number(pm[c]), Number(pm[t])));
  const projectUsable =
    pm !== undefined &&
    Number(pm.statements) > 0 &&
    (pm.files === undefined || Number(pm.files) <= files.length);
  const pick = projectUsable ? fromProject : sum;
  return {
    usedProject: projectUsable,
    totals: {
      lines: lineTotals,
      statements: pick('coveredstatements', 'statements'),
      functions: pick('coveredmethods', 'methods'),
      branches: pick('coveredconditionals', 'conditionals'),
    },
  };
}

function jacocoTotals(doc) {
  const report = doc.report[0];
  const packages = (el) => [...arr(el.package), ...arr(el.group).flatMap(packages)];
  const sources = packages(report).flatMap((p) => arr(p.sourcefile));
  const read = (counters, type) => {
    const x = arr(counters).find((k) => k.type === type);
    return x === undefined ? pair(0, 0) : pair(Number(x.covered), Number(x.covered) + Number(x.missed));
  };
  const orNull = (t) => (t.total === 0 ? null : t);
  const sum = (type) =>
    orNull(
      sources
        .map((sf) => read(sf.counter, type))
        .reduce((a, b) => pair(a.covered + b.covered, a.total + b.total), pair(0, 0)),
    );
  const top = (type) => orNull(read(report.counter, type));
  const fromTop = { lines: top('LINE'), statements: null, functions: top('METHOD'), branches: top('BRANCH') };
  const fromFiles = {
    lines: sum('LINE'),
    statements: null,
    functions: sum('METHOD'),
    branches: sum('BRANCH'),
  };
  const agree = JSON.stringify(fromTop) === JSON.stringify(fromFiles);
  return { totals: agree ? fromTop : fromFiles, agree, fromTop };
}

/** golang.org/x/tools/cover ParseProfiles: blocks keyed by position, duplicates merged; NumStmt covered when count > 0. */
function goTotals(text) {
  const blocks = new Map();
  for (const line of text.split('\n').slice(1)) {
    const m = /^(.+):(\d+\.\d+,\d+\.\d+) (\d+) (\d+)$/.exec(line.trim());
    if (!m) continue;
    const key = `${m[1]}:${m[2]}`;
    const b = blocks.get(key) ?? { stmts: Number(m[3]), count: 0 };
    b.count += Number(m[4]);
    blocks.set(key, b);
  }
  let covered = 0;
  let total = 0;
  for (const b of blocks.values()) {
    total += b.stmts;
    if (b.count > 0) covered += b.stmts;
  }
  return { statements: pair(covered, total), functions: null, branches: null };
}
const NO_LINES = 'no measurable lines';

/**
 * Files where the producing tool's figure and the gate's policy part ways, with the reason. Since
 * issue 11 a report taken whole gives the producer's own totals (Cobertura root counts, Clover
 * project metrics, JaCoCo report counters, lcov LF/LH...), unless they are zero while the elements
 * list items or give a higher percentage than the elements; the entries below with `totals` are
 * the fixtures where that rule picks other figures than the per-format defaults of this script.
 */
const OVERRIDES = {
  'clover-istanbul-unleash.xml': {
    totals: {
      lines: pair(109, 138),
      statements: pair(634, 1446),
      functions: pair(86, 598),
      branches: pair(103, 401),
    },
    oracle:
      'the project <metrics> the tool wrote (statements, conditionals, methods); lines: distinct stmt/cond <line> elements',
    note: "a trimmed fixture: the project <metrics> describe all 82 files of the project while the file elements were cut down (per-file metrics sum to 109/138 statements, 66/99 branches, 19/25 functions). The gate takes the producer's own totals for a report read whole and says in the summary that the elements disagree.",
  },
  'clover-phpunit-phpcsutils.xml': {
    totals: { lines: pair(79, 79), statements: pair(2376, 2420), functions: pair(163, 182), branches: null },
    oracle:
      'the project <metrics> the tool wrote (statements, methods); lines: distinct stmt/cond <line> elements',
    note: "a trimmed fixture: the project <metrics> describe more files than the report holds (per-file metrics sum to 323/323 statements, 16/16 methods); conditionals=0 with no cond lines: branches not measured. The gate takes the producer's own totals and notes the disagreement.",
  },
  'cobertura-gcovr-windows-gcc14.xml': {
    totals: { lines: pair(31, 38), statements: null, branches: pair(18, 36) },
    oracle: 'the lines-/branches- attributes the tool wrote on <coverage>',
    note: "gcovr writes 38 <line> elements for 24 distinct source lines (one per template instantiation) and counts elements (31 of 38) in its header; distinct lines with hits summed give 23 of 24. The producer's own totals win for a report read whole; the summary notes the disagreement.",
  },
  'cobertura-istanbul-nyc.xml': {
    totals: { lines: pair(51, 51), statements: null, branches: pair(35, 35) },
    oracle: 'the lines-/branches- attributes the tool wrote on <coverage>',
    note: "istanbul's Cobertura writer puts 35 branches in the header (istanbul's own count) but attaches condition-coverage to only 7 lines (16 branches); the header is istanbul's figure, the summary notes the disagreement.",
  },
  'jacoco-aggregate-groups.xml': {
    totals: { lines: pair(10, 28), statements: null, functions: pair(10, 19), branches: pair(1268, 2066) },
    oracle:
      'the LINE/METHOD <counter>s JaCoCo wrote per <sourcefile>, summed; branches from the report-level BRANCH counter (no sourcefile has one)',
    note: "a trimmed fixture: its report-level counters (lines 7593/9823, methods 2194/2877) describe more than the sourcefiles it holds and give a higher percentage than them, so the gate keeps the sourcefiles' counts (a report's own totals never raise a figure); its only branch figure is the report-level one.",
  },
  'jacoco-multiple-packages.xml': {
    totals: { lines: pair(5, 6), statements: null, functions: pair(2, 2), branches: pair(2, 4) },
    oracle: 'the report-level LINE/BRANCH/METHOD <counter>s JaCoCo wrote',
    note: "a hand-assembled fixture: the report-level counters (5/6 lines) describe one of its two packages (sourcefile counters sum to 10/12 lines, 4/8 branches, 4/4 methods). The gate takes the report's own totals and notes the disagreement.",
  },
  'lcov-swift-llvm-cov.info': {
    totals: { lines: pair(0, 400), statements: null, functions: pair(0, 60), branches: null },
    oracle: 'the LF/LH and FNF/FNH lines llvm-cov wrote, summed',
    note: "llvm-cov's LF counts 400 lines where its DA records list 354 (lcov 1.16 --summary recounts DA: 0 of 354); the producer's own totals win for a report read whole; the summary notes the disagreement.",
  },
  'lcov-2x-exception-and-expression-branches.info': {
    totals: { lines: pair(10, 16), statements: null, functions: pair(1, 1), branches: pair(2, 6) },
    oracle:
      "the LF/LH, FNF/FNH, BRF/BRH lines written by lcov 2.x's authors in this lcov-2 test input (checked by hand against its records)",
    note: 'lcov 1.16 does not know lcov 2 syntax: it reads FN:12,45,main as a function named "45,main" (1 of 2 functions) and skips BRDA blocks "e0" and expression branches (0 of 2 branches); lines agree (10 of 16).',
  },
  'lcov-edgecases-negative-and-exponent-counts.info': {
    totals: { lines: pair(5, 7), statements: null, functions: pair(2, 3), branches: pair(3, 7) },
    oracle:
      'lcov 1.16 for lines (5 of 7) and branches (3 of 7); functions counted by hand under lcov 2 semantics',
    note: 'lcov 1.16 misreads the lcov 2 FN:<start>,<end>,<name> records (1 of 5 functions). Under lcov 2 semantics the aliases fcn/alias/alias2/alias3 at 1-2 are one function (hit: alias2/alias3 > 0), noCommonAlias is hit, onlyA (-0) is not: 2 of 3. Negative counts read as 0, "1.a0e+19" read as its numeric prefix 1, both as lcov does.',
  },
  'cobertura-coveragepy-missing-lines.xml': {
    note: 'hand-edited test fixture: the header line-rate 0.5125 does not match its 61 distinct class lines (41 covered); recomputed from the lines.',
    recompute: true,
  },
  'cobertura-matlab-nan-branch-rate.xml': {
    note: 'branches-valid/branches-covered are NaN and no line has condition-coverage: branches not measured; lines from the header (103 of 278).',
  },
  'istanbul-coverage-summary-vitest-compare.json': {
    error: 'invalid number',
    note: 'a hand-edited mock: constants.js has lines.covered 1.15 of total 1 (pct 115); counts must be whole numbers (RELIABILITY B13).',
  },
};

const entries = {};
for (const name of readdirSync(dir).sort()) {
  const file = path.join(dir, name);
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const o = OVERRIDES[name] ?? {};
  let entry;
  if (o.error) entry = { expect: 'error', error: o.error, oracle: "the gate's input rules", note: o.note };
  else if (o.totals) entry = { expect: 'totals', totals: o.totals, oracle: o.oracle, note: o.note };
  else if (name.startsWith('jacoco-')) {
    const { totals, agree, fromTop } = jacocoTotals(xml.parse(text));
    if (totals.lines === null)
      entry = {
        expect: 'error',
        error: NO_LINES,
        oracle: 'JaCoCo wrote no counters (empty <report/>)',
        note: 'RELIABILITY B9.',
      };
    else if (agree)
      entry = {
        expect: 'totals',
        totals,
        oracle: 'the report-level LINE/BRANCH/METHOD <counter>s JaCoCo wrote',
      };
    else
      entry = {
        expect: 'totals',
        totals,
        oracle: 'the LINE/BRANCH/METHOD <counter>s JaCoCo wrote per <sourcefile>, summed',
        note: `a trimmed fixture: its report-level counters (lines ${fromTop.lines?.covered}/${fromTop.lines?.total}) describe more than the sourcefiles it holds, so the per-file counters are the tool's figures.`,
      };
  } else if (name.startsWith('go-'))
    entry = {
      expect: 'totals',
      totals: goTotals(text),
      oracle:
        'statements recomputed as go tool cover counts them (golang.org/x/tools/cover ParseProfiles: duplicate blocks merged, NumStmt covered when count > 0); go tool cover -func needs the sources, which the fixture lacks',
    };
  else if (name.startsWith('lcov-')) {
    const s = lcovSummary(file);
    if (o.totals) entry = { expect: 'totals', totals: o.totals, oracle: o.oracle, note: o.note };
    else if (s.status !== 0) {
      const error = name.includes('empty-file')
        ? 'is empty'
        : name.includes('garbage')
          ? 'not a coverage report'
          : 'empty SF: path';
      entry = {
        expect: 'error',
        error,
        oracle: `${lcovVersion} --summary exits ${s.status}: ${s.message.trim()}`,
      };
    } else
      entry = {
        expect: 'totals',
        totals: s.totals,
        oracle: `${lcovVersion} --rc lcov_branch_coverage=1 --summary`,
      };
  } else if (name.endsWith('.json')) {
    const json = JSON.parse(text);
    if (json.total) {
      const t = json.total;
      entry = {
        expect: 'totals',
        totals: Object.fromEntries(
          ['lines', 'statements', 'functions', 'branches'].map((m) => [
            m,
            t[m].total === 0 ? null : pair(t[m].covered, t[m].total),
          ]),
        ),
        oracle: 'the "total" block written by istanbul\'s json-summary reporter',
      };
    } else {
      const totals = istanbulSummary(json.coverageMap ?? json);
      if (totals.lines.total === 0)
        entry = {
          expect: 'error',
          error: NO_LINES,
          oracle: 'istanbul-lib-coverage getCoverageSummary(): 0 of 0 lines (istanbul prints 100%)',
          note: 'RELIABILITY B9: a report with nothing measurable is refused, never 100%.',
        };
      else
        entry = {
          expect: 'totals',
          totals: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v.total === 0 ? null : v])),
          oracle:
            "istanbul-lib-coverage createCoverageMap(...).getCoverageSummary() (text-summary's figures)",
        };
    }
  } else if (name.startsWith('cobertura-')) {
    let doc;
    try {
      doc = xml.parse(text);
    } catch {
      doc = undefined;
    }
    const wellFormed =
      spawnSync('python3', ['-c', 'import sys,xml.etree.ElementTree as E; E.parse(sys.argv[1])', file])
        .status === 0;
    if (!wellFormed)
      entry = {
        expect: 'error',
        error: 'not well-formed XML',
        oracle: 'python xml.etree: mismatched tag (see MANIFEST)',
      };
    else {
      const a = doc.coverage[0];
      const re = recomputeCobertura(doc);
      const num = (v) => (v === undefined || !/^\d+$/.test(v) ? undefined : Number(v));
      let lines =
        num(a['lines-valid']) !== undefined && !o.recompute
          ? pair(num(a['lines-covered']), num(a['lines-valid']))
          : re.lines;
      let branches =
        num(a['branches-valid']) !== undefined && !o.recompute
          ? num(a['branches-valid']) === 0
            ? null
            : pair(num(a['branches-covered']), num(a['branches-valid']))
          : re.branches;
      let oracle =
        num(a['lines-valid']) !== undefined && !o.recompute
          ? 'the lines-/branches- attributes the tool wrote on <coverage>'
          : `recomputed from the class <line> elements (header: line-rate=${a['line-rate']}, branch-rate=${a['branch-rate']})`;
      if (lines.total === 0)
        entry = {
          expect: 'error',
          error: NO_LINES,
          oracle: `${oracle}: 0 valid lines`,
          note: 'RELIABILITY B9/B31.',
        };
      else entry = { expect: 'totals', totals: { lines, statements: null, branches }, oracle, note: o.note };
    }
  } else if (name.startsWith('clover-')) {
    const { usedProject, totals } = cloverTotals(xml.parse(text));
    entry = {
      expect: 'totals',
      totals,
      oracle: usedProject
        ? 'the project <metrics> the tool wrote (lines: distinct stmt/cond <line> elements)'
        : 'the per-file <metrics> the tool wrote, summed (lines: distinct stmt/cond <line> elements)',
      note: usedProject
        ? undefined
        : "the project <metrics> are zero or describe more files than the report holds (a trimmed fixture), so the per-file metrics are the tool's figures.",
    };
  } else throw new Error(`no oracle for ${name}`);
  entries[name] = Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
}

writeFileSync(
  out,
  `${JSON.stringify({ generatedBy: 'actions/coverage/test/oracle/compute-expected.mjs', lcov: lcovVersion, istanbulLibCoverage: JSON.parse(readFileSync(path.join(root, 'node_modules/istanbul-lib-coverage/package.json'), 'utf8')).version, fixtures: entries }, null, 2)}\n`,
);
console.log(`wrote ${Object.keys(entries).length} entries to ${path.relative(root, out)}`);
