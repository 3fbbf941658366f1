/**
 * Widened exclusions and lowered thresholds in the usual tools' configuration files. These files
 * are code (JS configs) or loosely typed text (TOML, INI, YAML), so the check is textual: an added
 * line counts when it, or a key enclosing it, is an exclusion or threshold setting of that tool.
 * Every row names the files it reads and the keys it watches (docs/integrity.md lists them).
 */

export interface ToolConfigRow {
  id: string;
  tool: string;
  /** Matched against the whole workspace-relative path. */
  file: RegExp;
  /** Keys whose value (or any line inside whose value) weakens the tool when added; absent: every line. */
  keys?: RegExp;
}

const COVERAGE_KEYS =
  /^(?:exclude|excludes?|excludeAfterRemap|coveragePathIgnorePatterns|testPathIgnorePatterns|modulePathIgnorePatterns|collectCoverageFrom|thresholds?|coverageThreshold|branches|functions|lines|statements|perFile|autoUpdate|100|all|include|extension|skip-full|skipFull|check-coverage|checkCoverage|passWithNoTests)$/;

export const TOOL_CONFIGS: readonly ToolConfigRow[] = [
  {
    id: 'vitest-config',
    tool: 'Vitest/Vite',
    file: /(?:^|\/)(?:vitest|vite)\.(?:config|workspace)\.[cm]?[jt]s$/,
    keys: COVERAGE_KEYS,
  },
  {
    id: 'jest-config',
    tool: 'Jest',
    file: /(?:^|\/)jest\.config\.(?:[cm]?[jt]s|json)$/,
    keys: COVERAGE_KEYS,
  },
  {
    id: 'package-json-jest',
    tool: 'Jest (package.json)',
    file: /(?:^|\/)package\.json$/,
    keys: /^(?:coveragePathIgnorePatterns|testPathIgnorePatterns|modulePathIgnorePatterns|coverageThreshold|collectCoverageFrom|c8|nyc)$/,
  },
  { id: 'nyc', tool: 'nyc', file: /(?:^|\/)\.nycrc(?:\.json|\.ya?ml)?$/, keys: COVERAGE_KEYS },
  { id: 'c8', tool: 'c8', file: /(?:^|\/)\.c8rc(?:\.json|\.ya?ml)?$/, keys: COVERAGE_KEYS },
  {
    id: 'stryker',
    tool: 'Stryker',
    file: /(?:^|\/)stryker\.(?:conf|config)\.(?:[cm]?[jt]s|json)$|(?:^|\/)\.stryker\.conf\.json$/,
    keys: /^(?:mutate|ignorePatterns|thresholds|high|low|break|mutator|excludedMutations|ignoreStatic|disableTypeChecks)$/,
  },
  { id: 'coveragerc', tool: 'coverage.py', file: /(?:^|\/)\.coveragerc$/ },
  {
    id: 'pyproject-coverage',
    tool: 'coverage.py/pytest (pyproject.toml)',
    file: /(?:^|\/)(?:pyproject\.toml|setup\.cfg|tox\.ini)$/,
    keys: /^(?:omit|exclude_lines|exclude_also|fail_under|partial_branches|skip_covered|skip_empty|ignore_errors|addopts|norecursedirs|exclude|extend-exclude|per-file-ignores|ignore)$/,
  },
  { id: 'semgrepignore', tool: 'Semgrep', file: /(?:^|\/)\.semgrepignore$/ },
  { id: 'eslintignore', tool: 'ESLint', file: /(?:^|\/)\.eslintignore$/ },
  {
    id: 'eslint-config',
    tool: 'ESLint',
    file: /(?:^|\/)(?:eslint\.config\.[cm]?[jt]s|\.eslintrc(?:\.[cm]?js|\.json|\.ya?ml)?)$/,
    keys: /^(?:ignores|ignorePatterns|rules|linterOptions|reportUnusedDisableDirectives|noInlineConfig)$/,
  },
  {
    id: 'golangci',
    tool: 'golangci-lint',
    file: /(?:^|\/)\.golangci\.(?:ya?ml|toml|json)$/,
    keys: /^(?:exclude|exclude-rules|exclude-dirs|exclude-files|skip-dirs|skip-files|disable|disable-all|exclusions|paths|rules)$/,
  },
];

export function toolConfigOf(path: string): ToolConfigRow | undefined {
  return TOOL_CONFIGS.find((row) => row.file.test(path));
}

const COMMENT = /^\s*(?:\/\/|#|;|\/\*|\*)/;
const KEY_OPENING = /(?:^|[\s,{[(])["']?([\w$.@:/-]+)["']?\s*[:=]\s*(.*)$/;
const SECTION = /^\s*\[{1,2}\s*([^\]]+?)\s*\]{1,2}\s*$/;

/**
 * The keys enclosing each line of `text` (1-based index), found by a bracket and indentation scan:
 * `{`/`[`/`(` after `key:` or `key =` open a scope, TOML/INI `[section]` headers set the top one,
 * YAML keys nest by indentation. Good enough to tell `coverage.exclude` items from other arrays.
 */
export function enclosingKeys(text: string): string[][] {
  const lines = text.split('\n');
  const result: string[][] = [[]];
  let section: string | undefined;
  const brackets: { key: string | undefined; depth: number }[] = [];
  const yaml: { key: string; indent: number }[] = [];
  let depth = 0;
  for (const line of lines) {
    const trimmed = line.trim();
    const indent = line.length - line.trimStart().length;
    if (trimmed !== '' && !COMMENT.test(line)) {
      while (yaml.length > 0 && (yaml[yaml.length - 1]?.indent ?? 0) >= indent && depth === 0) yaml.pop();
    }
    const context = [
      ...(section === undefined ? [] : [section]),
      ...yaml.map((entry) => entry.key),
      ...brackets.filter((b) => b.key !== undefined).map((b) => b.key as string),
    ];
    const header = SECTION.exec(line);
    const key = KEY_OPENING.exec(line)?.[1];
    result.push(key === undefined ? context : [...context, key]);
    if (COMMENT.test(line)) continue;
    if (header && depth === 0) {
      section = header[1];
      yaml.length = 0;
      continue;
    }
    const rest = KEY_OPENING.exec(line)?.[2] ?? '';
    if (key !== undefined && depth === 0 && /^\s*(?:[|>][-+]?)?\s*$/.test(rest)) yaml.push({ key, indent });
    for (const char of stripStrings(line)) {
      if (char === '{' || char === '[' || char === '(') {
        depth++;
        brackets.push({ key: brackets.length === 0 || key !== undefined ? key : undefined, depth });
      } else if (char === '}' || char === ']' || char === ')') {
        if (depth > 0) depth--;
        brackets.pop();
      }
    }
  }
  return result;
}

function stripStrings(line: string): string {
  return line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""').replace(/\/\/.*$/, '');
}

const NUMERIC_SETTING = /["']?([\w-]+)["']?\s*[:=]\s*(\d+(?:\.\d+)?)\s*,?\s*$/;

/**
 * Whether an added line at `line` (1-based) of a tool config weakens it, by the row's keys. A
 * numeric threshold that replaces a lower or equal one of the same key (`lines: 80` → `lines: 90`)
 * raises the bar and is not a finding; `removed` holds the file's removed lines' text.
 */
export function weakensToolConfig(
  row: ToolConfigRow,
  keysAt: readonly string[][],
  line: number,
  text: string,
  removed: readonly string[],
): boolean {
  if (text.trim() === '' || COMMENT.test(text)) return false;
  if (row.keys !== undefined) {
    const keys = keysAt[line] ?? [];
    const watched = keys.some((key) => row.keys?.test(key) === true);
    if (!watched) return false;
  }
  const setting = NUMERIC_SETTING.exec(text);
  if (setting) {
    const [, key, value] = setting;
    const before = removed
      .map((old) => NUMERIC_SETTING.exec(old))
      .find((match) => match !== null && match[1] === key);
    if (before && Number(value) >= Number(before[2])) return false;
  }
  return true;
}
