/**
 * Reads the linguist attributes from the text of a root `.gitattributes`, for the API path where
 * no clone is there for `git check-attr`. Follows gitattributes(5): a pattern without a slash
 * matches the file name at any depth, one with a slash is anchored at the root, later lines win,
 * `-attr` and `attr=false` turn an attribute off, `!attr` makes it unspecified, negative patterns
 * and directory patterns (trailing `/`) match no file.
 */
import { compileMatcher } from '@aeef/gate-result';
import type { LinguistAttributes } from './check-attr.js';

interface AttributeRule {
  matches: (path: string) => boolean;
  generated?: boolean | undefined;
  vendored?: boolean | undefined;
  /** Which attributes the line mentions (an `!attr` resets to unspecified = off). */
  mentions: Set<'generated' | 'vendored'>;
}

const MAX_LINES = 10_000;

function stateOf(token: string, name: string): boolean | null {
  if (token === name || token === `${name}=true`) return true;
  if (token === `-${name}` || token === `${name}=false` || token === `!${name}`) return false;
  if (token.startsWith(`${name}=`)) return false;
  return null;
}

/**
 * The library's linear-time matcher (a PR's .gitattributes is untrusted: no backtracking regex).
 * Patterns it refuses (braces, which git reads literally, or odd forms) are skipped: skipping can
 * only make more files count, never fewer.
 */
function compile(pattern: string): ((path: string) => boolean) | undefined {
  if (pattern.startsWith('!') || pattern.endsWith('/') || pattern === '' || /[{}]/.test(pattern))
    return undefined;
  try {
    if (!pattern.includes('/')) {
      const match = compileMatcher([pattern], '.gitattributes');
      return (path) => match(path.slice(path.lastIndexOf('/') + 1));
    }
    return compileMatcher([pattern.replace(/^\//, '')], '.gitattributes');
  } catch {
    return undefined;
  }
}

/** The rules of one `.gitattributes` text that touch `linguist-generated` or `linguist-vendored`. */
export function parseGitattributes(text: string): AttributeRule[] {
  const rules: AttributeRule[] = [];
  for (const line of text.split(/\r?\n/).slice(0, MAX_LINES)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('[attr]')) continue;
    const [pattern, ...tokens] = trimmed.split(/\s+/);
    const rule: AttributeRule = { matches: () => false, mentions: new Set() };
    for (const token of tokens) {
      const generated = stateOf(token, 'linguist-generated');
      const vendored = stateOf(token, 'linguist-vendored');
      if (generated !== null) {
        rule.generated = generated;
        rule.mentions.add('generated');
      }
      if (vendored !== null) {
        rule.vendored = vendored;
        rule.mentions.add('vendored');
      }
    }
    const matches = pattern === undefined ? undefined : compile(pattern);
    if (rule.mentions.size > 0 && matches) rules.push({ ...rule, matches });
  }
  return rules;
}

/** The attributes of one path: the last matching line that mentions each attribute wins. */
export function linguistAttributesOf(path: string, rules: readonly AttributeRule[]): LinguistAttributes {
  const result: LinguistAttributes = { generated: false, vendored: false };
  for (const rule of rules) {
    if (!rule.matches(path)) continue;
    if (rule.mentions.has('generated')) result.generated = rule.generated ?? false;
    if (rule.mentions.has('vendored')) result.vendored = rule.vendored ?? false;
  }
  return result;
}
