/**
 * Typed, strict input parsing. Every getter returns `undefined` when the input is unset (blank
 * counts as unset, as on the runner) and throws `InputError` with a p-map-style sentence otherwise.
 * `Number()` is never used on raw text: `Number('') === 0` and `Number('0x50') === 80` would turn a
 * typo into a threshold (RELIABILITY A1/A2).
 */
import { InputError } from './errors.js';
import type { Inputs } from './gate.js';
import { validatePattern } from './globs.js';

const PERCENT = /^(100(\.0+)?|\d{1,2}(\.\d+)?)$/;
const DECIMAL = /^\d{1,15}(\.\d{1,15})?$/;
const INTEGER = /^\d{1,15}$/;
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];

/** The trimmed raw value, or `undefined` when unset or blank. */
function raw(inputs: Inputs, name: string): string | undefined {
  const value = inputs.get(name)?.value.trim();
  return value === undefined || value === '' ? undefined : value;
}

/**
 * How a bad value is quoted back: short, single-line, and never something that looks like a token
 * (a user may paste one into the wrong input).
 */
export function quoteValue(value: string): string {
  if (/gh[pousr]_|github_pat_|^[A-Za-z0-9+/=_-]{32,}$/.test(value)) return '`<redacted>`';
  // eslint-disable-next-line no-control-regex -- control characters are what we remove
  const line = value.replace(/[\u0000-\u001f\u007f-\u009f`]/g, ' ');
  return `\`${line.length > 40 ? `${line.slice(0, 40)}...` : line}\``;
}

function invalid(name: string, expected: string, value: string): InputError {
  return new InputError(name, `Expected \`${name}\` to be ${expected}, got ${quoteValue(value)}.`);
}

/** A percentage written as a plain decimal from 0 to 100 (`80`, `79.5`; not `80%`, `1e2`, `0x50`). */
export function getPercent(inputs: Inputs, name: string): number | undefined {
  const value = raw(inputs, name);
  if (value === undefined) return undefined;
  if (!PERCENT.test(value)) throw invalid(name, 'a number from 0 to 100', value);
  return Number(value);
}

export interface NumberRange {
  min?: number;
  max?: number;
}

function describeRange(kind: string, { min = 0, max }: NumberRange): string {
  return max === undefined ? `${kind} of at least ${min}` : `${kind} from ${min} to ${max}`;
}

function checkRange(name: string, kind: string, value: string, parsed: number, range: NumberRange): number {
  const { min = 0, max } = range;
  if (!Number.isFinite(parsed) || parsed < min || (max !== undefined && parsed > max)) {
    throw invalid(name, describeRange(kind, range), value);
  }
  return parsed;
}

/** A non-negative plain decimal (no sign, exponent, hex, separators or units), within the range. */
export function getNumber(inputs: Inputs, name: string, range: NumberRange = {}): number | undefined {
  const value = raw(inputs, name);
  if (value === undefined) return undefined;
  if (!DECIMAL.test(value)) throw invalid(name, describeRange('a number', range), value);
  return checkRange(name, 'a number', value, Number(value), range);
}

/** A non-negative whole number written in digits only, within the range. */
export function getInteger(inputs: Inputs, name: string, range: NumberRange = {}): number | undefined {
  const value = raw(inputs, name);
  if (value === undefined) return undefined;
  if (!INTEGER.test(value)) throw invalid(name, describeRange('a whole number', range), value);
  return checkRange(name, 'a whole number', value, Number(value), range);
}

/** Exactly the spellings the toolkit's `getBooleanInput` accepts; `yes`, `1`, `on` are errors. */
export function getBoolean(inputs: Inputs, name: string): boolean | undefined {
  const value = raw(inputs, name);
  if (value === undefined) return undefined;
  if (TRUE_VALUES.includes(value)) return true;
  if (FALSE_VALUES.includes(value)) return false;
  throw invalid(name, '`true` or `false`', value);
}

/** One of `values`, matched exactly. */
export function getEnum<const T extends string>(
  inputs: Inputs,
  name: string,
  values: readonly T[],
): T | undefined {
  const value = raw(inputs, name);
  if (value === undefined) return undefined;
  const found = values.find((v) => v === value);
  if (found === undefined) {
    throw invalid(name, `one of ${values.map((v) => `\`${v}\``).join(', ')}`, value);
  }
  return found;
}

/** Items split on commas or newlines, trimmed, empty items dropped; `[]` when unset. */
export function getList(inputs: Inputs, name: string): string[] {
  const value = raw(inputs, name);
  if (value === undefined) return [];
  return value
    .split(/[,\r\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** The trimmed text as given. */
export function getString(inputs: Inputs, name: string): string | undefined {
  return raw(inputs, name);
}

/**
 * A list of glob patterns (see globs.ts for the syntax), validated now so that a bad pattern is an
 * input error before any file is read. Commas inside braces (`{a,b}`) do not split the list.
 */
export function getGlobs(inputs: Inputs, name: string): string[] | undefined {
  const value = raw(inputs, name);
  if (value === undefined) return undefined;
  const patterns = splitOutsideBraces(value);
  // Absolute paths are checked against the workspace when files are listed (runtime/glob-files.ts).
  for (const pattern of patterns) validatePattern(pattern, name, { allowAbsolute: true });
  return patterns;
}

function splitOutsideBraces(value: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of value) {
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    if ((c === ',' && depth === 0) || c === '\n' || c === '\r') {
      items.push(current);
      current = '';
    } else current += c;
  }
  items.push(current);
  return items.map((i) => i.trim()).filter((i) => i !== '');
}

/** Throws the "required" error for an input that has no value and no default. */
export function requireInput<T>(name: string, value: T | undefined, expected = 'set'): T {
  if (value === undefined) {
    throw new InputError(name, `Expected \`${name}\` to be ${expected}, but it is empty or unset.`);
  }
  return value;
}
