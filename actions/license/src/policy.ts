/**
 * The allow/deny policy over SPDX leaves. Allow: a branch passes when each of its leaves is
 * allowed (or the branch is exactly an allowed combination). Deny: a leaf is denied when every
 * version it offers is denied, and a package is denied when no branch avoids a denied leaf; deny
 * wins over allow. Exceptions (`WITH`) must match exactly to allow; deny ignores them.
 */
import { InputError } from '@aeef/gate-result';
import {
  ExpressionError,
  formatBranch,
  formatLeaf,
  parseExpression,
  type Expression,
  type Leaf,
} from './expression.js';
import { canonicalCase, versionChoices } from './license-ids.js';

export interface Policy {
  /** Single allowed licenses (from allow entries and single-leaf branches of allow expressions). */
  allow: Leaf[];
  /** Exact combinations allowed by allow entries such as `Apache-2.0 AND MIT`. */
  combos: Leaf[][];
  deny: Leaf[];
  /** Allowed licenses that deny also covers: deny wins, and the summary says so (RELIABILITY A5). */
  overlap: string[];
}

export type Judgement =
  { ok: true; branch: Leaf[] } | { ok: false; kind: 'denied' | 'not-allowed'; detail: string };

/** Compiles the lists; throws InputError naming every invalid entry (RELIABILITY A6). */
export function compilePolicy(allow: readonly string[], deny: readonly string[]): Policy {
  const allowed = parseEntries('allow', allow);
  const denied = parseEntries('deny', deny);
  const single = (e: { expr: Expression }): Leaf | undefined =>
    e.expr.branches.length === 1 && e.expr.branches[0]?.length === 1 ? e.expr.branches[0][0] : undefined;
  const compound = denied.filter((e) => single(e) === undefined);
  if (compound.length > 0) {
    throw new InputError(
      'deny',
      `Expected \`deny\` to list single SPDX license ids, got the expression(s) ${compound.map((e) => `\`${e.entry}\``).join(', ')}.`,
    );
  }
  const policy: Policy = { allow: [], combos: [], deny: denied.flatMap((e) => single(e) ?? []), overlap: [] };
  for (const { expr } of allowed) {
    for (const branch of expr.branches) {
      const [only] = branch;
      if (branch.length === 1 && only !== undefined) policy.allow.push(only);
      else policy.combos.push(branch);
    }
  }
  policy.overlap = policy.allow.filter((leaf) => isDenied(leaf, policy.deny)).map(formatLeaf);
  return policy;
}

function parseEntries(input: string, entries: readonly string[]): { entry: string; expr: Expression }[] {
  const parsed: { entry: string; expr: Expression }[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    try {
      // SPDX ids are case-insensitive: `MiT` in a policy is `MIT`.
      parsed.push({ entry, expr: parseExpression(canonicalCase(entry)) });
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      invalid.push(entry);
    }
  }
  if (invalid.length > 0) {
    throw new InputError(
      input,
      `Expected \`${input}\` to hold SPDX license ids or expressions, got the invalid ${invalid.length === 1 ? 'entry' : 'entries'} ${invalid.map((e) => `\`${e}\``).join(', ')}.`,
    );
  }
  return parsed;
}

/** Judges an expression: the first branch that passes, else why none does. */
export function judgeExpression(expression: Expression, policy: Policy): Judgement {
  let deniedBranches = 0;
  let closest: { missing: Leaf[] } | undefined;
  for (const branch of expression.branches) {
    if (branch.some((leaf) => isDenied(leaf, policy.deny))) {
      deniedBranches++;
      continue;
    }
    const missing = branch.filter((leaf) => !policy.allow.some((a) => allows(a, leaf)));
    if (missing.length === 0 || policy.combos.some((combo) => matchesCombo(branch, combo))) {
      return { ok: true, branch };
    }
    if (closest === undefined || missing.length < closest.missing.length) closest = { missing };
  }
  if (closest === undefined) {
    const denied = expression.branches.flat().filter((leaf) => isDenied(leaf, policy.deny));
    const names = [...new Set(denied.map(formatLeaf))].join(', ');
    const detail =
      expression.branches.length > 1 ? `denied: no alternative avoids ${names}` : `denied: ${names}`;
    return { ok: false, kind: 'denied', detail };
  }
  const alternatives = deniedBranches > 0 ? '; the other alternatives are denied' : '';
  return {
    ok: false,
    kind: 'not-allowed',
    detail: `not allowed: ${formatBranch(closest.missing)}${alternatives}`,
  };
}

/** `allowed` permits `leaf` when a version the leaf offers is one `allowed` grants, exception equal. */
function allows(allowed: Leaf, leaf: Leaf): boolean {
  if (allowed.exception?.toLowerCase() !== leaf.exception?.toLowerCase()) return false;
  const granted = choices(allowed);
  return choices(leaf).some((v) => granted.includes(v));
}

/** Versions a leaf offers, lower-cased: ids (LicenseRef-s too) compare case-insensitively. */
function choices(leaf: Leaf): string[] {
  return versionChoices(leaf.base, leaf.orLater).map((v) => v.toLowerCase());
}

/** Every version the leaf offers is denied (its exception grants more, never less, so it is ignored). */
function isDenied(leaf: Leaf, deny: readonly Leaf[]): boolean {
  if (deny.length === 0) return false;
  const denied = new Set(deny.flatMap(choices));
  return choices(leaf).every((v) => denied.has(v));
}

function matchesCombo(branch: readonly Leaf[], combo: readonly Leaf[]): boolean {
  return (
    branch.length === combo.length &&
    branch.every((leaf) => combo.some((c) => allows(c, leaf))) &&
    combo.every((c) => branch.some((leaf) => allows(c, leaf)))
  );
}
