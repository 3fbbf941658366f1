/**
 * What every reader produces: the packages of one lockfile, node_modules tree or SBOM, with the
 * license as found (interpretation comes later, in normalise.ts) and where each sits in the graph.
 */
import type { RawLicense } from './normalise.js';

/** `production` ships; `optional` ships when installable; `development` does not ship. */
export type Scope = 'production' | 'optional' | 'development';

export interface PackageRecord {
  name: string;
  /** As the source writes it; may be empty when the source has none. */
  version: string;
  license: RawLicense;
  scope: Scope;
  /** The project itself, a workspace member, a link or a `private` package: listed, not judged. */
  firstParty: boolean;
  /** Names from the root to this package (inclusive); just the name when the graph is unknown. */
  path: string[];
  /** Where the license came from when not from the source itself (e.g. `node_modules/x/package.json`). */
  licenseFrom?: string;
  /** Install path (`node_modules/a`) when the source knows it, to find the package.json. */
  installPath?: string;
}

export interface Inventory {
  /** Detected format, shown in the summary (`package-lock.json v3`, `CycloneDX 1.4`). */
  format: string;
  file: string;
  packages: PackageRecord[];
  /** True for formats without license data: collect fills licenses from node_modules. */
  needsNodeModules: boolean;
}
