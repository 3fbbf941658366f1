/**
 * Kubernetes manifests: a deleted manifest of a kind whose deletion destroys data or everything
 * in it (Namespace, PersistentVolume, PersistentVolumeClaim, StatefulSet, CustomResourceDefinition:
 * `kubectl apply --prune` or a GitOps controller deletes it), and a `reclaimPolicy: Delete`
 * (StorageClass) or `persistentVolumeReclaimPolicy: Delete` (PersistentVolume) the PR adds.
 */
import { LineCounter, isMap, isScalar, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { ChangedFile } from '@aeef/gate-result';
import type { DestructiveFinding } from './findings.js';

export const DATA_KINDS: Record<string, string> = {
  Namespace: 'deleting a namespace deletes every object in it',
  PersistentVolume: 'deleting a persistent volume may delete its storage',
  PersistentVolumeClaim: 'deleting a claim releases its volume, deleted with a Delete reclaim policy',
  StatefulSet:
    "deleting a stateful set takes its workload's identity, and its volumes with a delete retention policy",
  CustomResourceDefinition: 'deleting a CRD deletes every custom resource of that type',
};

/** A YAML file outside the workflows that may hold manifests. */
export function isManifestPath(path: string): boolean {
  return /\.ya?ml$/i.test(path) && !/^\.github\//.test(path);
}

interface Manifest {
  kind: string;
  name: string;
  namespace?: string;
  line: number;
  map: YamlNode;
}

function manifests(text: string): { docs: Manifest[]; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const docs: Manifest[] = [];
  let parsed;
  try {
    parsed = parseAllDocuments(text, { lineCounter, uniqueKeys: false });
  } catch {
    return { docs, lineCounter };
  }
  if (!Array.isArray(parsed)) return { docs, lineCounter };
  for (const doc of parsed) {
    if (doc.errors.length > 0 || !isMap(doc.contents)) continue;
    const kind = doc.contents.get('kind');
    const apiVersion = doc.contents.get('apiVersion');
    if (typeof kind !== 'string' || typeof apiVersion !== 'string') continue;
    const metadata = doc.contents.get('metadata');
    const name = isMap(metadata) ? metadata.get('name') : undefined;
    const namespace = isMap(metadata) ? metadata.get('namespace') : undefined;
    docs.push({
      kind,
      name: typeof name === 'string' ? name : '?',
      ...(typeof namespace === 'string' ? { namespace } : {}),
      line: lineCounter.linePos(doc.contents.range[0]).line,
      map: doc.contents,
    });
  }
  return { docs, lineCounter };
}

const objectOf = (m: Manifest): string => `${m.kind}/${m.namespace ? `${m.namespace}/` : ''}${m.name}`;

/** The data-holding manifests a deleted file held (its base text). */
export function deletedManifestFindings(file: ChangedFile, baseText: string): DestructiveFinding[] {
  return manifests(baseText)
    .docs.filter((m) => DATA_KINDS[m.kind] !== undefined)
    .map((m) => ({
      category: 'kubernetes' as const,
      operation: 'manifest-deleted',
      object: objectOf(m),
      file: file.path,
      why: `the manifest is deleted, and ${DATA_KINDS[m.kind] ?? ''}`,
    }));
}

/** `reclaimPolicy: Delete` / `persistentVolumeReclaimPolicy: Delete` on lines the PR added. */
export function reclaimPolicyFindings(file: ChangedFile, headText: string): DestructiveFinding[] {
  const added = new Set((file.added ?? []).map((l) => l.line));
  if (added.size === 0) return [];
  const { docs, lineCounter } = manifests(headText);
  const findings: DestructiveFinding[] = [];
  for (const m of docs) {
    const holder = m.kind === 'PersistentVolume' && isMap(m.map) ? m.map.get('spec', true) : m.map;
    if (!isMap(holder)) continue;
    for (const pair of holder.items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (key !== 'reclaimPolicy' && key !== 'persistentVolumeReclaimPolicy') continue;
      if (!isScalar(pair.value) || pair.value.value !== 'Delete' || !pair.value.range) continue;
      const line = lineCounter.linePos(pair.value.range[0]).line;
      if (!added.has(line)) continue;
      findings.push({
        category: 'kubernetes',
        operation: 'reclaim-policy-delete',
        object: objectOf(m),
        file: file.path,
        line,
        why: 'a released volume is deleted with its data (Retain keeps it)',
        text: `${String(key)}: Delete`,
      });
    }
  }
  return findings;
}
