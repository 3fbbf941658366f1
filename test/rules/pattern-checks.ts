/**
 * Syntactic plausibility of a rule's pattern formula, checked without Semgrep: known operators in the
 * places Semgrep accepts them, non-empty patterns with balanced brackets and quotes, upper-case
 * metavariables that some pattern binds, and regexes that compile and cannot backtrack catastrophically.
 */
import { findPatternParseError } from './pattern-parse.js';
import { compilePcre, findNestedQuantifier } from './regex-safety.js';
import { isMap, type YamlMap } from './rule-schema.js';

const CODE_PATTERN_KEYS = new Set(['pattern', 'pattern-not', 'pattern-inside', 'pattern-not-inside']);
const REGEX_KEYS = new Set(['pattern-regex', 'pattern-not-regex']);
/** Operators allowed as items of `patterns:`. */
const PATTERNS_ITEM_KEYS = new Set([
  ...CODE_PATTERN_KEYS,
  ...REGEX_KEYS,
  'patterns',
  'pattern-either',
  'metavariable-regex',
  'metavariable-pattern',
  'metavariable-comparison',
  'focus-metavariable',
]);
/** Operators allowed as items of `pattern-either:`. */
const EITHER_ITEM_KEYS = new Set(['pattern', 'pattern-inside', 'pattern-regex', 'patterns', 'pattern-either']);
const POSITIVE_KEYS = new Set(['pattern', 'pattern-inside', 'pattern-regex', 'patterns', 'pattern-either']);
const METAVARIABLE = /^\$(?:\.\.\.)?[A-Z_][A-Z0-9_]*$/;
const DOLLAR_WORD = /\$(?:\.\.\.)?[A-Za-z_]\w*/g;
const PAIRS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };
/** Languages whose patterns may contain prose apostrophes, so only brackets are checked. */
const LOOSE_QUOTE_LANGUAGES = new Set(['generic', 'regex', 'yaml', 'bash', 'sh']);

/** Context for one rule's checks. */
export interface PatternContext {
  languages: readonly string[];
  /** Every metavariable that appears in the rule's code patterns (filled by `collectMetavariables`). */
  bound: ReadonlySet<string>;
}

/** Collects the metavariables a rule's code patterns mention, to validate metavariable-regex targets. */
export function collectMetavariables(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => collectMetavariables(item, into));
  else if (isMap(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (CODE_PATTERN_KEYS.has(key) && typeof value === 'string') {
        for (const match of value.matchAll(DOLLAR_WORD)) into.add(match[0].replace('$...', '$'));
      } else collectMetavariables(value, into);
    }
  }
  return into;
}

/** Checks one operator (a `key: value` pair) of the formula tree; returns problem sentences. */
export function checkOperator(key: string, value: unknown, context: PatternContext): string[] {
  if (CODE_PATTERN_KEYS.has(key)) return checkCodePattern(key, value, context);
  if (REGEX_KEYS.has(key)) return checkRegex(key, value, { metavariable: false });
  if (key === 'patterns') return checkList(key, value, PATTERNS_ITEM_KEYS, context, true);
  if (key === 'pattern-either') return checkList(key, value, EITHER_ITEM_KEYS, context, false);
  if (key === 'metavariable-regex') return checkMetavariableRegex(value, context);
  if (key === 'metavariable-pattern') return checkMetavariablePattern(value, context);
  if (key === 'focus-metavariable' || key === 'metavariable-comparison') return [];
  return [`unknown pattern operator \`${key}\``];
}

function checkList(
  key: string,
  value: unknown,
  allowed: ReadonlySet<string>,
  context: PatternContext,
  needsPositive: boolean,
): string[] {
  if (!Array.isArray(value) || value.length === 0) return [`\`${key}\` must be a non-empty list`];
  const problems: string[] = [];
  let positives = 0;
  for (const item of value) {
    const entries = isMap(item) ? Object.entries(item) : [];
    if (entries.length !== 1) {
      problems.push(`each item of \`${key}\` must be a single operator`);
      continue;
    }
    const [[itemKey, itemValue]] = entries as [[string, unknown]];
    if (!allowed.has(itemKey)) {
      problems.push(`\`${itemKey}\` is not allowed inside \`${key}\``);
      continue;
    }
    if (POSITIVE_KEYS.has(itemKey)) positives += 1;
    problems.push(...checkOperator(itemKey, itemValue, context));
  }
  if (needsPositive && positives === 0) problems.push(`\`${key}\` needs at least one positive pattern`);
  return problems;
}

function checkCodePattern(key: string, value: unknown, context: PatternContext): string[] {
  if (typeof value !== 'string' || value.trim() === '') return [`\`${key}\` must be a non-empty string`];
  const problems: string[] = [];
  for (const match of value.matchAll(DOLLAR_WORD)) {
    if (!METAVARIABLE.test(match[0])) {
      problems.push(`metavariable \`${match[0]}\` in \`${key}\` must be upper-case ($NAME)`);
    }
  }
  const checkQuotes = !context.languages.some((language) => LOOSE_QUOTE_LANGUAGES.has(language));
  const balance = findImbalance(value, checkQuotes);
  if (balance) problems.push(`\`${key}\` has ${balance}: ${JSON.stringify(value.trim())}`);
  else {
    const parseErrors = context.languages.flatMap((language) => {
      const error = findPatternParseError(value, language);
      return error === undefined ? [] : [`\`${key}\` does not parse as ${language}: ${error}`];
    });
    problems.push(...parseErrors.slice(0, 1));
  }
  return problems;
}

/** Describes the first bracket or quote imbalance in a pattern, outside string literals. */
export function findImbalance(pattern: string, checkQuotes: boolean): string | undefined {
  const stack: string[] = [];
  let quote: string | undefined;
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern.charAt(i);
    if (quote) {
      if (char === '\\') i += 1;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (checkQuotes && (char === '"' || char === "'" || char === '`')) quote = char;
    else if (char === '(' || char === '[' || char === '{') stack.push(char);
    else if (char in PAIRS) {
      if (stack.pop() !== PAIRS[char]) return `an unbalanced \`${char}\``;
    }
  }
  if (quote) return `an unterminated ${quote} string`;
  const open = stack.pop();
  return open ? `an unclosed \`${open}\`` : undefined;
}

/**
 * A `pattern-regex` that matches the empty string would flag every file; a `metavariable-regex` is
 * applied to a bound value instead and must be anchored, because Semgrep matches it from the start.
 */
function checkRegex(key: string, value: unknown, options: { metavariable: boolean }): string[] {
  if (typeof value !== 'string' || value === '') return [`\`${key}\` must be a non-empty regex`];
  const compiled = compilePcre(value);
  if (!compiled.ok) return [`\`${key}\` does not compile: ${compiled.error}`];
  const problems: string[] = [];
  if (!options.metavariable && compiled.regex.test('')) problems.push(`\`${key}\` matches the empty string`);
  const nested = findNestedQuantifier(value);
  if (nested >= 0) {
    problems.push(`\`${key}\` nests quantifiers at offset ${nested} (catastrophic backtracking risk)`);
  }
  if (options.metavariable && !/^(?:\(\?[a-z]+\))?\^/.test(value)) {
    problems.push(`\`${key}\` must start with ^ (Semgrep matches it from the start of the value)`);
  }
  return problems;
}

function checkMetavariableRegex(value: unknown, context: PatternContext): string[] {
  if (!isMap(value)) return ['`metavariable-regex` must be a mapping with metavariable and regex'];
  const problems = checkMetavariableName(value, context);
  const extra = Object.keys(value).filter((key) => key !== 'metavariable' && key !== 'regex');
  if (extra.length > 0) problems.push(`unknown \`metavariable-regex\` key \`${extra.join('`, `')}\``);
  return [...problems, ...checkRegex('metavariable-regex', value.regex, { metavariable: true })];
}

function checkMetavariablePattern(value: unknown, context: PatternContext): string[] {
  if (!isMap(value)) return ['`metavariable-pattern` must be a mapping'];
  const problems = checkMetavariableName(value, context);
  const languages = typeof value.language === 'string' ? [value.language] : context.languages;
  const inner = { ...context, languages };
  for (const [key, innerValue] of Object.entries(value)) {
    if (key === 'metavariable' || key === 'language') continue;
    problems.push(...checkOperator(key, innerValue, inner));
  }
  return problems;
}

function checkMetavariableName(value: YamlMap, context: PatternContext): string[] {
  const name = value.metavariable;
  if (typeof name !== 'string' || !METAVARIABLE.test(name)) {
    return ['`metavariable` must name an upper-case metavariable such as $X'];
  }
  return context.bound.has(name) ? [] : [`\`${name}\` is not bound by any pattern of the rule`];
}
