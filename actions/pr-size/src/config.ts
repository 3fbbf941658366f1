/**
 * The inputs of the size gate. Defaults live here only (action.yml declares none), so the
 * config file is never overridden by an action.yml default.
 */
import {
  InputError,
  compileMatcher,
  getBoolean,
  getGlobs,
  getInteger,
  getString,
  requireInput,
  withDefaults,
} from '@aeef/gate-result';
import type { InputSpec, Inputs, PathMatcher } from '@aeef/gate-result';
import { DEFAULT_SIZES, parseSizes } from './sizes.js';
import type { SizeBound } from './sizes.js';

export const INPUT_SPECS: readonly InputSpec[] = [
  {
    name: 'max-lines',
    kind: 'integer',
    default: '400',
    description:
      'Changed lines (added + deleted, after exclusions) above which the gate fails. Default: 400.',
  },
  {
    name: 'warn-lines',
    kind: 'integer',
    default: '200',
    description: 'Changed lines above which the gate warns; at most `max-lines`. Default: 200.',
  },
  {
    name: 'max-files',
    kind: 'integer',
    default: '50',
    description: 'Changed files (after exclusions) above which the gate fails. Default: 50.',
  },
  {
    name: 'ignore',
    kind: 'globs',
    description: 'Globs of files that do not count, separated by commas or newlines. Default: none.',
  },
  {
    name: 'label',
    kind: 'boolean',
    default: 'false',
    description: 'Set the `size/*` label on the PR and remove stale ones. Default: false.',
  },
  {
    name: 'sizes',
    kind: 'string',
    default: DEFAULT_SIZES,
    description: `Largest line count of each size bucket; above the last is XXL. Default: ${DEFAULT_SIZES}.`,
  },
];

export interface PrSizeConfig {
  maxLines: number;
  warnLines: number;
  maxFiles: number;
  ignore: string[];
  isIgnored: PathMatcher;
  label: boolean;
  sizes: SizeBound[];
}

/** Typed, validated config; throws InputError naming the input. */
export function configurePrSize(given: Inputs): PrSizeConfig {
  // The runtime overlays the defaults already; doing it again keeps direct callers (CLI, tests) equal.
  const inputs = withDefaults(given, INPUT_SPECS);
  const integer = (name: string): number => requireInput(name, getInteger(inputs, name), 'a whole number');
  const maxLines = integer('max-lines');
  const warnLines = integer('warn-lines');
  if (warnLines > maxLines) {
    throw new InputError(
      'warn-lines',
      `Expected \`warn-lines\` to be at most \`max-lines\` (${maxLines}), got \`${warnLines}\`.`,
    );
  }
  const ignore = getGlobs(inputs, 'ignore') ?? [];
  return {
    maxLines,
    warnLines,
    maxFiles: integer('max-files'),
    ignore,
    isIgnored: ignore.length > 0 ? compileMatcher(ignore, 'ignore') : () => false,
    label: requireInput('label', getBoolean(inputs, 'label'), '`true` or `false`'),
    sizes: parseSizes(getString(inputs, 'sizes') ?? DEFAULT_SIZES),
  };
}
