/**
 * The `license` / `licenses` shapes of package.json (and of package-lock entries, which copy it):
 * an SPDX string, a legacy `{ type, url }` object, or a legacy array of either. npm documents the
 * array form as a choice, i.e. `(A OR B)`.
 */
import type { RawLicense } from './normalise.js';

const LEGACY_ARRAY = 'a legacy `licenses` array read as OR (npm documents it as a choice)';

/** Reads `license` (preferred) or `licenses` from a package.json-like object. */
export function readNpmLicense(pkg: Record<string, unknown>): RawLicense {
  const license = fromField(pkg['license']);
  if (license.kind !== 'missing') return license;
  return fromField(pkg['licenses']);
}

function fromField(value: unknown): RawLicense {
  if (typeof value === 'string') return { kind: 'string', value };
  if (Array.isArray(value)) {
    const values = value.map(typeOf).filter((v): v is string => v !== undefined);
    if (values.length === 0) return { kind: 'missing' };
    const [first] = values;
    if (values.length === 1 && first !== undefined) return { kind: 'string', value: first };
    return { kind: 'list', values, join: 'OR', why: LEGACY_ARRAY };
  }
  const type = typeOf(value);
  return type === undefined ? { kind: 'missing' } : { kind: 'string', value: type };
}

function typeOf(item: unknown): string | undefined {
  if (typeof item === 'string') return item;
  if (item !== null && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') {
    return (item as { type: string }).type;
  }
  return undefined;
}
