// The table "SPDX expression behavior compared" of the project's design note SPDX.md, as test
// vectors. Where spdx-satisfies v6 (dependency-review-action's engine) is right, it is the oracle
// and must agree; the rows where it is known wrong (deny, expression allow entries) state the
// correct answer.
import { InputError } from '@aeef/gate-result';
import fc from 'fast-check';
import satisfies from 'spdx-satisfies';
import { describe, expect, it } from 'vitest';
import { formatBranch, parseExpression } from '../src/expression.js';
import { resolveLicense } from '../src/normalise.js';
import { compilePolicy, judgeExpression } from '../src/policy.js';

type Expected = 'pass' | 'not-allowed' | 'denied';

interface Vector {
  license: string;
  allow: string[];
  deny?: string[];
  expected: Expected;
  /** The branch shown as satisfying the policy. */
  chosen?: string;
  /** spdx-satisfies agrees (only meaningful for allow-only rows with single-id allow entries). */
  oracle: boolean;
}

const VECTORS: Vector[] = [
  { license: 'MIT OR GPL-3.0-only', allow: ['MIT'], expected: 'pass', chosen: 'MIT', oracle: true },
  { license: '(MIT OR GPL-3.0-only)', allow: ['MIT'], expected: 'pass', chosen: 'MIT', oracle: true },
  { license: 'MIT AND GPL-3.0-only', allow: ['MIT'], expected: 'not-allowed', oracle: true },
  // DRA misses this (single-license DNF branches only): deny must catch AND.
  {
    license: 'MIT AND GPL-3.0-only',
    allow: ['MIT', 'GPL-3.0-only'],
    deny: ['GPL-3.0-only'],
    expected: 'denied',
    oracle: false,
  },
  // DRA flags this (the inverse of correct): a choice that avoids the denied license exists.
  {
    license: 'MIT OR GPL-3.0-only',
    allow: ['MIT'],
    deny: ['GPL-3.0-only'],
    expected: 'pass',
    chosen: 'MIT',
    oracle: false,
  },
  { license: 'LGPL-2.1-only', allow: ['GPL-2.0-only'], expected: 'not-allowed', oracle: true },
  { license: 'GPL-2.0', allow: ['GPL-2.0-only'], expected: 'pass', chosen: 'GPL-2.0-only', oracle: true },
  {
    license: 'GPL-2.0-or-later',
    allow: ['GPL-3.0-only'],
    expected: 'pass',
    chosen: 'GPL-2.0-or-later',
    oracle: true,
  },
  { license: 'GPL-2.0+', allow: ['GPL-3.0-only'], expected: 'pass', oracle: true },
  { license: 'GPL-3.0-or-later', allow: ['GPL-3.0-only'], expected: 'pass', oracle: true },
  { license: 'GPL-3.0-only', allow: ['GPL-2.0-only'], expected: 'not-allowed', oracle: true },
  { license: 'GPL-3.0-only', allow: ['GPL-2.0-or-later'], expected: 'pass', oracle: true },
  // WITH is strict: the exception must be allowed as written.
  { license: 'Apache-2.0 WITH LLVM-exception', allow: ['Apache-2.0'], expected: 'not-allowed', oracle: true },
  {
    license: 'Apache-2.0 WITH LLVM-exception',
    allow: ['Apache-2.0 WITH LLVM-exception'],
    expected: 'pass',
    oracle: true,
  },
  // Deny ignores exceptions: GPL with an exception is still GPL.
  {
    license: 'GPL-2.0-only WITH Classpath-exception-2.0',
    allow: ['MIT'],
    deny: ['GPL-2.0-only'],
    expected: 'denied',
    oracle: false,
  },
  // Deny of one version leaves the other choices of an or-later license.
  {
    license: 'GPL-2.0-or-later',
    allow: ['GPL-2.0-only'],
    deny: ['GPL-3.0-only'],
    expected: 'pass',
    oracle: false,
  },
  { license: 'GPL-3.0-or-later', allow: ['MIT'], deny: ['GPL-3.0-only'], expected: 'denied', oracle: false },
  // Allow entries may be expressions: that exact combination (spdx-satisfies throws on them).
  { license: 'MIT AND Apache-2.0', allow: ['Apache-2.0 AND MIT'], expected: 'pass', oracle: false },
  { license: 'MIT', allow: ['Apache-2.0 AND MIT'], expected: 'not-allowed', oracle: false },
  {
    license: 'MIT AND Apache-2.0 AND ISC',
    allow: ['Apache-2.0 AND MIT'],
    expected: 'not-allowed',
    oracle: false,
  },
  {
    license: '(MIT AND Zlib)',
    allow: ['MIT', 'Zlib'],
    expected: 'pass',
    chosen: 'MIT AND Zlib',
    oracle: true,
  },
  { license: 'LicenseRef-1 AND Apache-2.0', allow: ['Apache-2.0'], expected: 'not-allowed', oracle: false },
];

function run(v: Vector): { outcome: Expected; chosen?: string } {
  const resolution = resolveLicense({ kind: 'string', value: v.license });
  if (!resolution.known) throw new Error(`vector ${v.license} did not resolve: ${resolution.reason}`);
  const judgement = judgeExpression(resolution.expression, compilePolicy(v.allow, v.deny ?? []));
  return judgement.ok
    ? { outcome: 'pass', chosen: formatBranch(judgement.branch) }
    : { outcome: judgement.kind };
}

describe(judgeExpression.name, () => {
  it.each(VECTORS)('$license with allow $allow deny $deny → $expected', (v) => {
    const actual = run(v);
    expect(actual.outcome).toBe(v.expected);
    if (v.chosen !== undefined) expect(actual.chosen).toBe(v.chosen);
    if (v.oracle) expect(satisfies(v.license, v.allow)).toBe(v.expected === 'pass');
  });

  it('agrees with spdx-satisfies on random OR/AND expressions over single-version ids', () => {
    const ids = [
      'MIT',
      'ISC',
      'Apache-2.0',
      'BSD-3-Clause',
      'GPL-3.0-only',
      'LGPL-2.1-only',
      'MPL-2.0',
      'Zlib',
    ];
    const leaf = fc.constantFrom(...ids);
    const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(tie('e'), fc.constantFrom('AND', 'OR'), tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`),
      ),
    })).e;
    fc.assert(
      fc.property(expr, fc.subarray(ids, { minLength: 1 }), (license, allow) => {
        const ours = judgeExpression(parseExpression(license), compilePolicy(allow, [])).ok;
        expect(ours).toBe(satisfies(license, allow));
      }),
      { numRuns: 300 },
    );
  });
});

describe(compilePolicy.name, () => {
  it('lists every invalid allow entry in one InputError (RELIABILITY A6)', () => {
    expect(() => compilePolicy(['MIT2', 'MIT', 'GPL'], [])).toThrow(InputError);
    expect(() => compilePolicy(['MIT2', 'MIT', 'GPL'], [])).toThrow(/`MIT2`, `GPL`/);
  });

  it('rejects an invalid or compound deny entry', () => {
    expect(() => compilePolicy(['MIT'], ['GPL'])).toThrow(/`deny`.*`GPL`/);
    expect(() => compilePolicy(['MIT'], ['GPL-3.0-only OR MIT'])).toThrow(/single SPDX license ids/);
  });

  it('lets deny win over allow and records the overlap (RELIABILITY A5)', () => {
    const policy = compilePolicy(['MIT', 'GPL-3.0-only'], ['GPL-3.0-only']);
    expect(policy.overlap).toEqual(['GPL-3.0-only']);
    expect(judgeExpression(parseExpression('GPL-3.0-only'), policy)).toMatchObject({
      ok: false,
      kind: 'denied',
    });
    expect(judgeExpression(parseExpression('MIT'), policy).ok).toBe(true);
  });
});

describe(parseExpression.name, () => {
  it('maps deprecated ids and says so', () => {
    const e = parseExpression('GPL-2.0+ OR LGPL-2.1');
    expect(e.text).toBe('GPL-2.0-or-later OR LGPL-2.1-only');
    expect(e.notes).toHaveLength(2);
  });

  it('caps the expansion of AND over OR', () => {
    const pairs = Array.from({ length: 10 }, () => '(MIT OR ISC)').join(' AND ');
    expect(() => parseExpression(pairs)).toThrow(/more than 256 alternatives/);
  });
});
