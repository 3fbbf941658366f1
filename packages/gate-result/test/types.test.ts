/** Type-level tests of the public API (tsd-style, checked by `npm run typecheck`). */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Inputs } from '../src/gate.js';
import { escapeMarkdownClipped } from '../src/escape.js';
import { getBoolean, getEnum, getGlobs, getList, getPercent, requireInput } from '../src/inputs.js';
import { compileMatcher } from '../src/globs.js';

describe('public types', () => {
  it('getters return undefined when unset, lists excepted', () => {
    expectTypeOf(getPercent).returns.toEqualTypeOf<number | undefined>();
    expectTypeOf(getBoolean).returns.toEqualTypeOf<boolean | undefined>();
    expectTypeOf(getList).returns.toEqualTypeOf<string[]>();
    expectTypeOf(getGlobs).returns.toEqualTypeOf<string[] | undefined>();
    expectTypeOf(compileMatcher).returns.toEqualTypeOf<(path: string) => boolean>();
  });

  it('getEnum narrows to the listed literals, requireInput removes undefined', () => {
    const inputs: Inputs = { get: () => ({ value: 'warn', source: 'input' }) };
    const policy = getEnum(inputs, 'if-missing', ['fail', 'warn', 'skip']);
    expectTypeOf(policy).toEqualTypeOf<'fail' | 'warn' | 'skip' | undefined>();
    expectTypeOf(requireInput('if-missing', policy)).toEqualTypeOf<'fail' | 'warn' | 'skip'>();
  });
});

describe(escapeMarkdownClipped.name, () => {
  it('never cuts an astral character in half', () => {
    const text = `${'a'.repeat(9)}😀 tail`;
    expectTypeOf(escapeMarkdownClipped(text, 10)).toBeString();
    expect(escapeMarkdownClipped(text, 10)).toBe(`${'a'.repeat(9)}…`);
  });
});
