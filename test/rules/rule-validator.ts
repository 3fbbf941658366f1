/**
 * Offline validator for the Semgrep rule pack in `rules/`. Semgrep cannot be installed on the machines
 * that build this repository, so this checks everything that can be checked without it (structure,
 * metadata, test annotations, pattern plausibility); GitHub CI then runs `semgrep --test` for real.
 * Every function takes the pack directory and returns problems instead of throwing, so one run lists
 * every defect.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { checkOperator, collectMetavariables } from './pattern-checks.js';
import { checkRuleShape, FORMULA_KEYS, isMap, LANGUAGE_EXTENSIONS, type YamlMap } from './rule-schema.js';
import { findTestTargets, parseAnnotations, type Annotation } from './test-annotations.js';

/** One defect, located by file (relative to the pack) and, when known, rule id. */
export interface RuleProblem {
  file: string;
  rule?: string;
  message: string;
}

/** Rule counts, for reports and the "at least 30 rules" requirement. */
export interface RulePackSummary {
  rules: number;
  /** Rules per theme folder (the first directory under the pack). */
  themes: Record<string, number>;
}

const MIN_ANNOTATIONS = 2;
const RULE_FILE = /\.ya?ml$/;
const TEST_YAML = /\.test\.ya?ml$/;

/** Rule files the way Semgrep picks them from a directory: every YAML file except `*.test.yaml`. */
export function findRuleFiles(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...findRuleFiles(path));
    else if (RULE_FILE.test(entry.name) && !TEST_YAML.test(entry.name)) found.push(path);
  }
  return found.sort();
}

/** Parses one rule file; Semgrep allows only a top-level `rules:` list. */
function loadRules(path: string): { rules: YamlMap[] } | { error: string } {
  const document = parseDocument(readFileSync(path, 'utf8'), { uniqueKeys: true, prettyErrors: false });
  const [first] = document.errors;
  if (first) return { error: `invalid YAML: ${first.message.split('\n')[0] ?? ''}` };
  const data: unknown = document.toJS();
  if (!isMap(data) || Object.keys(data).join() !== 'rules' || !Array.isArray(data.rules)) {
    return { error: 'a rule file must contain only a top-level `rules:` list' };
  }
  if (data.rules.length !== 1 || !isMap(data.rules[0])) {
    return { error: 'a rule file must hold exactly one rule (its test file is named after it)' };
  }
  return { rules: data.rules as YamlMap[] };
}

/** Checks the formula, the file name and the test file of one rule. */
function checkRule(rule: YamlMap, path: string): string[] {
  const problems = checkRuleShape(rule);
  const languages = Array.isArray(rule.languages) ? rule.languages.map(String) : [];
  const context = { languages, bound: collectMetavariables(rule) };
  for (const key of FORMULA_KEYS) {
    if (key in rule) problems.push(...checkOperator(key, rule[key], context));
  }
  const id = typeof rule.id === 'string' ? rule.id : '';
  if (id !== '' && basename(path).replace(RULE_FILE, '') !== id) {
    problems.push(`the file must be named ${id}.yaml after the rule id`);
  }
  return problems;
}

/** Checks a rule's test targets: present, right extension, enough annotations of both kinds. */
function checkTests(id: string, languages: readonly string[], ruleFile: string, root: string) {
  const problems: RuleProblem[] = [];
  const annotations: { file: string; annotation: Annotation }[] = [];
  const targets = findTestTargets(ruleFile);
  const where = relative(root, ruleFile);
  if (targets.length === 0) {
    problems.push({ file: where, rule: id, message: 'has no test file beside it (same name, code extension)' });
    return { problems, annotations };
  }
  const counts = { ruleid: 0, ok: 0 };
  for (const target of targets) {
    const file = relative(root, target);
    if (!extensionFits(target, languages)) {
      problems.push({ file, rule: id, message: `test file extension does not fit languages ${languages.join(', ')}` });
    }
    const parsed = parseAnnotations(readFileSync(target, 'utf8'));
    for (const defect of parsed.defects) problems.push({ file, message: `line ${defect.line}: ${defect.message}` });
    for (const annotation of parsed.annotations) {
      annotations.push({ file, annotation });
      if (annotation.ruleId === id && (annotation.kind === 'ruleid' || annotation.kind === 'ok')) {
        counts[annotation.kind] += 1;
      }
    }
  }
  for (const kind of ['ruleid', 'ok'] as const) {
    if (counts[kind] < MIN_ANNOTATIONS) {
      const message = `needs at least ${MIN_ANNOTATIONS} \`${kind}: ${id}\` annotations in its test file, found ${counts[kind]}`;
      problems.push({ file: where, rule: id, message });
    }
  }
  return { problems, annotations };
}

function extensionFits(target: string, languages: readonly string[]): boolean {
  return languages.some((language) => {
    if (!(language in LANGUAGE_EXTENSIONS)) return true;
    const extensions = LANGUAGE_EXTENSIONS[language];
    return extensions === undefined || extensions.some((ext) => target.endsWith(ext));
  });
}

/** Validates the whole pack; an empty list means every check passed. */
export function validateRulePack(directory: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const files = findRuleFiles(directory);
  if (files.length === 0) return [{ file: '.', message: 'no rule files found' }];
  const idsByFile = new Map<string, string>();
  const known = new Set(files.map((file) => basename(file).replace(RULE_FILE, '')));
  const annotations: { file: string; annotation: Annotation }[] = [];
  for (const path of files) {
    const file = relative(directory, path);
    const loaded = loadRules(path);
    if ('error' in loaded) {
      problems.push({ file, message: loaded.error });
      continue;
    }
    for (const rule of loaded.rules) {
      const id = typeof rule.id === 'string' ? rule.id : '';
      problems.push(...checkRule(rule, path).map((message) => ({ file, rule: id, message })));
      if (id === '') continue;
      known.add(id);
      const duplicate = [...idsByFile].find(([, other]) => other === id);
      if (duplicate) problems.push({ file, rule: id, message: `duplicate rule id (also in ${duplicate[0]})` });
      idsByFile.set(file, id);
      const languages = Array.isArray(rule.languages) ? rule.languages.map(String) : [];
      const tests = checkTests(id, languages, path, directory);
      problems.push(...tests.problems);
      annotations.push(...tests.annotations);
    }
  }
  for (const { file, annotation } of annotations) {
    if (!known.has(annotation.ruleId)) {
      problems.push({ file, message: `line ${annotation.line}: annotation names unknown rule \`${annotation.ruleId}\`` });
    }
  }
  return problems;
}

/** Counts rules per theme folder. */
export function summarizeRulePack(directory: string): RulePackSummary {
  const themes: Record<string, number> = {};
  const files = findRuleFiles(directory);
  for (const file of files) {
    const theme = relative(directory, file).split(sep)[0] ?? '.';
    themes[theme] = (themes[theme] ?? 0) + 1;
  }
  return { rules: files.length, themes };
}
