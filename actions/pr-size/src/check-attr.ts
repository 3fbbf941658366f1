/**
 * Parses `git check-attr -z` output (`path\0attribute\0info\0` triples). Linguist reads
 * `linguist-generated` and `linguist-vendored` as booleans: set or `true` is on, anything else
 * (unset, `false`, unspecified) is off.
 */
import { InternalError } from '@aeef/gate-result';

export interface LinguistAttributes {
  generated: boolean;
  vendored: boolean;
}

/** The linguist attributes this gate reads, in the order given to git. */
export const LINGUIST_ATTRIBUTES = ['linguist-generated', 'linguist-vendored'] as const;

function isOn(info: string): boolean {
  return info === 'set' || info === 'true';
}

/** Paths with neither attribute on are left out of the map. */
export function parseCheckAttr(output: string): Map<string, LinguistAttributes> {
  const fields = output.split('\0');
  const result = new Map<string, LinguistAttributes>();
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const [path = '', attribute = '', info = ''] = fields.slice(i, i + 3);
    if (!isOn(info)) continue;
    const entry = result.get(path) ?? { generated: false, vendored: false };
    if (attribute === 'linguist-generated') entry.generated = true;
    else if (attribute === 'linguist-vendored') entry.vendored = true;
    else throw new InternalError(`Unexpected attribute \`${attribute}\` from git check-attr.`);
    result.set(path, entry);
  }
  return result;
}
