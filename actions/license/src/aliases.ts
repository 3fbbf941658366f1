/**
 * The curated table of non-SPDX license strings this gate normalises, and nothing else: no
 * substring guessing (spdx-correct maps anything containing `GPL` to `GPL-3.0`). Keys are
 * lower-case with single spaces. Each normalisation is shown in the summary beside the package.
 * Ambiguous names map to the most common reading and say so in docs/license.md.
 */
export const LICENSE_ALIASES: ReadonlyMap<string, string> = new Map([
  // Apache
  ['apache 2', 'Apache-2.0'],
  ['apache 2.0', 'Apache-2.0'],
  ['apache-2', 'Apache-2.0'],
  ['apache2', 'Apache-2.0'],
  ['apache 2.0 license', 'Apache-2.0'],
  ['apache license 2.0', 'Apache-2.0'],
  ['apache license, version 2.0', 'Apache-2.0'],
  ['apache license version 2.0', 'Apache-2.0'],
  ['apache software license 2.0', 'Apache-2.0'],
  ['the apache software license, version 2.0', 'Apache-2.0'],
  ['the apache license, version 2.0', 'Apache-2.0'],
  ['asl 2.0', 'Apache-2.0'],
  // MIT
  ['mit license', 'MIT'],
  ['the mit license', 'MIT'],
  ['mit licence', 'MIT'],
  ['mit/x11', 'MIT'],
  ['expat', 'MIT'],
  ['bouncy castle licence', 'MIT'],
  // BSD ("BSD" alone is ambiguous: read as the 3-clause form, as ORT does)
  ['bsd', 'BSD-3-Clause'],
  ['bsd license', 'BSD-3-Clause'],
  ['new bsd license', 'BSD-3-Clause'],
  ['new bsd', 'BSD-3-Clause'],
  ['modified bsd license', 'BSD-3-Clause'],
  ['bsd 3-clause', 'BSD-3-Clause'],
  ['bsd 3-clause license', 'BSD-3-Clause'],
  ['3c-bsd', 'BSD-3-Clause'],
  ['bsd-3', 'BSD-3-Clause'],
  ['simplified bsd license', 'BSD-2-Clause'],
  ['bsd 2-clause', 'BSD-2-Clause'],
  ['bsd 2-clause license', 'BSD-2-Clause'],
  ['bsd-2', 'BSD-2-Clause'],
  ['isc license', 'ISC'],
  // GNU: a bare version is read as "-only", the narrower grant
  ['gplv2', 'GPL-2.0-only'],
  ['gpl v2', 'GPL-2.0-only'],
  ['gpl-2', 'GPL-2.0-only'],
  ['gplv3', 'GPL-3.0-only'],
  ['gpl v3', 'GPL-3.0-only'],
  ['gpl-3', 'GPL-3.0-only'],
  ['lgplv2.1', 'LGPL-2.1-only'],
  ['lgplv3', 'LGPL-3.0-only'],
  ['agplv3', 'AGPL-3.0-only'],
  ['gnu general public license v2.0', 'GPL-2.0-only'],
  ['gnu general public license v3.0', 'GPL-3.0-only'],
  ['gnu lesser general public license v2.1', 'LGPL-2.1-only'],
  ['gnu lesser general public license v3.0', 'LGPL-3.0-only'],
  [
    'gnu general public license (gpl), version 2, with the classpath exception',
    'GPL-2.0-only WITH Classpath-exception-2.0',
  ],
  ['gpl2 w/ cpe', 'GPL-2.0-only WITH Classpath-exception-2.0'],
  // Others seen in real SBOMs and package.json files
  ['mpl 2.0', 'MPL-2.0'],
  ['mozilla public license 2.0', 'MPL-2.0'],
  ['mpl 2.0 or epl 1.0', 'MPL-2.0 OR EPL-1.0'],
  ['eclipse public license 1.0', 'EPL-1.0'],
  ['eclipse public license - v 1.0', 'EPL-1.0'],
  ['eclipse public license v2.0', 'EPL-2.0'],
  ['eclipse public license 2.0', 'EPL-2.0'],
  ['eclipse public license - v 2.0', 'EPL-2.0'],
  ['cddl 1.0', 'CDDL-1.0'],
  ['cc0', 'CC0-1.0'],
  ['cc0 1.0 universal', 'CC0-1.0'],
  ['the unlicense', 'Unlicense'],
  ['psf', 'PSF-2.0'],
  ['python software foundation license', 'PSF-2.0'],
]);

/** The key under which a raw string is looked up: lower-case, whitespace collapsed. */
export function aliasKey(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, ' ');
}
