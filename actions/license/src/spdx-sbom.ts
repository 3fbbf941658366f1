/**
 * SPDX 2.2 / 2.3 JSON: `packages[]` with `licenseConcluded` (what a reviewer concluded) winning
 * over `licenseDeclared` (what the author wrote) whenever it was determined, i.e. not NOASSERTION.
 * The packages the document DESCRIBES are the project itself: listed, not judged. SPDX 3.0
 * JSON-LD is a different model and is refused with a clear message.
 */
import { ReportError } from '@aeef/gate-result';
import { walkGraph } from './dependency-graph.js';
import type { Inventory, PackageRecord } from './model.js';
import type { RawLicense } from './normalise.js';

type Json = Record<string, unknown>;

/** True for an SPDX 2.x JSON document. */
export function isSpdx2(json: unknown): boolean {
  return isObject(json) && typeof json['spdxVersion'] === 'string';
}

/** True for SPDX 3.0 JSON-LD (`@context` naming spdx.org/rdf/3...). */
export function isSpdx3(json: unknown): boolean {
  return (
    isObject(json) && typeof json['@context'] === 'string' && json['@context'].includes('spdx.org/rdf/3')
  );
}

/** Throws the one-sentence refusal for SPDX 3.0. */
export function refuseSpdx3(file: string): never {
  throw new ReportError(
    file,
    `${file} is SPDX 3.0 JSON-LD, which this gate does not read yet: export the SBOM as SPDX 2.3 JSON or CycloneDX JSON.`,
  );
}

const FOLLOWED = new Set([
  'DESCRIBES',
  'DEPENDS_ON',
  'CONTAINS',
  'DYNAMIC_LINK',
  'STATIC_LINK',
  'RUNTIME_DEPENDENCY_OF',
]);
const REVERSED = new Set(['DESCRIBED_BY', 'DEPENDENCY_OF', 'CONTAINED_BY']);

/** Reads an SPDX 2.x document. */
export function readSpdx(doc: Json, file: string): Inventory {
  const packages = Array.isArray(doc['packages']) ? doc['packages'].filter(isObject) : [];
  const names = new Map<string, string>();
  for (const p of packages) if (typeof p['SPDXID'] === 'string') names.set(p['SPDXID'], stringOf(p['name']));
  const edges = new Map<string, string[]>();
  const add = (from: string, to: string): void => {
    edges.set(from, [...(edges.get(from) ?? []), to]);
  };
  const described = new Set<string>(
    Array.isArray(doc['documentDescribes']) ? doc['documentDescribes'].map(String) : [],
  );
  for (const r of Array.isArray(doc['relationships']) ? doc['relationships'].filter(isObject) : []) {
    const [a, type, b] = [
      stringOf(r['spdxElementId']),
      stringOf(r['relationshipType']),
      stringOf(r['relatedSpdxElement']),
    ];
    if (type === 'DESCRIBES' && a === stringOf(doc['SPDXID'])) described.add(b);
    if (FOLLOWED.has(type)) add(a, b);
    else if (REVERSED.has(type)) add(b, a);
  }
  const walk = walkGraph(
    [...described].map((key) => ({ key, scope: 'production' as const })),
    (key) => (edges.get(key) ?? []).map((k) => ({ key: k, scope: 'production' as const })),
  );
  const records: PackageRecord[] = packages.map((p) => {
    const id = stringOf(p['SPDXID']);
    return {
      name: stringOf(p['name']),
      version: stringOf(p['versionInfo']),
      license: licenseOf(p),
      scope: 'production',
      firstParty: described.has(id),
      path: walk.paths.get(id)?.flatMap((k) => (names.has(k) ? [names.get(k) ?? k] : [])) ?? [
        stringOf(p['name']),
      ],
    };
  });
  return { format: stringOf(doc['spdxVersion']), file, packages: records, needsNodeModules: false };
}

/** Concluded when determined, else declared; a missing field reads as missing. */
export function licenseOf(p: Json): RawLicense {
  const concluded = p['licenseConcluded'];
  const declared = p['licenseDeclared'];
  if (typeof concluded === 'string' && concluded.trim().toUpperCase() !== 'NOASSERTION')
    return { kind: 'string', value: concluded };
  if (typeof declared === 'string') return { kind: 'string', value: declared };
  if (typeof concluded === 'string') return { kind: 'string', value: concluded };
  return { kind: 'missing' };
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
