// Non-SPDX strings: only the curated table and unambiguous spelling fixes, each shown; everything
// else, and the special values, are unknown (RELIABILITY B28; the parser is spdx-expression-parse).
import { describe, expect, it } from 'vitest';
import { resolveLicense, type RawLicense } from '../src/normalise.js';

const str = (value: string): RawLicense => ({ kind: 'string', value });

describe(resolveLicense.name, () => {
  it.each([
    ['Apache 2.0', 'Apache-2.0', /curated table/],
    ['MIT/X11', 'MIT', /curated table/],
    ['BSD', 'BSD-3-Clause', /curated table/],
    ['The Apache Software License, Version 2.0', 'Apache-2.0', /curated table/],
    ['Unlicense/MIT', 'Unlicense OR MIT', /read as OR/],
    ['mit', 'MIT', /case-insensitive/],
    ['apache-2.0 or mit', 'Apache-2.0 OR MIT', /case-insensitive/],
  ])('normalises %s to %s and shows it', (raw, expected, how) => {
    const r = resolveLicense(str(raw));
    expect(r.known && r.expression.text).toBe(expected);
    expect(r.known && r.expression.notes.join(' ')).toMatch(how);
  });

  it.each([
    [str('UNLICENSED'), /UNLICENSED/],
    [str('SEE LICENSE IN LICENSE'), /custom license/],
    [str('NOASSERTION'), /NOASSERTION/],
    [str('NONE'), /NONE/],
    [str('UNKNOWN'), /UNKNOWN/],
    [str(''), /empty/],
    [str('   '), /empty/],
    [str('MIT OR'), /not a valid SPDX expression/],
    [str('GPL'), /not a valid SPDX expression/],
    [str('Commercial'), /not a valid SPDX expression/],
    [str('Apache'), /not a valid SPDX expression/],
    [{ kind: 'missing' }, /no license declared/],
    [{ kind: 'list', values: ['MIT', 'Public Domain'], join: 'OR', why: 'x' }, /Public Domain/],
  ] as [RawLicense, RegExp][])('%j is unknown', (raw, reason) => {
    const r = resolveLicense(raw);
    expect(r.known).toBe(false);
    expect(!r.known && r.reason).toMatch(reason);
  });

  it('reads a legacy list with the join given and says why', () => {
    const r = resolveLicense({ kind: 'list', values: ['MIT', 'Apache2'], join: 'OR', why: 'legacy array' });
    expect(r.known && r.expression.text).toBe('MIT OR Apache-2.0');
    expect(r.known && r.expression.notes).toContain('legacy array');
  });

  it('never guesses by substring (spdx-correct maps these)', () => {
    for (const raw of ['GPL-ish', 'Apache-like license', 'MIT-style', 'BSD-like']) {
      expect(resolveLicense(str(raw)).known).toBe(false);
    }
  });

  it('does not hang on long or hostile strings', () => {
    expect(resolveLicense(str('('.repeat(5000))).known).toBe(false);
    expect(resolveLicense(str(`${'MIT OR '.repeat(400)}MIT`)).known).toBe(false);
  });
});
