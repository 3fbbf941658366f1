/**
 * What counts as weakening verification, as data: one table per line-pattern category, each row
 * with its tool, an example that must match, and why it matters. Adding a tool or a language is one
 * row here plus its test (test/patterns.test.ts checks every example against its own row).
 */

export type Category =
  'suppressions' | 'skipped-tests' | 'deleted-tests' | 'assertions' | 'policy' | 'workflows' | 'tool-config';

export const CATEGORIES: readonly Category[] = [
  'suppressions',
  'skipped-tests',
  'deleted-tests',
  'assertions',
  'policy',
  'workflows',
  'tool-config',
];

export interface LinePattern {
  /** Stable id, shown in findings and usable in docs: `istanbul-ignore`. */
  id: string;
  tool: string;
  pattern: RegExp;
  /** An added line this row must flag (checked by the tests). */
  example: string;
  /** File extensions (without the dot) the row applies to; absent: every code file. */
  extensions?: readonly string[];
}

const JS = ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts', 'vue', 'svelte'];
const PY = ['py', 'pyi'];

/** Comments and annotations that hide code from a coverage tool, a mutation tool or a linter. */
export const SUPPRESSIONS: readonly LinePattern[] = [
  {
    id: 'istanbul-ignore',
    tool: 'istanbul/nyc',
    pattern: /\bistanbul\s+ignore\b/,
    example: '/* istanbul ignore next */',
  },
  { id: 'c8-ignore', tool: 'c8', pattern: /\bc8\s+ignore\b/, example: '/* c8 ignore next 3 */' },
  { id: 'v8-ignore', tool: 'vitest (v8)', pattern: /\bv8\s+ignore\b/, example: '/* v8 ignore start */' },
  {
    id: 'pragma-no-cover',
    tool: 'coverage.py',
    pattern: /#\s*pragma:?\s*no\s*(?:cover|branch)\b/i,
    example: 'if debug:  # pragma: no cover',
  },
  {
    id: 'coverage-ignore',
    tool: 'Dart coverage',
    pattern: /\/\/\s*coverage:ignore(?:-line|-start|-end|-file)?\b/,
    example: '// coverage:ignore-line',
  },
  {
    id: 'code-coverage-ignore',
    tool: 'PHPUnit',
    pattern: /@codeCoverageIgnore\w*/,
    example: '/** @codeCoverageIgnore */',
  },
  {
    id: 'stryker-disable',
    tool: 'Stryker',
    pattern: /\bStryker\s+disable\b/,
    example: '// Stryker disable all',
  },
  { id: 'nosemgrep', tool: 'Semgrep', pattern: /\bnosemgrep\b/, example: 'eval(code) // nosemgrep' },
  {
    id: 'eslint-disable',
    tool: 'ESLint',
    pattern: /\beslint-disable(?:-next-line|-line)?\b/,
    example: '// eslint-disable-next-line no-eval',
  },
  {
    id: 'biome-ignore',
    tool: 'Biome',
    pattern: /\bbiome-ignore\b/,
    example: '// biome-ignore lint/style: legacy',
  },
  {
    id: 'ts-ignore',
    tool: 'TypeScript',
    pattern: /@ts-(?:ignore|nocheck|expect-error)\b/,
    example: '// @ts-expect-error',
    extensions: JS,
  },
  { id: 'noqa', tool: 'flake8/ruff', pattern: /#\s*noqa\b/i, example: 'import os  # noqa: F401' },
  {
    id: 'nosec',
    tool: 'Bandit/gosec',
    pattern: /(?:#|\/\/)\s*nosec\b/i,
    example: 'subprocess.call(cmd, shell=True)  # nosec',
  },
  {
    id: 'pylint-disable',
    tool: 'Pylint',
    pattern: /#\s*pylint:\s*disable\b/,
    example: '# pylint: disable=broad-except',
    extensions: PY,
  },
  {
    id: 'type-ignore',
    tool: 'mypy/pyright',
    pattern: /#\s*type:\s*ignore\b|#\s*pyright:\s*ignore\b/,
    example: 'x = f()  # type: ignore[arg-type]',
    extensions: PY,
  },
  { id: 'nosonar', tool: 'SonarQube', pattern: /\bNOSONAR\b/, example: 'String s = null; // NOSONAR' },
  {
    id: 'suppress-warnings',
    tool: 'Java/Kotlin compilers',
    pattern: /@(?:java\.lang\.)?Suppress(?:Warnings)?\s*\(/,
    example: '@SuppressWarnings("unchecked")',
    extensions: ['java', 'kt', 'kts', 'scala', 'groovy'],
  },
  {
    id: 'nolint',
    tool: 'golangci-lint',
    pattern: /\/\/\s*nolint\b/,
    example: 'x, _ := f() //nolint:errcheck',
    extensions: ['go'],
  },
  {
    id: 'rust-allow',
    tool: 'rustc/clippy',
    pattern: /#!?\[\s*allow\s*\(/,
    example: '#[allow(clippy::unwrap_used)]',
    extensions: ['rs'],
  },
  {
    id: 'rubocop-disable',
    tool: 'RuboCop',
    pattern: /#\s*rubocop:\s*disable\b/,
    example: '# rubocop:disable Metrics/MethodLength',
    extensions: ['rb', 'rake'],
  },
  {
    id: 'codeql-suppress',
    tool: 'CodeQL',
    pattern: /\blgtm\s*\[|codeql\[[\w/-]+\]/,
    example: 'eval(x) // lgtm[js/code-injection]',
  },
];

/** Tests switched off or focused (a focused test switches off all the others). Test files only. */
export const SKIPPED_TESTS: readonly LinePattern[] = [
  {
    id: 'js-skip',
    tool: 'Jest/Vitest/Mocha/Playwright',
    pattern:
      /\b(?:describe|it|test|context|suite|specify|bench)\s*\.\s*(?:skip|only|todo|fixme|skipIf|runIf|failing)\b/,
    example: "it.skip('adds', () => {})",
    extensions: JS,
  },
  {
    id: 'js-x-prefix',
    tool: 'Jasmine/Jest/Mocha',
    pattern: /(?<![\w$.])(?:xit|xdescribe|xtest|xcontext|xspecify|fit|fdescribe)\s*\(/,
    example: "xit('adds', () => {})",
    extensions: JS,
  },
  {
    id: 'pytest-skip',
    tool: 'pytest',
    pattern: /@pytest\.mark\.(?:skip|skipif|xfail)\b|\bpytest\.(?:skip|xfail)\s*\(/,
    example: '@pytest.mark.skip(reason="flaky")',
    extensions: PY,
  },
  {
    id: 'unittest-skip',
    tool: 'unittest',
    pattern: /@unittest\.(?:skip|skipIf|skipUnless|expectedFailure)\b|\bself\.skipTest\s*\(/,
    example: '@unittest.skip("later")',
    extensions: PY,
  },
  {
    id: 'junit-disabled',
    tool: 'JUnit',
    pattern: /@(?:Disabled|Ignore)\b/,
    example: '@Disabled("flaky")',
    extensions: ['java', 'kt', 'kts', 'scala', 'groovy'],
  },
  {
    id: 'go-skip',
    tool: 'go test',
    pattern: /\b[tb]\.Skip(?:f|Now)?\s*\(/,
    example: 't.Skip("later")',
    extensions: ['go'],
  },
  {
    id: 'xunit-skip',
    tool: 'xUnit/NUnit/MSTest',
    pattern: /\[\s*(?:Fact|Theory)\s*\([^)]*\bSkip\s*=|\[\s*Ignore\s*[\](]/,
    example: '[Fact(Skip = "flaky")]',
    extensions: ['cs', 'fs', 'vb'],
  },
  {
    id: 'rust-ignore',
    tool: 'cargo test',
    pattern: /#\[\s*ignore\b/,
    example: '#[ignore]',
    extensions: ['rs'],
  },
  {
    id: 'rspec-skip',
    tool: 'RSpec/Minitest',
    pattern: /^\s*(?:xit|xdescribe|xcontext|xspecify|pending|skip)\b(?!\s*[:=])/,
    example: "xit 'adds' do",
    extensions: ['rb'],
  },
  {
    id: 'swift-skip',
    tool: 'XCTest/Swift Testing',
    pattern: /\bthrow\s+XCTSkip\b|\.disabled\s*\(/,
    example: 'throw XCTSkip("later")',
    extensions: ['swift'],
  },
];

/** Lines that assert something, counted per test file: removed minus added is the loss. */
export const ASSERTIONS: readonly LinePattern[] = [
  {
    id: 'expect',
    tool: 'Jest/Vitest/Chai/Playwright',
    pattern: /\bexpect(?:Type)?(?:\.soft)?\s*\(/,
    example: 'expect(sum(1, 2)).toBe(3);',
  },
  {
    id: 'assert-call',
    tool: 'node:assert/JUnit/xUnit/testify/unittest',
    pattern: /\b(?:assert|Assert|assertThat|assert_\w+|assert[A-Z]\w*|self\.assert\w*)\s*[.(!]/,
    example: 'assertEquals(3, sum(1, 2));',
  },
  {
    id: 'assert-statement',
    tool: 'pytest/Python',
    pattern: /^\s*assert\s+\S/,
    example: '    assert sum(1, 2) == 3',
    extensions: PY,
  },
  {
    id: 'should',
    tool: 'Chai/RSpec/Should.js',
    pattern: /\.should\b|\bshould\s*\(|\bexpect\s*\{/,
    example: 'result.should.equal(3)',
  },
  {
    id: 'require',
    tool: 'testify',
    pattern: /\brequire\.\w+\s*\(/,
    example: 'require.NoError(t, err)',
    extensions: ['go'],
  },
  {
    id: 'go-testing-fail',
    tool: 'go test',
    pattern: /\bt\.(?:Error|Errorf|Fatal|Fatalf|Fail|FailNow)\s*\(/,
    example: 't.Fatalf("got %d", n)',
    extensions: ['go'],
  },
  {
    id: 'xctassert',
    tool: 'XCTest/Swift Testing',
    pattern: /\bXCTAssert\w*\s*\(|#expect\s*\(|#require\s*\(/,
    example: 'XCTAssertEqual(sum(1, 2), 3)',
    extensions: ['swift'],
  },
  {
    id: 'verify',
    tool: 'Mockito/Moq',
    pattern: /\bverify\s*\(|\.Verify\s*\(/,
    example: 'verify(mock).save(user);',
  },
];

/** Text files where these patterns are prose, not code (a README quoting `it.skip` is not a finding). */
export const PROSE_EXTENSIONS: ReadonlySet<string> = new Set([
  'md',
  'mdx',
  'markdown',
  'rst',
  'txt',
  'adoc',
  'html',
  'htm',
]);

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function appliesTo(row: LinePattern, path: string): boolean {
  return row.extensions === undefined || row.extensions.includes(extensionOf(path));
}

interface Prepared {
  rows: readonly LinePattern[];
  /** Case-insensitive union of the rows: a superset, so one scan rules out the lines that match none. */
  any: RegExp | undefined;
}

const PREPARED = new WeakMap<readonly LinePattern[], Map<string, Prepared>>();

/** The rows of `table` for files with this extension, prepared once per table and extension. */
function prepared(table: readonly LinePattern[], extension: string): Prepared {
  let byExtension = PREPARED.get(table);
  if (!byExtension) PREPARED.set(table, (byExtension = new Map<string, Prepared>()));
  let entry = byExtension.get(extension);
  if (!entry) {
    const rows = table.filter((row) => row.extensions === undefined || row.extensions.includes(extension));
    const any =
      rows.length > 0 ? new RegExp(rows.map((row) => `(?:${row.pattern.source})`).join('|'), 'i') : undefined;
    entry = { rows, any };
    byExtension.set(extension, entry);
  }
  return entry;
}

export type LineMatcher = (text: string) => LinePattern | undefined;

/** The matcher of `table` for one file: the first row that matches a line of it. */
export function matcherFor(table: readonly LinePattern[], path: string): LineMatcher {
  const { rows, any } = prepared(table, extensionOf(path));
  if (any === undefined) return () => undefined;
  return (text) => {
    if (!any.test(text)) return undefined;
    for (const row of rows) if (row.pattern.test(text)) return row;
    return undefined;
  };
}

/** The first row of `table` that matches `text` in a file at `path`. */
export function firstMatch(
  table: readonly LinePattern[],
  path: string,
  text: string,
): LinePattern | undefined {
  return matcherFor(table, path)(text);
}
