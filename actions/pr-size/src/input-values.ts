/**
 * Strict readers for this gate's inputs, with the p-map style message. They apply the InputSpec
 * default themselves so that config() gives the same answer whether or not the runtime already
 * overlaid defaults. (The library's getInteger/getBoolean/getList replace these when they land.)
 */
import { InputError } from '@aeef/gate-result';
import type { InputSpec, Inputs } from '@aeef/gate-result';

const INTEGER = /^(0|[1-9]\d{0,8})$/;

function raw(inputs: Inputs, spec: InputSpec): string | undefined {
  const value = inputs.get(spec.name)?.value.trim();
  return value === undefined || value === '' ? spec.default : value;
}

function specOf(specs: readonly InputSpec[], name: string): InputSpec {
  const spec = specs.find((s) => s.name === name);
  if (!spec) throw new Error(`No input spec named ${name}.`);
  return spec;
}

/** A strict non-negative integer (no sign, exponent, percent or hex); required when no default. */
export function readInteger(inputs: Inputs, specs: readonly InputSpec[], name: string): number {
  const value = raw(inputs, specOf(specs, name));
  if (value === undefined || !INTEGER.test(value)) {
    throw new InputError(
      name,
      `Expected \`${name}\` to be a whole number of 0 or more, got \`${value ?? ''}\`.`,
    );
  }
  return Number(value);
}

/** `true` or `false` only (YAML 1.2 core schema, as the toolkit's getBooleanInput). */
export function readBoolean(inputs: Inputs, specs: readonly InputSpec[], name: string): boolean {
  const value = raw(inputs, specOf(specs, name));
  if (value === 'true' || value === 'True' || value === 'TRUE') return true;
  if (value === 'false' || value === 'False' || value === 'FALSE') return false;
  throw new InputError(name, `Expected \`${name}\` to be \`true\` or \`false\`, got \`${value ?? ''}\`.`);
}

/** Items split on commas or newlines, trimmed, empty ones dropped; [] when unset. */
export function readList(inputs: Inputs, specs: readonly InputSpec[], name: string): string[] {
  const value = raw(inputs, specOf(specs, name)) ?? '';
  return value
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The raw string, or the default. */
export function readString(inputs: Inputs, specs: readonly InputSpec[], name: string): string | undefined {
  return raw(inputs, specOf(specs, name));
}
