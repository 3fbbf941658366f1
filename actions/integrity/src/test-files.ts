/**
 * Which files are tests, by the conventions of the common frameworks. The list is documented in
 * docs/integrity.md; `test-files` adds a project's own globs.
 */

/** Directory names that hold tests. */
const TEST_DIRS = new Set(['test', 'tests', '__tests__', 'spec', 'specs', 'e2e', 'testing', 'androidTest']);

/** File-name conventions: `x.test.ts`, `x.spec.js`, `test_x.py`, `x_test.py`, `x_test.go`, `XTest.java`... */
const TEST_NAMES: readonly RegExp[] = [
  /\.(?:test|spec|e2e-spec|cy)\.[\w]+$/i,
  /^test_[\w-]*\.py$/,
  /_test\.(?:py|go|rb|exs|dart|cc|cpp|c)$/,
  /_spec\.rb$/,
  /(?:Test|Tests|Spec|IT)\.(?:java|kt|kts|scala|groovy|cs|fs|swift|php)$/,
  /^conftest\.py$/,
];

export function isTestFile(path: string, extra?: (path: string) => boolean): boolean {
  if (extra?.(path)) return true;
  const parts = path.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (TEST_NAMES.some((re) => re.test(name))) return true;
  // `src/test/java/...` (Maven/Gradle) is covered by the `test` directory rule.
  return parts.slice(0, -1).some((dir) => TEST_DIRS.has(dir));
}
