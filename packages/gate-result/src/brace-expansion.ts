/**
 * Brace expansion for globs (`src/{a,b/{c,d}}` → three patterns), capped: a pattern that expands
 * to more alternatives, or nests deeper, is an input error rather than a slow match.
 */
import { InputError } from './errors.js';

/** Expands `{a,b}` groups (nested too). Numeric ranges (`{1..9}`) are not expanded: they stay literal. */
export function expandBraces(pattern: string, inputName: string, maxExpansions: number): string[] {
  let results = [pattern];
  for (let guard = 0; guard < 64; guard++) {
    const next: string[] = [];
    let changed = false;
    for (const p of results) {
      const group = findBraceGroup(p);
      if (!group) {
        next.push(p);
        continue;
      }
      changed = true;
      const [start, end, options] = group;
      for (const option of options) next.push(p.slice(0, start) + option + p.slice(end + 1));
      if (next.length > maxExpansions) {
        throw new InputError(
          inputName,
          `Expected \`${inputName}\` to expand to at most ${maxExpansions} alternatives (pattern too complex).`,
        );
      }
    }
    results = next;
    if (!changed) return results;
  }
  throw new InputError(
    inputName,
    `Expected \`${inputName}\` to nest braces less deeply (pattern too complex).`,
  );
}

/** The first top-level `{...}` group holding a comma: [start, end, options]. */
function findBraceGroup(p: string): [number, number, string[]] | undefined {
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '\\') {
      i++;
      continue;
    }
    if (p[i] !== '{') continue;
    let depth = 0;
    let last = i + 1;
    const options: string[] = [];
    for (let j = i; j < p.length; j++) {
      const c = p[j];
      if (c === '\\') j++;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        options.push(p.slice(last, j));
        if (options.length > 1) return [i, j, options];
        break;
      } else if (c === ',' && depth === 1) {
        options.push(p.slice(last, j));
        last = j + 1;
      }
    }
  }
  return undefined;
}
