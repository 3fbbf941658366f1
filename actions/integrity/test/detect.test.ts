/**
 * One fixture PR per category, each a real git repository with a real tool's syntax: the finding,
 * exactly, at that line. PRs that only remove a suppression or a skip have none.
 */
import { describe, expect, it } from 'vitest';
import { brief, findingsOf } from './support.js';

const VITEST_BASE = `import { describe, expect, it } from 'vitest';
import { sum } from '../src/sum.js';

describe('sum', () => {
  it('adds', () => {
    expect(sum(1, 2)).toBe(3);
  });

  it('adds negatives', () => {
    expect(sum(-1, -2)).toBe(-3);
    expect(sum(-1, 2)).toBe(1);
  });
});
`;

describe('skipped-tests', () => {
  it('flags it.skip in a vitest file at its line', () => {
    const head = VITEST_BASE.replace("it('adds negatives'", "it.skip('adds negatives'");
    expect(brief(findingsOf({ 'test/sum.test.ts': VITEST_BASE }, { 'test/sum.test.ts': head }))).toEqual([
      'skipped-tests js-skip test/sum.test.ts:9',
    ]);
  });

  it('flags t.Skip in a Go test', () => {
    const base =
      'package sum\n\nimport "testing"\n\nfunc TestSum(t *testing.T) {\n\tif Sum(1, 2) != 3 {\n\t\tt.Fatal("bad")\n\t}\n}\n';
    const head = base.replace('{\n\tif', '{\n\tt.Skip("flaky on CI")\n\tif');
    expect(brief(findingsOf({ 'sum_test.go': base }, { 'sum_test.go': head }))).toEqual([
      'skipped-tests go-skip sum_test.go:6',
    ]);
  });

  it('flags @pytest.mark.skip and xfail, but not in a non-test module', () => {
    const base = 'def test_sum():\n    assert sum([1, 2]) == 3\n';
    const head = `import pytest\n\n@pytest.mark.xfail\n${base}`;
    expect(
      brief(
        findingsOf(
          { 'tests/test_sum.py': base, 'src/util.py': 'x = 1\n' },
          { 'tests/test_sum.py': head, 'src/util.py': 'x = 1\n# pytest.skip( is mentioned here\n' },
        ),
      ),
    ).toEqual(['skipped-tests pytest-skip tests/test_sum.py:3']);
  });

  it('a PR that only removes a skip passes with no finding', () => {
    const skipped = VITEST_BASE.replace("it('adds negatives'", "it.skip('adds negatives'");
    expect(findingsOf({ 'test/sum.test.ts': skipped }, { 'test/sum.test.ts': VITEST_BASE })).toEqual([]);
  });
});

describe('suppressions', () => {
  it.each([
    [
      'src/app.py',
      'def main():\n    return run()\n',
      'def main():  # pragma: no cover\n    return run()\n',
      'pragma-no-cover',
      1,
    ],
    [
      'src/sum.ts',
      'export const sum = (a: number, b: number) => a + b;\n',
      '/* istanbul ignore next */\nexport const sum = (a: number, b: number) => a + b;\n',
      'istanbul-ignore',
      1,
    ],
    [
      'src/sum.ts',
      'export const sum = (a: number, b: number) => a + b;\n',
      '// Stryker disable all\nexport const sum = (a: number, b: number) => a + b;\n',
      'stryker-disable',
      1,
    ],
    [
      'src/run.js',
      'const x = 1;\nexec(cmd);\n',
      'const x = 1;\nexec(cmd); // nosemgrep: javascript.lang.security.detect-child-process\n',
      'nosemgrep',
      2,
    ],
    ['src/a.py', 'import os\n', 'import os  # noqa: F401\n', 'noqa', 1],
    [
      'src/a.ts',
      'let a: any = 1;\n',
      '// eslint-disable-next-line @typescript-eslint/no-explicit-any\nlet a: any = 1;\n',
      'eslint-disable',
      1,
    ],
    ['src/a.ts', 'f(1);\n', '// @ts-ignore\nf(1);\n', 'ts-ignore', 1],
    ['main.go', 'x, _ := f()\n', 'x, _ := f() //nolint:errcheck\n', 'nolint', 1],
    ['src/lib.rs', 'fn f() {}\n', '#[allow(dead_code)]\nfn f() {}\n', 'rust-allow', 1],
    ['src/A.java', 'class A {}\n', '@SuppressWarnings("unchecked")\nclass A {}\n', 'suppress-warnings', 1],
  ])('%s gets %s', (file, base, head, pattern, line) => {
    expect(brief(findingsOf({ [file]: base }, { [file]: head }))).toEqual([
      `suppressions ${pattern} ${file}:${line}`,
    ]);
  });

  it('a PR that only removes a suppression passes; prose is not judged', () => {
    expect(
      findingsOf(
        { 'src/a.py': 'import os  # noqa: F401\n', 'README.md': 'Intro\n' },
        {
          'src/a.py': 'import os\n',
          'README.md': 'Intro\nDo not add `# noqa` or `/* istanbul ignore */`.\n',
        },
      ),
    ).toEqual([]);
  });
});

describe('deleted-tests and assertions', () => {
  it('flags a deleted test file and a test renamed away from the conventions', () => {
    const findings = findingsOf(
      { 'test/sum.test.ts': VITEST_BASE, 'test/mul.test.ts': VITEST_BASE.replace(/sum/g, 'mul') },
      { 'test/sum.test.ts': null },
      { renames: [['test/mul.test.ts', 'src/mul-examples.ts']] },
    );
    expect(brief(findings)).toEqual([
      'deleted-tests test-file-renamed-away src/mul-examples.ts:1',
      'deleted-tests test-file-deleted test/sum.test.ts',
    ]);
  });

  it('counts removed assertions minus added ones per test file', () => {
    const head = VITEST_BASE.replace('    expect(sum(-1, 2)).toBe(1);\n', '');
    const findings = findingsOf({ 'test/sum.test.ts': VITEST_BASE }, { 'test/sum.test.ts': head });
    expect(brief(findings)).toEqual(['assertions fewer-assertions test/sum.test.ts:10']);
    expect(findings[0]?.message).toBe('1 fewer assertion lines (1 removed, 0 added).');
  });

  it('rewriting an assertion is not a loss', () => {
    const head = VITEST_BASE.replace('expect(sum(-1, 2)).toBe(1);', 'expect(sum(-1, 2)).toEqual(1);');
    expect(findingsOf({ 'test/sum.test.ts': VITEST_BASE }, { 'test/sum.test.ts': head })).toEqual([]);
  });
});

const WORKFLOW = `name: CI
on: pull_request
jobs:
  gates:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: aeef/gates@v1
        with:
          gates: coverage,sarif
      - uses: aeef/gates/actions/pr-size@v1
`;

describe('workflows', () => {
  it('flags continue-on-error added to a gate step, at the step', () => {
    const head = WORKFLOW.replace(
      '      - uses: aeef/gates@v1\n',
      '      - uses: aeef/gates@v1\n        continue-on-error: true\n',
    );
    expect(
      brief(findingsOf({ '.github/workflows/ci.yml': WORKFLOW }, { '.github/workflows/ci.yml': head })),
    ).toEqual(['workflows continue-on-error .github/workflows/ci.yml:8']);
  });

  it('flags a removed gate step, a changed input and an if: condition', () => {
    const head = WORKFLOW.replace('gates: coverage,sarif', 'gates: sarif')
      .replace('      - uses: aeef/gates/actions/pr-size@v1\n', '')
      .replace(
        '      - uses: aeef/gates@v1\n',
        "      - uses: aeef/gates@v1\n        if: github.actor != 'bot'\n",
      );
    const findings = findingsOf(
      { '.github/workflows/ci.yml': WORKFLOW },
      { '.github/workflows/ci.yml': head },
    );
    expect(brief(findings)).toEqual([
      'workflows step-removed .github/workflows/ci.yml',
      'workflows if-condition .github/workflows/ci.yml:8',
      'workflows input-changed .github/workflows/ci.yml:8',
    ]);
    expect(findings[2]?.message).toBe(
      'Input `gates` of the `aeef/gates` step of job `gates`: `coverage,sarif` → `sarif`.',
    );
  });

  it('flags a deleted workflow holding a gate; other steps and new gate steps are not findings', () => {
    const head =
      WORKFLOW.replace('actions/checkout@v4', 'actions/checkout@v5') +
      '      - uses: aeef/gates/actions/license@v1\n';
    expect(
      findingsOf({ '.github/workflows/ci.yml': WORKFLOW }, { '.github/workflows/ci.yml': head }),
    ).toEqual([]);
    expect(
      brief(findingsOf({ '.github/workflows/ci.yml': WORKFLOW }, { '.github/workflows/ci.yml': null })),
    ).toEqual([
      'workflows step-removed .github/workflows/ci.yml',
      'workflows step-removed .github/workflows/ci.yml',
    ]);
  });
});

describe('tool-config', () => {
  const VITEST_CONFIG = `import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    coverage: {
      provider: 'v8',
      exclude: [
        'dist/**',
      ],
      thresholds: {
        lines: 80,
      },
    },
  },
});
`;
  it('flags a widened coverage exclude in vitest.config.ts, item by item', () => {
    const head = VITEST_CONFIG.replace(
      "        'dist/**',\n",
      "        'dist/**',\n        'src/legacy/**',\n",
    );
    expect(brief(findingsOf({ 'vitest.config.ts': VITEST_CONFIG }, { 'vitest.config.ts': head }))).toEqual([
      'tool-config vitest-config vitest.config.ts:9',
    ]);
  });

  it('flags a lowered threshold; a raised one is not a finding', () => {
    const lowered = VITEST_CONFIG.replace('lines: 80', 'lines: 50');
    const raised = VITEST_CONFIG.replace('lines: 80', 'lines: 90');
    expect(brief(findingsOf({ 'vitest.config.ts': VITEST_CONFIG }, { 'vitest.config.ts': lowered }))).toEqual(
      ['tool-config vitest-config vitest.config.ts:11'],
    );
    expect(findingsOf({ 'vitest.config.ts': VITEST_CONFIG }, { 'vitest.config.ts': raised })).toEqual([]);
  });

  it('an unrelated setting of the same file is not a finding', () => {
    const head = VITEST_CONFIG.replace(
      "provider: 'v8',",
      "provider: 'v8',\n      reporter: ['text', 'lcov'],",
    );
    expect(findingsOf({ 'vitest.config.ts': VITEST_CONFIG }, { 'vitest.config.ts': head })).toEqual([]);
  });

  it.each([
    [
      '.coveragerc',
      '[run]\nbranch = True\n',
      '[run]\nbranch = True\nomit =\n    src/legacy/*\n',
      ['tool-config coveragerc .coveragerc:3', 'tool-config coveragerc .coveragerc:4'],
    ],
    [
      'pyproject.toml',
      '[tool.coverage.report]\nfail_under = 90\n',
      '[tool.coverage.report]\nfail_under = 70\n',
      ['tool-config pyproject-coverage pyproject.toml:2'],
    ],
    [
      '.semgrepignore',
      'node_modules/\n',
      'node_modules/\nsrc/payments/\n',
      ['tool-config semgrepignore .semgrepignore:2'],
    ],
    [
      'stryker.config.json',
      '{\n  "mutate": [\n    "src/**/*.ts"\n  ]\n}\n',
      '{\n  "mutate": [\n    "src/**/*.ts",\n    "!src/hard.ts"\n  ]\n}\n',
      ['tool-config stryker stryker.config.json:3', 'tool-config stryker stryker.config.json:4'],
    ],
  ])('%s', (file, base, head, expected) => {
    expect(brief(findingsOf({ [file]: base }, { [file]: head }))).toEqual(expected);
  });
});

describe('policy', () => {
  it('every setting the head changes is a finding on the config file', () => {
    const findings = findingsOf(
      { 'a.txt': 'a\n' },
      { 'a.txt': 'b\n' },
      {
        policy: [{ setting: 'coverage.min-lines', base: '80', head: '0' }],
      },
    );
    expect(brief(findings)).toEqual(['policy setting-changed .github/aeef-gates.yml']);
    expect(findings[0]?.message).toBe(
      "The PR changes `coverage.min-lines` of the gates' policy: `80` → `0`.",
    );
  });
});
