/**
 * CycloneDX JSON (1.2 to 1.7): every component, nested ones included, with the licenses it
 * declares in `licenses[]` (`license.id`, `license.name` or one `expression`). `evidence.licenses`
 * is what a scanner observed, not what is declared, so it is not read. When 1.6+ entries say
 * `acknowledgement: concluded`, those win over `declared`.
 */
import { walkGraph } from './dependency-graph.js';
import type { Inventory, PackageRecord, Scope } from './model.js';
import type { RawLicense } from './normalise.js';

type Json = Record<string, unknown>;

const SEVERAL = 'several CycloneDX `licenses` entries read as AND (each applies)';

/** True for a CycloneDX BOM. */
export function isCycloneDx(json: unknown): boolean {
  return isObject(json) && json['bomFormat'] === 'CycloneDX';
}

/** Reads a CycloneDX BOM; the metadata component is the project itself and is not a package. */
export function readCycloneDx(bom: Json, file: string): Inventory {
  const found: { ref: string; component: Json; chain: string[] }[] = [];
  const visit = (components: unknown, chain: string[]): void => {
    if (!Array.isArray(components)) return;
    for (const component of components) {
      if (!isObject(component)) continue;
      const name = nameOf(component);
      const ref = typeof component['bom-ref'] === 'string' ? component['bom-ref'] : `#${found.length}`;
      found.push({ ref, component, chain: [...chain, name] });
      visit(component['components'], [...chain, name]);
    }
  };
  visit(bom['components'], []);
  const walk = walkDependencies(bom);
  const byRef = new Map(found.map((f) => [f.ref, [nameOf(f.component)]]));
  const packages: PackageRecord[] = found.map(({ ref, component, chain }) => ({
    name: nameOf(component),
    version: typeof component['version'] === 'string' ? component['version'] : '',
    license: licenseOf(component['licenses']),
    scope: scopeOf(component['scope']),
    firstParty: false,
    path: walk.paths.get(ref)?.flatMap((r) => byRef.get(r) ?? []) ?? chain,
  }));
  const spec = typeof bom['specVersion'] === 'string' ? bom['specVersion'] : '?';
  return { format: `CycloneDX ${spec}`, file, packages, needsNodeModules: false };
}

/** `group/name` when a group is set (npm scopes, Maven groupIds), else the name. */
function nameOf(component: Json): string {
  const name = typeof component['name'] === 'string' ? component['name'] : '';
  const group =
    typeof component['group'] === 'string' && component['group'] !== '' ? component['group'] : undefined;
  return group === undefined ? name : `${group}/${name}`;
}

/** Reads `licenses[]`; exported for the conformance test's comparison. */
export function licenseOf(licenses: unknown): RawLicense {
  if (!Array.isArray(licenses)) return { kind: 'missing' };
  const items = licenses.filter(isObject);
  const concluded = items.filter((i) => ackOf(i) === 'concluded');
  const chosen = concluded.length > 0 ? concluded : items;
  const values = chosen.map(valueOf).filter((v): v is string => v !== undefined);
  if (values.length === 0) return { kind: 'missing' };
  const [first] = values;
  if (values.length === 1 && first !== undefined) return { kind: 'string', value: first };
  return { kind: 'list', values, join: 'AND', why: SEVERAL };
}

function ackOf(item: Json): unknown {
  return isObject(item['license']) ? item['license']['acknowledgement'] : item['acknowledgement'];
}

function valueOf(item: Json): string | undefined {
  if (typeof item['expression'] === 'string') return item['expression'];
  const license = item['license'];
  if (!isObject(license)) return undefined;
  if (typeof license['id'] === 'string') return license['id'];
  if (typeof license['name'] === 'string') return license['name'];
  return undefined;
}

function scopeOf(scope: unknown): Scope {
  if (scope === 'excluded') return 'development';
  if (scope === 'optional') return 'optional';
  return 'production';
}

function walkDependencies(bom: Json): ReturnType<typeof walkGraph> {
  const edges = new Map<string, string[]>();
  if (Array.isArray(bom['dependencies'])) {
    for (const dep of bom['dependencies']) {
      if (isObject(dep) && typeof dep['ref'] === 'string' && Array.isArray(dep['dependsOn'])) {
        edges.set(
          dep['ref'],
          dep['dependsOn'].filter((d): d is string => typeof d === 'string'),
        );
      }
    }
  }
  const metadata = isObject(bom['metadata']) ? bom['metadata'] : {};
  const root = isObject(metadata['component']) ? metadata['component']['bom-ref'] : undefined;
  const roots = typeof root === 'string' ? [{ key: root, scope: 'production' as const }] : [];
  return walkGraph(roots, (key) =>
    (edges.get(key) ?? []).map((k) => ({ key: k, scope: 'production' as const })),
  );
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
