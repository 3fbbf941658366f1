/**
 * SPDX expressions reduced to what a policy decision needs: disjunctive normal form. Each branch
 * is one way to comply (every leaf of it applies), so `OR` offers a choice and `AND` does not.
 */
import parse, { type ExpressionNode } from 'spdx-expression-parse';
import { DEPRECATED_MAP, hasGnuSuffixes } from './license-ids.js';

/** One license term, with the version choice made explicit. */
export interface Leaf {
  /** The id without `-only` / `-or-later` / `+` (`GPL-2.0`, `MIT`, `LicenseRef-x`). */
  base: string;
  orLater: boolean;
  exception?: string;
}

export interface Expression {
  /** The expression after deprecated ids are mapped, as shown to people. */
  text: string;
  /** Alternatives; each is a set of leaves that all apply. */
  branches: Leaf[][];
  /** Each mapping applied (`GPL-2.0` read as `GPL-2.0-only`). */
  notes: string[];
}

/** An expression the SPDX grammar or our size caps reject. */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
}

/** Longest expression accepted; real ones are far shorter, and the DNF of a long one explodes. */
export const MAX_EXPRESSION_LENGTH = 1000;
/** Cap on DNF branches, so `(A OR B) AND (C OR D) AND ...` cannot exhaust memory. */
export const MAX_BRANCHES = 256;

type Tree = { leaf: Leaf } | { op: 'and' | 'or'; left: Tree; right: Tree };

/** Parses and maps an SPDX expression; throws `ExpressionError` when it is not one. */
export function parseExpression(source: string): Expression {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(`longer than ${MAX_EXPRESSION_LENGTH} characters`);
  }
  const notes: string[] = [];
  const tree = toTree(parseSpdx(source), notes);
  return { text: renderTree(tree, undefined), branches: toBranches(tree), notes };
}

function parseSpdx(source: string): ExpressionNode {
  try {
    return parse(source);
  } catch (error) {
    // The parser's own messages are terse ("Unexpected `m` at offset 0") but safe to show.
    throw new ExpressionError(error instanceof Error ? error.message : 'not an SPDX expression');
  }
}

function toTree(node: ExpressionNode, notes: string[]): Tree {
  if ('conjunction' in node) {
    return { op: node.conjunction, left: toTree(node.left, notes), right: toTree(node.right, notes) };
  }
  const mapped = DEPRECATED_MAP[node.license];
  if (mapped !== undefined) {
    const tree = toTree(parseSpdx(mapped), []);
    if ('leaf' in tree) {
      if (node.plus) tree.leaf.orLater = true;
      if (node.exception !== undefined) tree.leaf.exception ??= node.exception;
    }
    const original = `${node.license}${node.plus ? '+' : ''}`;
    notes.push(`\`${original}\` is a deprecated SPDX id: read as \`${renderTree(tree, undefined)}\``);
    return tree;
  }
  return { leaf: toLeaf(node.license, node.plus === true, node.exception) };
}

function toLeaf(id: string, plus: boolean, exception: string | undefined): Leaf {
  let base = id;
  let orLater = plus;
  if (id.endsWith('-or-later')) {
    base = id.slice(0, -'-or-later'.length);
    orLater = true;
  } else if (id.endsWith('-only')) {
    base = id.slice(0, -'-only'.length);
  }
  return exception === undefined ? { base, orLater } : { base, orLater, exception };
}

/** The leaf as SPDX spells it today (`GPL-2.0-or-later`, `MPL-1.1+`, `X WITH Y`). */
export function formatLeaf(leaf: Leaf): string {
  const gnu = hasGnuSuffixes(leaf.base);
  const id = gnu
    ? `${leaf.base}${leaf.orLater ? '-or-later' : '-only'}`
    : `${leaf.base}${leaf.orLater ? '+' : ''}`;
  return leaf.exception === undefined ? id : `${id} WITH ${leaf.exception}`;
}

/** A branch as an `AND` expression, e.g. the one that satisfied the policy. */
export function formatBranch(branch: readonly Leaf[]): string {
  return branch.map(formatLeaf).join(' AND ');
}

function renderTree(tree: Tree, parentOp: 'and' | 'or' | undefined): string {
  if ('leaf' in tree) return formatLeaf(tree.leaf);
  const text = `${renderTree(tree.left, tree.op)} ${tree.op.toUpperCase()} ${renderTree(tree.right, tree.op)}`;
  return parentOp !== undefined && parentOp !== tree.op ? `(${text})` : text;
}

function toBranches(tree: Tree): Leaf[][] {
  if ('leaf' in tree) return [[tree.leaf]];
  const left = toBranches(tree.left);
  const right = toBranches(tree.right);
  if (tree.op === 'or') return capped([...left, ...right]);
  if (left.length * right.length > MAX_BRANCHES) throw tooComplex();
  return left.flatMap((a) => right.map((b) => dedupe([...a, ...b])));
}

function capped(branches: Leaf[][]): Leaf[][] {
  if (branches.length > MAX_BRANCHES) throw tooComplex();
  return branches;
}

function tooComplex(): ExpressionError {
  return new ExpressionError(`expands to more than ${MAX_BRANCHES} alternatives`);
}

function dedupe(branch: Leaf[]): Leaf[] {
  const seen = new Set<string>();
  return branch.filter((leaf) => {
    const key = formatLeaf(leaf);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
