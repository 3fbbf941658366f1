/**
 * From whatever a package declares to an SPDX expression, or to "unknown" with the reason. A
 * non-SPDX string passes only through the curated table or an unambiguous spelling fix, and every
 * such step is recorded so the summary can show it: a guess never passes silently.
 */
import { LICENSE_ALIASES, aliasKey } from './aliases.js';
import { ExpressionError, parseExpression, type Expression } from './expression.js';
import { canonicalCase, canonicalLicenseId } from './license-ids.js';

/** What a reader found, before any interpretation. */
export type RawLicense =
  | { kind: 'string'; value: string }
  /** Several declared licenses; `join` says how they combine and `why` is shown as a note. */
  | { kind: 'list'; values: string[]; join: 'OR' | 'AND'; why: string }
  | { kind: 'missing' };

export type Resolution = { known: true; expression: Expression } | { known: false; reason: string };

const SEE_LICENSE = /^SEE LICEN[CS]E IN /i;
const SPECIAL_UNKNOWN: Readonly<Record<string, string>> = {
  UNLICENSED: 'UNLICENSED: the author grants no license',
  NOASSERTION: 'NOASSERTION: the SBOM producer could not determine the license',
  NONE: 'NONE: the SBOM declares no license',
  UNKNOWN: 'UNKNOWN license',
};

/** Resolves a raw license; never throws. */
export function resolveLicense(raw: RawLicense): Resolution {
  if (raw.kind === 'missing') return { known: false, reason: 'no license declared' };
  if (raw.kind === 'string') return resolveString(raw.value);
  const parts = raw.values.map(resolveString);
  const unknown = parts.find((p) => !p.known);
  if (unknown !== undefined) return unknown;
  if (parts.length === 0) return { known: false, reason: 'empty license list' };
  const texts = parts.map((p) => (p.known ? p.expression.text : ''));
  const joined = texts.length === 1 ? (texts[0] ?? '') : texts.map((t) => `(${t})`).join(` ${raw.join} `);
  const combined = tryParse(joined);
  if (combined === undefined) return { known: false, reason: `cannot combine licenses ${joined}` };
  const notes = parts.flatMap((p) => (p.known ? p.expression.notes : []));
  if (texts.length > 1) notes.push(raw.why);
  return { known: true, expression: { ...combined, notes: [...notes, ...combined.notes] } };
}

function resolveString(value: string): Resolution {
  const text = value.trim();
  if (text === '') return { known: false, reason: 'empty license string' };
  const special = SPECIAL_UNKNOWN[text.toUpperCase()];
  if (special !== undefined) return { known: false, reason: special };
  if (SEE_LICENSE.test(text)) return { known: false, reason: `custom license (${text})` };
  let parseError = '';
  try {
    return { known: true, expression: parseExpression(text) };
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    parseError = error.message;
  }
  const fixed = normaliseNonSpdx(text);
  if (fixed !== undefined) {
    const expression = tryParse(fixed.to);
    if (expression !== undefined) {
      return {
        known: true,
        expression: {
          ...expression,
          notes: [`\`${text}\` normalised to \`${fixed.to}\` (${fixed.how})`, ...expression.notes],
        },
      };
    }
  }
  return { known: false, reason: `\`${text}\` is not a valid SPDX expression (${parseError})` };
}

function normaliseNonSpdx(text: string): { to: string; how: string } | undefined {
  const alias = LICENSE_ALIASES.get(aliasKey(text));
  if (alias !== undefined) return { to: alias, how: 'curated table' };
  const cased = canonicalCase(text);
  if (cased !== text) return { to: cased, how: 'SPDX ids are case-insensitive' };
  const slashed = splitSlash(text);
  if (slashed !== undefined) return { to: slashed, how: '`/` read as OR' };
  return undefined;
}

/** `MIT/Apache-2.0` (old Cargo and npm style) → `MIT OR Apache-2.0`, when each part is a known id. */
function splitSlash(text: string): string | undefined {
  const parts = text.split('/').map((p) => p.trim());
  if (parts.length < 2) return undefined;
  const ids = parts.map((p) => canonicalLicenseId(p) ?? LICENSE_ALIASES.get(aliasKey(p)));
  if (ids.some((id) => id === undefined)) return undefined;
  return ids.join(' OR ');
}

function tryParse(text: string): Expression | undefined {
  try {
    return parseExpression(text);
  } catch (error) {
    if (error instanceof ExpressionError) return undefined;
    throw error;
  }
}
