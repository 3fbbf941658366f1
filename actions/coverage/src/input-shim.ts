/**
 * TEMPORARY: the input helpers `lib` is landing in @aeef/gate-result (same names and messages),
 * so this gate typechecks and tests before they reach main. Deleted when they land.
 */
import { InputError, type Inputs, type InputSpec } from '@aeef/gate-result';
import picomatch from 'picomatch';

const PERCENT = /^(100(\.0+)?|\d{1,2}(\.\d+)?)$/;

function raw(inputs: Inputs, name: string): string | undefined {
  const value = inputs.get(name)?.value.trim();
  return value === undefined || value === '' ? undefined : value;
}

export function getPercent(inputs: Inputs, name: string): number | undefined {
  const value = raw(inputs, name);
  if (value === undefined) return undefined;
  if (!PERCENT.test(value)) {
    throw new InputError(
      name,
      `Expected \`${name}\` to be a number from 0 to 100, got \`${value.slice(0, 40)}\`.`,
    );
  }
  return Number(value);
}

export function getList(inputs: Inputs, name: string): string[] {
  const value = raw(inputs, name);
  return value === undefined
    ? []
    : value
        .split(/[,\r\n]/)
        .map((i) => i.trim())
        .filter((i) => i !== '');
}

export function getGlobs(inputs: Inputs, name: string): string[] | undefined {
  const list = getList(inputs, name);
  return list.length === 0 ? undefined : list;
}

export function compileMatcher(patterns: readonly string[]): (path: string) => boolean {
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const inc = picomatch(include.length > 0 ? include : ['**'], { dot: true, noextglob: true });
  const exc = exclude.length > 0 ? picomatch(exclude, { dot: true, noextglob: true }) : () => false;
  return (path) => inc(path) && !exc(path);
}

export function withDefaults(inputs: Inputs, specs: readonly InputSpec[]): Inputs {
  return {
    get: (name) => {
      const given = inputs.get(name);
      if (given !== undefined && given.value.trim() !== '') return given;
      const d = specs.find((s) => s.name === name)?.default;
      return d === undefined ? undefined : { value: d, source: 'default' };
    },
  };
}
