// SPDX ids are case-insensitive (SPDX 2.3 annex D), in the policy as in packages (issue 11, item
// 5): `MiT` in `allow` is `MIT`, `gpl-3.0-only` in `deny` denies `GPL-3.0-only`, and exception ids
// after WITH and LicenseRef-s match whatever their case.
import { describe, expect, it } from 'vitest';
import { resolveLicense } from '../src/normalise.js';
import { compilePolicy, judgeExpression } from '../src/policy.js';

function judge(license: string, allow: string[], deny: string[] = []): string {
  const resolution = resolveLicense({ kind: 'string', value: license });
  if (!resolution.known) return `unknown: ${resolution.reason}`;
  const judgement = judgeExpression(resolution.expression, compilePolicy(allow, deny));
  return judgement.ok ? 'pass' : judgement.kind;
}

describe('policy ids, case-insensitively', () => {
  it('reads allow entries in any case', () => {
    expect(judge('MIT', ['MiT'])).toBe('pass');
    expect(judge('Apache-2.0 OR GPL-3.0-only', ['apache-2.0'])).toBe('pass');
    expect(judge('mit', ['mit'])).toBe('pass');
    expect(judge('BSD-3-Clause', ['bsd-3-clause and mit', 'bsd-3-clause'])).toBe('pass');
  });

  it('reads deny entries in any case, deprecated ids included', () => {
    expect(judge('GPL-3.0-only', ['MIT', 'GPL-3.0-only'], ['gpl-3.0-only'])).toBe('denied');
    expect(judge('GPL-3.0', ['MIT'], ['gpl-3.0'])).toBe('denied');
    expect(judge('MIT AND AGPL-3.0-or-later', ['MIT'], ['AGPL-3.0-ONLY'])).toBe('denied');
  });

  it('matches exception ids after WITH in any case', () => {
    expect(judge('Apache-2.0 WITH LLVM-exception', ['apache-2.0 with llvm-exception'])).toBe('pass');
    expect(judge('apache-2.0 with llvm-exception', ['Apache-2.0 WITH LLVM-exception'])).toBe('pass');
    expect(
      judge('GPL-2.0-only WITH Classpath-exception-2.0', ['GPL-2.0-only WITH classpath-exception-2.0']),
    ).toBe('pass');
  });

  it('matches LicenseRef ids in any case, so a denied custom license is denied', () => {
    expect(judge('LicenseRef-proprietary', ['MIT'], ['LicenseRef-Proprietary'])).toBe('denied');
    expect(judge('licenseref-proprietary', ['MIT'], ['LicenseRef-Proprietary'])).toBe('denied');
    expect(judge('LicenseRef-Internal', ['licenseref-internal'])).toBe('pass');
  });

  it('still refuses entries that are no SPDX expression', () => {
    expect(() => compilePolicy(['not a license'], [])).toThrow(/invalid entry `not a license`/);
  });
});
