/**
 * The shape every rule of the pack must have: Semgrep's required keys plus the metadata the SARIF gate
 * and GitHub code scanning rank findings by (`security-severity`, `cwe`, `confidence`).
 */

/** Semgrep's `languages:` values (docs: "Language extensions and languages key values"). */
export const SEMGREP_LANGUAGES: ReadonlySet<string> = new Set([
  'apex', 'bash', 'sh', 'c', 'cairo', 'circom', 'clojure', 'cpp', 'c++', 'csharp', 'c#', 'dart',
  'dockerfile', 'docker', 'elixir', 'ex', 'generic', 'go', 'golang', 'hack', 'html', 'java',
  'javascript', 'js', 'json', 'jsonnet', 'julia', 'kotlin', 'kt', 'lisp', 'lua', 'move_on_aptos',
  'move_on_sui', 'none', 'ocaml', 'php', 'promql', 'proto', 'protobuf', 'python', 'python2', 'python3',
  'py', 'ql', 'r', 'regex', 'ruby', 'rust', 'scala', 'scheme', 'solidity', 'sol', 'swift', 'terraform',
  'hcl', 'ts', 'typescript', 'vue', 'xml', 'yaml',
]);

/** Test-file extensions per language; `undefined` means any file (generic/regex rules). */
export const LANGUAGE_EXTENSIONS: Readonly<Record<string, readonly string[] | undefined>> = {
  javascript: ['.js', '.jsx', '.mjs', '.cjs'],
  js: ['.js', '.jsx', '.mjs', '.cjs'],
  typescript: ['.ts', '.tsx', '.mts', '.cts'],
  ts: ['.ts', '.tsx', '.mts', '.cts'],
  python: ['.py', '.pyi'],
  py: ['.py', '.pyi'],
  python3: ['.py', '.pyi'],
  bash: ['.sh', '.bash'],
  sh: ['.sh', '.bash'],
  yaml: ['.test.yaml', '.test.yml'],
  terraform: ['.tf', '.hcl'],
  hcl: ['.tf', '.hcl'],
  json: ['.json'],
  dockerfile: ['.dockerfile'],
  generic: undefined,
  regex: undefined,
};

export const SEVERITIES = ['ERROR', 'WARNING', 'INFO'] as const;
export const CONFIDENCES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export const CATEGORIES = ['security', 'correctness', 'best-practice', 'maintainability', 'performance'];

/** `security-severity` band per Semgrep severity, on the CVSS scale GitHub code scanning uses. */
export const SEVERITY_BANDS: Readonly<Record<string, readonly [number, number]>> = {
  ERROR: [7, 10],
  WARNING: [4, 6.9],
  INFO: [0, 3.9],
};

/** Top-level formula keys: exactly one per rule. */
export const FORMULA_KEYS = ['pattern', 'patterns', 'pattern-either', 'pattern-regex'];
const REQUIRED_KEYS = ['id', 'message', 'severity', 'languages', 'metadata'];
const OPTIONAL_KEYS = ['paths', 'options', 'fix', 'fix-regex', 'min-version', 'max-version'];
const ALLOWED_KEYS = new Set([...REQUIRED_KEYS, ...OPTIONAL_KEYS, ...FORMULA_KEYS]);
const REQUIRED_METADATA = ['cwe', 'category', 'confidence', 'references', 'security-severity'];

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CWE = /^CWE-\d+: \S.*$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
const MIN_MESSAGE_LENGTH = 40;
/** A message must tell the reader what to do, so it must contain at least one remedy verb. */
const REMEDY_VERB =
  /\b(?:use|pass|set|remove|replace|read|pin|keep|call|parse|list|run|revoke|add|rotate|quote|prefer|leave|validate|load|require|put|delete|enable|authenticate|avoid|move|check)\b/i;

/** A plain object from parsed YAML. */
export type YamlMap = Record<string, unknown>;

/** True for a YAML mapping (not null, not a list). */
export function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Checks the rule's own keys (everything except the pattern formula); returns problem sentences. */
export function checkRuleShape(rule: YamlMap): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(rule)) {
    if (!ALLOWED_KEYS.has(key)) problems.push(`unknown rule key \`${key}\``);
  }
  for (const key of REQUIRED_KEYS) {
    if (!(key in rule)) problems.push(`missing required key \`${key}\``);
  }
  const formulas = FORMULA_KEYS.filter((key) => key in rule);
  if (formulas.length !== 1) {
    problems.push(`expected exactly one of ${FORMULA_KEYS.join(', ')}, got ${formulas.length}`);
  }
  if ('id' in rule && !(typeof rule.id === 'string' && RULE_ID.test(rule.id))) {
    problems.push('`id` must be kebab-case (lower-case letters, digits and dashes)');
  }
  if ('message' in rule && !(isNonEmptyString(rule.message) && rule.message.trim().length >= MIN_MESSAGE_LENGTH)) {
    problems.push(`\`message\` must explain the fix in at least ${MIN_MESSAGE_LENGTH} characters`);
  } else if (typeof rule.message === 'string' && !REMEDY_VERB.test(rule.message)) {
    problems.push('`message` must say how to fix the finding (no remedy verb such as use, remove, pin, set)');
  }
  if ('severity' in rule && !SEVERITIES.includes(rule.severity as never)) {
    problems.push(`\`severity\` must be one of ${SEVERITIES.join(', ')}`);
  }
  if ('languages' in rule) problems.push(...checkLanguages(rule.languages));
  if ('metadata' in rule) problems.push(...checkMetadata(rule.metadata, rule.severity));
  if ('paths' in rule) problems.push(...checkPaths(rule.paths));
  return problems;
}

function checkLanguages(languages: unknown): string[] {
  if (!Array.isArray(languages) || languages.length === 0) return ['`languages` must be a non-empty list'];
  return languages
    .filter((language) => typeof language !== 'string' || !SEMGREP_LANGUAGES.has(language))
    .map((language) => `unknown language \`${String(language)}\``);
}

function checkPaths(paths: unknown): string[] {
  if (!isMap(paths)) return ['`paths` must be a mapping with include/exclude lists'];
  return Object.entries(paths).flatMap(([key, value]) => {
    if (key !== 'include' && key !== 'exclude') return [`unknown \`paths\` key \`${key}\``];
    const ok = Array.isArray(value) && value.length > 0 && value.every(isNonEmptyString);
    return ok ? [] : [`\`paths.${key}\` must be a non-empty list of globs`];
  });
}

function checkMetadata(metadata: unknown, severity: unknown): string[] {
  if (!isMap(metadata)) return ['`metadata` must be a mapping'];
  const problems = REQUIRED_METADATA.filter((key) => !(key in metadata)).map(
    (key) => `missing required key \`metadata.${key}\``,
  );
  if ('cwe' in metadata) {
    const cwes = Array.isArray(metadata.cwe) ? metadata.cwe : [metadata.cwe];
    if (cwes.length === 0 || !cwes.every((cwe) => typeof cwe === 'string' && CWE.test(cwe))) {
      problems.push('`metadata.cwe` must look like "CWE-89: Improper Neutralization ..."');
    } else if (Array.isArray(metadata.references)) {
      problems.push(...checkCweReference(cwes as string[], metadata.references));
    }
  }
  if ('category' in metadata && !CATEGORIES.includes(metadata.category as string)) {
    problems.push(`\`metadata.category\` must be one of ${CATEGORIES.join(', ')}`);
  }
  if ('confidence' in metadata && !CONFIDENCES.includes(metadata.confidence as never)) {
    problems.push(`\`metadata.confidence\` must be one of ${CONFIDENCES.join(', ')}`);
  }
  if ('references' in metadata) problems.push(...checkReferences(metadata.references));
  if ('security-severity' in metadata) {
    problems.push(...checkSecuritySeverity(metadata['security-severity'], severity));
  }
  return problems;
}

/** The first CWE's MITRE page must be among the references, which catches a CWE id pasted by mistake. */
function checkCweReference(cwes: string[], references: unknown[]): string[] {
  const id = /^CWE-(\d+)/.exec(cwes[0] ?? '')?.[1];
  const page = `https://cwe.mitre.org/data/definitions/${id ?? ''}.html`;
  return references.includes(page) ? [] : [`\`metadata.references\` must include ${page} for the rule's CWE`];
}

function checkReferences(references: unknown): string[] {
  if (!Array.isArray(references) || references.length === 0) {
    return ['`metadata.references` must be a non-empty list of https URLs'];
  }
  return references.flatMap((reference) => {
    if (typeof reference !== 'string' || !URL.canParse(reference) || new URL(reference).protocol !== 'https:') {
      return [`reference \`${String(reference)}\` is not an https URL`];
    }
    return [];
  });
}

function checkSecuritySeverity(value: unknown, severity: unknown): string[] {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL.test(text) || Number(text) > 10) {
    return ['`metadata.security-severity` must be a number from 0 to 10'];
  }
  const band = typeof severity === 'string' ? SEVERITY_BANDS[severity] : undefined;
  const score = Number(text);
  if (band && (score < band[0] || score > band[1])) {
    return [`\`metadata.security-severity\` ${text} does not fit severity ${String(severity)} (${band[0]}-${band[1]})`];
  }
  return [];
}
