/**
 * Per-package exceptions (`name@range: reason`): a reviewed decision to accept one package
 * whatever its license. Names match exactly, byte for byte (no case folding, no Unicode
 * normalisation: `Lodash` or a Cyrillic `а` is another package, RELIABILITY B30).
 */
import { InputError } from '@aeef/gate-result';
import semver from 'semver';

export interface PackageException {
  /** The line as written, for the summary. */
  line: string;
  name: string;
  range: string;
  reason: string;
}

/** Parses `exceptions` lines; throws InputError naming the first bad line. */
export function parseExceptions(lines: readonly string[]): PackageException[] {
  return lines.map((line) => {
    const colon = line.indexOf(':');
    const spec = (colon < 0 ? line : line.slice(0, colon)).trim();
    const reason = colon < 0 ? '' : line.slice(colon + 1).trim();
    const at = spec.lastIndexOf('@');
    const name = at > 0 ? spec.slice(0, at) : spec;
    const range = at > 0 ? spec.slice(at + 1).trim() : '*';
    if (reason === '' || name === '' || /\s/.test(name)) {
      throw new InputError(
        'exceptions',
        `Expected each \`exceptions\` line to be \`name@range: reason\`, got \`${line}\`.`,
      );
    }
    if (semver.validRange(range) === null) {
      throw new InputError(
        'exceptions',
        `Expected a semver range after \`${name}@\` in \`exceptions\`, got \`${range}\`.`,
      );
    }
    return { line, name, range, reason };
  });
}

/** The first exception covering this package, if any. */
export function findException(
  exceptions: readonly PackageException[],
  name: string,
  version: string,
): PackageException | undefined {
  return exceptions.find((e) => e.name === name && versionInRange(version, e.range));
}

function versionInRange(version: string, range: string): boolean {
  const clean = semver.clean(version);
  if (clean === null) return range.trim() === '*';
  return semver.satisfies(clean, range, { includePrerelease: true });
}
