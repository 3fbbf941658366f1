/** Real manifests of kubernetes/examples (Apache-2.0, see the MANIFEST): deleted, and added. */
import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '@aeef/gate-result';
import { deletedManifestFindings, isManifestPath, reclaimPolicyFindings } from '../src/kubernetes.js';
import { addedFile, fixture } from './support.js';

const deleted = (path: string): ChangedFile => ({
  path,
  status: 'deleted',
  additions: 0,
  deletions: 1,
  binary: false,
  ranges: [],
  added: [],
  removed: [],
});
const DIR = 'kubernetes-examples';

describe('Kubernetes manifests', () => {
  it('a deleted manifest of a data-holding kind is an operation, per document', () => {
    const of = (name: string): string[] =>
      deletedManifestFindings(deleted(`k8s/${name}`), fixture(`${DIR}/${name}`)).map(
        (f) => `${f.operation} ${f.object}`,
      );
    // The file also holds a StorageClass, whose deletion destroys nothing by itself.
    expect(of('cassandra-statefulset.yaml')).toEqual(['manifest-deleted StatefulSet/cassandra']);
    expect(of('namespace-prod.yaml')).toEqual(['manifest-deleted Namespace/production']);
    expect(of('storageos-pv.yaml')).toEqual(['manifest-deleted PersistentVolume/pv0001']);
  });

  it('an added persistentVolumeReclaimPolicy: Delete, at its line; none in a manifest without one', () => {
    const pv = fixture(`${DIR}/storageos-pv.yaml`);
    expect(
      reclaimPolicyFindings(addedFile('k8s/pv.yaml', pv), pv).map(
        (f) => `${f.line} ${f.operation} ${f.object}`,
      ),
    ).toEqual(['10 reclaim-policy-delete PersistentVolume/pv0001']);
    const sts = fixture(`${DIR}/cassandra-statefulset.yaml`);
    expect(reclaimPolicyFindings(addedFile('k8s/sts.yaml', sts), sts)).toEqual([]);
    const sc =
      'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nreclaimPolicy: Delete\n';
    expect(reclaimPolicyFindings(addedFile('sc.yaml', sc), sc).map((f) => f.line)).toEqual([5]);
  });

  it('workflows are not manifests', () => {
    expect(['k8s/a.yaml', 'deploy/b.yml', '.github/workflows/ci.yml'].map(isManifestPath)).toEqual([
      true,
      true,
      false,
    ]);
  });
});
