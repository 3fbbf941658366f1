/**
 * The suite's YAML reader for untrusted YAML (pnpm-lock.yaml, berry yarn.lock, the config file),
 * read under budgets before and after parsing (RELIABILITY B8, B9):
 * - a character cap and a structural-token cap counted in one pass before the parser builds
 *   anything: the `yaml` package keeps a node object per value (about 0.7 KB of heap per token
 *   measured on a pnpm lockfile), so the text length alone does not bound memory;
 * - duplicate keys refused in one pass with a Set per mapping. The parser's own `uniqueKeys` check
 *   compares every key with every earlier one of its mapping: quadratic, and the reason a
 *   100,000-line lockfile (5,000 keys per mapping) took minutes;
 * - aliases expanded at most `maxAliasCount` times (billion laughs).
 */
import { isAlias, isMap, isScalar, parseAllDocuments, visit, type Document, type LineCounter } from 'yaml';
import { ReportError } from '../errors.js';
import { formatBytes } from '../json/limits.js';

/** A YAML refusal; `reason` is the sentence's core without the file, for callers that phrase their own. */
export class YamlReadError extends ReportError {
  constructor(
    file: string,
    message: string,
    readonly reason: string,
  ) {
    super(file, message);
  }
}

export interface YamlLimits {
  /** UTF-16 code units of the text (bytes for ASCII). */
  maxChars: number;
  /**
   * Structural characters (line breaks, `,` `:` `-` `[` `{` `?`): every YAML value but the first
   * follows one, so this bounds the nodes the parser builds from above.
   */
  maxTokens: number;
  /** Alias expansions while converting to data (the `yaml` package's own counter). */
  maxAliasCount: number;
}

export const DEFAULT_YAML_LIMITS: Readonly<YamlLimits> = {
  maxChars: 32 * 1024 * 1024,
  maxTokens: 2_000_000,
  maxAliasCount: 100,
};

export interface ReadYamlOptions {
  limits?: Partial<YamlLimits>;
  /** `failsafe` reads every scalar as a string (the config file); default `core`. */
  schema?: 'core' | 'failsafe';
  lineCounter?: LineCounter;
  /** How the input is named in messages (default: the file name in backticks). */
  shown?: string;
}

/** Throws `ReportError` when the text is over the character or token budget. */
export function assertYamlBudget(text: string, file: string, limits: YamlLimits, shown: string): void {
  if (text.length > limits.maxChars) {
    const reason = `${formatBytes(text.length)} of YAML is over the ${formatBytes(limits.maxChars)} limit`;
    throw new YamlReadError(
      file,
      `${shown} is ${formatBytes(text.length)}, over the ${formatBytes(limits.maxChars)} limit for YAML; a file this large is refused rather than risk exhausting memory.`,
      reason,
    );
  }
  let tokens = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \n , : - [ { ?
    if (c === 10 || c === 44 || c === 58 || c === 45 || c === 91 || c === 123 || c === 63) {
      if (++tokens > limits.maxTokens) {
        throw new YamlReadError(
          file,
          `${shown} holds more than ${limits.maxTokens.toLocaleString('en')} YAML tokens (line breaks and indicators), over the parsed-size limit; a file this large is refused rather than risk exhausting memory.`,
          `More than ${limits.maxTokens.toLocaleString('en')} YAML tokens, over the parsed-size limit`,
        );
      }
    }
  }
}

/**
 * Every document of a YAML stream, parsed under the budgets; the first syntax error or duplicate
 * key is a `ReportError` naming the line.
 */
export function parseYamlDocuments(text: string, file: string, options: ReadYamlOptions = {}): Document[] {
  const limits = { ...DEFAULT_YAML_LIMITS, ...options.limits };
  const shown = options.shown ?? file;
  assertYamlBudget(text, file, limits, shown);
  const lineCounter = options.lineCounter;
  const docs = parseAllDocuments(text, {
    schema: options.schema ?? 'core',
    uniqueKeys: false,
    prettyErrors: false,
    ...(lineCounter === undefined ? {} : { lineCounter }),
  });
  if (!Array.isArray(docs)) return [];
  const lineOf = (offset: number): number => {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    return line;
  };
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error !== undefined) {
      const reason = `${error.message.split('\n')[0] ?? 'syntax error'} (line ${lineOf(error.pos[0])})`;
      throw new YamlReadError(file, `${shown} is not valid YAML (${reason}).`, reason);
    }
    assertUniqueKeys(doc, file, shown, lineOf);
  }
  return docs;
}

/** A document as plain data, aliases expanded under the budget. */
export function yamlToData(doc: Document, file: string, options: ReadYamlOptions = {}): unknown {
  const { maxAliasCount } = { ...DEFAULT_YAML_LIMITS, ...options.limits };
  try {
    return doc.toJS({ maxAliasCount }) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : '';
    const laughs = /alias/i.test(reason) && /excessive|resource/i.test(reason);
    const core = laughs
      ? `Too many YAML aliases (at most ${maxAliasCount} are expanded)`
      : reason || 'alias error';
    throw new YamlReadError(
      file,
      laughs
        ? `${options.shown ?? file} expands YAML aliases more than ${maxAliasCount} times; refused (billion laughs).`
        : `${options.shown ?? file} is not valid YAML (${core}).`,
      core,
    );
  }
}

/** The last document of a stream as data (pnpm writes an environment document first). */
export function parseLastYamlDocument(text: string, file: string, options: ReadYamlOptions = {}): unknown {
  const docs = parseYamlDocuments(text, file, options);
  const last = docs[docs.length - 1];
  if (last === undefined) throw new ReportError(file, `${options.shown ?? file} holds no YAML document.`);
  return yamlToData(last, file, options);
}

/**
 * Duplicate keys in any mapping, by the key's text as data (`1` and `'1'` become the same
 * property, so they are duplicates here). A key that is not a plain value (a mapping, a list, an
 * alias) is refused: no format the suite reads uses one, and its text form could collide.
 */
function assertUniqueKeys(
  doc: Document,
  file: string,
  shown: string,
  lineOf: (offset: number) => number,
): void {
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key;
        const at = (): number => lineOf((key as { range?: [number] } | null)?.range?.[0] ?? 0);
        if (key === null || key === undefined) continue;
        if (!isScalar(key) || isAlias(key)) {
          const reason = `A mapping key that is not a plain value (line ${at()})`;
          throw new YamlReadError(
            file,
            `${shown} has a mapping key that is not a plain value (line ${at()}).`,
            reason,
          );
        }
        const text = keyText(key.value);
        if (seen.has(text)) {
          const reason = `Map keys must be unique: a key appears twice in one mapping (line ${at()})`;
          throw new YamlReadError(file, `${shown} is not valid YAML (${reason}).`, reason);
        }
        seen.add(text);
      }
    },
  });
}

/** A scalar key as the property name `toJS` gives it: strings, numbers, booleans, null. */
function keyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${value}`;
  return JSON.stringify(value) ?? '';
}
