/**
 * The inputs of the size gate. Defaults live here only (action.yml declares none), so the
 * config file is never overridden by an action.yml default.
 */
import { InputError } from '@aeef/gate-result';
import type { InputSpec, Inputs } from '@aeef/gate-result';
import { compileIgnore } from './ignore-matcher.js';
import { readBoolean, readInteger, readList, readString } from './input-values.js';
import { DEFAULT_SIZES, parseSizes } from './sizes.js';
import type { SizeBound } from './sizes.js';

export const INPUT_SPECS: readonly InputSpec[] = [
  {
    name: 'max-lines',
    kind: 'integer',
    default: '400',
    description: 'Changed lines (added + deleted, after exclusions) above which the gate fails.',
  },
  {
    name: 'warn-lines',
    kind: 'integer',
    default: '200',
    description: 'Changed lines above which the gate warns; at most `max-lines`.',
  },
  {
    name: 'max-files',
    kind: 'integer',
    default: '50',
    description: 'Changed files (after exclusions) above which the gate fails.',
  },
  { name: 'ignore', kind: 'globs', description: 'Globs of files that do not count (commas or newlines).' },
  {
    name: 'label',
    kind: 'boolean',
    default: 'false',
    description: 'Set the `size/*` label on the PR and remove stale ones.',
  },
  {
    name: 'sizes',
    kind: 'string',
    default: DEFAULT_SIZES,
    description: 'Largest line count of each size bucket; above the last is XXL.',
  },
  {
    name: 'github-token',
    kind: 'secret',
    description: 'Token for the REST API (fallback count, labels). Default: the workflow token.',
  },
];

export interface PrSizeConfig {
  maxLines: number;
  warnLines: number;
  maxFiles: number;
  ignore: string[];
  isIgnored: (path: string) => boolean;
  label: boolean;
  sizes: SizeBound[];
}

/** Typed, validated config; throws InputError naming the input. */
export function configurePrSize(inputs: Inputs): PrSizeConfig {
  const maxLines = readInteger(inputs, INPUT_SPECS, 'max-lines');
  const warnLines = readInteger(inputs, INPUT_SPECS, 'warn-lines');
  if (warnLines > maxLines) {
    throw new InputError(
      'warn-lines',
      `Expected \`warn-lines\` to be at most \`max-lines\` (${maxLines}), got \`${warnLines}\`.`,
    );
  }
  const ignore = readList(inputs, INPUT_SPECS, 'ignore');
  return {
    maxLines,
    warnLines,
    maxFiles: readInteger(inputs, INPUT_SPECS, 'max-files'),
    ignore,
    isIgnored: compileIgnore(ignore),
    label: readBoolean(inputs, INPUT_SPECS, 'label'),
    sizes: parseSizes(readString(inputs, INPUT_SPECS, 'sizes') ?? DEFAULT_SIZES),
  };
}
