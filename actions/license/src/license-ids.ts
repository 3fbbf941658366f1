/**
 * The SPDX license list as this gate reads it: canonical spelling, deprecated ids mapped to their
 * current form, and the version families that make `-or-later` / `+` a choice among versions.
 */
import exceptionIds from 'spdx-exceptions/index.json' with { type: 'json' };
import licenseIds from 'spdx-license-ids/index.json' with { type: 'json' };
import deprecatedIds from 'spdx-license-ids/deprecated.json' with { type: 'json' };

const CANONICAL = new Map<string, string>();
for (const id of [...licenseIds, ...deprecatedIds]) CANONICAL.set(id.toLowerCase(), id);
const CANONICAL_EXCEPTIONS = new Map<string, string>(exceptionIds.map((id) => [id.toLowerCase(), id]));

/** The license-list spelling of an id matched case-insensitively (SPDX ids are case-insensitive). */
export function canonicalLicenseId(id: string): string | undefined {
  return CANONICAL.get(id.toLowerCase());
}

/** The list spelling of an exception id, matched case-insensitively. */
export function canonicalExceptionId(id: string): string | undefined {
  return CANONICAL_EXCEPTIONS.get(id.toLowerCase());
}

/**
 * An expression with every known id, exception id and operator in the list's spelling, matched
 * case-insensitively as SPDX prescribes (`mit or apache-2.0` → `MIT OR Apache-2.0`,
 * `licenseref-x` → `LicenseRef-x`). Only whole tokens; unknown tokens are left as written.
 */
export function canonicalCase(text: string): string {
  const tokens = text.split(/(\s+|\(|\))/);
  let afterWith = false;
  return tokens
    .map((token) => {
      const upper = token.toUpperCase();
      if (upper === 'AND' || upper === 'OR' || upper === 'WITH') {
        afterWith = upper === 'WITH';
        return upper;
      }
      if (token.trim() === '' || token === '(' || token === ')') return token;
      const plus = token.endsWith('+') ? '+' : '';
      const id = plus ? token.slice(0, -1) : token;
      const canonical = afterWith ? canonicalExceptionId(id) : (canonicalLicenseId(id) ?? canonicalRef(id));
      afterWith = false;
      return canonical === undefined ? token : canonical + plus;
    })
    .join('');
}

/** `licenseref-x` / `documentref-d:licenseref-x` → the prefixes' SPDX spelling. */
function canonicalRef(id: string): string | undefined {
  const match = /^(?:(documentref-)([^:]+):)?(licenseref-)(.+)$/i.exec(id);
  if (match === null) return undefined;
  const document = match[1] === undefined ? '' : `DocumentRef-${match[2] ?? ''}:`;
  return `${document}LicenseRef-${match[4] ?? ''}`;
}

/** True for ids that the list marks deprecated (they still parse, but are mapped before judging). */
export function isDeprecatedId(id: string): boolean {
  return deprecatedIds.includes(id);
}

/**
 * Deprecated ids whose meaning is another expression. Per the SPDX list, an unsuffixed GNU id
 * means `-only`; the `-with-X-exception` forms became `WITH` expressions.
 */
export const DEPRECATED_MAP: Readonly<Record<string, string>> = {
  'GPL-1.0': 'GPL-1.0-only',
  'GPL-2.0': 'GPL-2.0-only',
  'GPL-3.0': 'GPL-3.0-only',
  'LGPL-2.0': 'LGPL-2.0-only',
  'LGPL-2.1': 'LGPL-2.1-only',
  'LGPL-3.0': 'LGPL-3.0-only',
  'AGPL-1.0': 'AGPL-1.0-only',
  'AGPL-3.0': 'AGPL-3.0-only',
  'GFDL-1.1': 'GFDL-1.1-only',
  'GFDL-1.2': 'GFDL-1.2-only',
  'GFDL-1.3': 'GFDL-1.3-only',
  'GPL-2.0-with-GCC-exception': 'GPL-2.0-only WITH GCC-exception-2.0',
  'GPL-2.0-with-autoconf-exception': 'GPL-2.0-only WITH Autoconf-exception-2.0',
  'GPL-2.0-with-bison-exception': 'GPL-2.0-only WITH Bison-exception-2.2',
  'GPL-2.0-with-classpath-exception': 'GPL-2.0-only WITH Classpath-exception-2.0',
  'GPL-2.0-with-font-exception': 'GPL-2.0-only WITH Font-exception-2.0',
  'GPL-3.0-with-GCC-exception': 'GPL-3.0-only WITH GCC-exception-3.1',
  'GPL-3.0-with-autoconf-exception': 'GPL-3.0-only WITH Autoconf-exception-3.0',
  'BSD-2-Clause-FreeBSD': 'BSD-2-Clause',
  'BSD-2-Clause-NetBSD': 'BSD-2-Clause',
  'StandardML-NJ': 'SMLNJ',
  'bzip2-1.0.5': 'bzip2-1.0.6',
  wxWindows: 'LGPL-2.0-or-later WITH WxWindows-exception-3.1',
  Nunit: 'zlib-acknowledgement',
  'eCos-2.0': 'GPL-2.0-or-later WITH eCos-exception-2.0',
};

/**
 * Versions in order, per family: `GPL-2.0-or-later` lets the licensee pick 2.0 or 3.0. Ids outside
 * these families have no later version, so `+` on them is the id itself.
 */
const FAMILIES: readonly (readonly string[])[] = [
  ['GPL-1.0', 'GPL-2.0', 'GPL-3.0'],
  ['LGPL-2.0', 'LGPL-2.1', 'LGPL-3.0'],
  ['AGPL-1.0', 'AGPL-3.0'],
  ['GFDL-1.1', 'GFDL-1.2', 'GFDL-1.3'],
  ['Apache-1.0', 'Apache-1.1', 'Apache-2.0'],
  ['MPL-1.0', 'MPL-1.1', 'MPL-2.0'],
  ['AFL-1.1', 'AFL-1.2', 'AFL-2.0', 'AFL-2.1', 'AFL-3.0'],
  ['Artistic-1.0', 'Artistic-2.0'],
  ['CDDL-1.0', 'CDDL-1.1'],
  ['EPL-1.0', 'EPL-2.0'],
  ['EUPL-1.0', 'EUPL-1.1', 'EUPL-1.2'],
  ['OSL-1.0', 'OSL-1.1', 'OSL-2.0', 'OSL-2.1', 'OSL-3.0'],
  ['CC-BY-1.0', 'CC-BY-2.0', 'CC-BY-2.5', 'CC-BY-3.0', 'CC-BY-4.0'],
  ['CC-BY-SA-1.0', 'CC-BY-SA-2.0', 'CC-BY-SA-2.5', 'CC-BY-SA-3.0', 'CC-BY-SA-4.0'],
  ['LPPL-1.0', 'LPPL-1.1', 'LPPL-1.2', 'LPPL-1.3a', 'LPPL-1.3c'],
  ['OFL-1.0', 'OFL-1.1'],
  ['PHP-3.0', 'PHP-3.01'],
  ['Python-2.0', 'Python-2.0.1'],
];

const FAMILY_OF = new Map<string, readonly string[]>();
for (const family of FAMILIES) for (const id of family) FAMILY_OF.set(id, family);

/** The versions a licensee may choose from `base` (`orLater`: this one and every later one). */
export function versionChoices(base: string, orLater: boolean): readonly string[] {
  const family = FAMILY_OF.get(base);
  if (!orLater || family === undefined) return [base];
  return family.slice(family.indexOf(base));
}

/** True when the family has the GNU `-only` / `-or-later` suffixes (others use `+`). */
export function hasGnuSuffixes(base: string): boolean {
  return /^(A|L)?GPL-|^GFDL-/.test(base);
}
