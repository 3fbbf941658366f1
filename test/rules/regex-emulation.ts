/**
 * A stand-in for `semgrep --test` on rules whose whole formula is one `pattern-regex`: Semgrep reports
 * one finding per regex match at the line where the match starts, and a test passes when those lines
 * are exactly the lines after the `ruleid:` annotations. Running the same regex with the JS engine
 * (PCRE and JS agree on the constructs the pack uses) lets these rules' tests run offline.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { compilePcre } from './regex-safety.js';
import { isMap } from './rule-schema.js';
import { findTestTargets, parseAnnotations } from './test-annotations.js';

/** Expected and emulated finding lines of one regex rule on one test file. */
export interface RegexRuleRun {
  id: string;
  target: string;
  /** Lines after each `ruleid:` annotation. */
  expected: number[];
  /** Lines after each `ok:` annotation (must not be reported). */
  forbidden: number[];
  /** Lines where the regex matches start. */
  actual: number[];
}

/** The rule's id and regex when its formula is a single top-level `pattern-regex`, else undefined. */
export function readRegexRule(ruleFile: string): { id: string; regex: string } | undefined {
  const data: unknown = parseDocument(readFileSync(ruleFile, 'utf8')).toJS();
  const rule: unknown = isMap(data) && Array.isArray(data.rules) ? data.rules[0] : undefined;
  if (!isMap(rule) || typeof rule.id !== 'string' || typeof rule['pattern-regex'] !== 'string') return undefined;
  return { id: rule.id, regex: rule['pattern-regex'] };
}

/** 1-based line of a character offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** Runs a regex rule over each of its test files the way Semgrep would report it. */
export function emulateRegexRule(ruleFile: string): RegexRuleRun[] {
  const rule = readRegexRule(ruleFile);
  if (!rule) return [];
  const compiled = compilePcre(rule.regex);
  if (!compiled.ok) throw new Error(`${rule.id}: regex does not compile: ${compiled.error}`);
  const global = new RegExp(compiled.regex.source, `${compiled.regex.flags}g`);
  return findTestTargets(ruleFile).map((target) => {
    const text = readFileSync(target, 'utf8');
    const { annotations } = parseAnnotations(text);
    const mine = annotations.filter((annotation) => annotation.ruleId === rule.id);
    const lines = new Set<number>();
    for (const match of text.matchAll(global)) lines.add(lineOf(text, match.index));
    return {
      id: rule.id,
      target,
      expected: mine.filter((a) => a.kind === 'ruleid').map((a) => a.line + 1),
      forbidden: mine.filter((a) => a.kind === 'ok').map((a) => a.line + 1),
      actual: [...lines].sort((a, b) => a - b),
    };
  });
}

/** Collects every `metavariable-regex` of a rule, by metavariable, compiled with JS semantics. */
export function readMetavariableRegexes(ruleFile: string): Map<string, RegExp[]> {
  const found = new Map<string, RegExp[]>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    if (!isMap(node)) return;
    const spec = node['metavariable-regex'];
    if (isMap(spec) && typeof spec.metavariable === 'string' && typeof spec.regex === 'string') {
      const compiled = compilePcre(spec.regex);
      if (!compiled.ok) throw new Error(`${spec.metavariable}: ${compiled.error}`);
      found.set(spec.metavariable, [...(found.get(spec.metavariable) ?? []), compiled.regex]);
    }
    Object.values(node).forEach(visit);
  };
  visit(parseDocument(readFileSync(ruleFile, 'utf8')).toJS());
  return found;
}
