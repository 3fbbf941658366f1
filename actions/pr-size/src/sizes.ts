/**
 * Size buckets: each named bound is the largest line count of its bucket (inclusive); anything
 * above the last bound is XXL.
 */
import { InputError } from '@aeef/gate-result';

export const SIZE_NAMES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
export type SizeName = (typeof SIZE_NAMES)[number];

export interface SizeBound {
  name: SizeName;
  max: number;
}

export const DEFAULT_SIZES = 'XS:10,S:50,M:200,L:500,XL:1000';

const BOUNDED: readonly SizeName[] = SIZE_NAMES.slice(0, -1);
const ENTRY = /^(XS|S|M|L|XL):(0|[1-9]\d{0,8})$/;

/**
 * Parses `XS:10,S:50,...`: known names in order, each at most once, bounds strictly increasing.
 * XXL has no bound (it is everything above the last one).
 */
export function parseSizes(text: string): SizeBound[] {
  const entries = text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const fail = (why: string): never => {
    throw new InputError(
      'sizes',
      `Expected \`sizes\` to be like \`${DEFAULT_SIZES}\`, got \`${text}\` (${why}).`,
    );
  };
  if (entries.length === 0) fail('no bucket');
  const bounds: SizeBound[] = [];
  for (const entry of entries) {
    const m = ENTRY.exec(entry.replace(/\s*:\s*/, ':'));
    if (!m) return fail(`\`${entry}\` is not NAME:LINES with NAME one of ${BOUNDED.join(', ')}`);
    const bound: SizeBound = { name: m[1] as SizeName, max: Number(m[2]) };
    const last = bounds[bounds.length - 1];
    if (last && BOUNDED.indexOf(bound.name) <= BOUNDED.indexOf(last.name)) {
      fail(`${bound.name} must come after ${last.name}, once`);
    }
    if (last && bound.max <= last.max)
      fail(`${bound.name}:${bound.max} must be above ${last.name}:${last.max}`);
    bounds.push(bound);
  }
  return bounds;
}

/** The bucket of a line count; XXL above the last bound. */
export function classifySize(lines: number, bounds: readonly SizeBound[]): SizeName {
  for (const bound of bounds) if (lines <= bound.max) return bound.name;
  return 'XXL';
}

/** The label for a bucket, and whether a label is one of ours (so stale ones can be removed). */
export function sizeLabel(size: SizeName): string {
  return `size/${size}`;
}

export function isSizeLabel(label: string): boolean {
  return SIZE_NAMES.some((name) => label === sizeLabel(name));
}
