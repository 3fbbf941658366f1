/**
 * Decides each name@version over all its copies (lockfile paths, installed copies, sources):
 * first-party and unchecked scopes are set aside, exceptions waive, then every declared license is
 * resolved and judged, the strictest deciding. Pure; evaluate.ts turns the decisions into a GateResult.
 */
import type { LicenseConfig } from './config.js';
import { findException, type PackageException } from './exceptions.js';
import { formatBranch, type Expression } from './expression.js';
import type { Inventory, PackageRecord, Scope } from './model.js';
import { resolveLicense, type RawLicense } from './normalise.js';
import { judgeExpression } from './policy.js';

export type Outcome =
  | { status: 'allowed'; expression: Expression; chosen: string }
  | { status: 'denied' | 'not-allowed'; expression: Expression; why: string }
  | { status: 'unknown'; why: string }
  | { status: 'excepted'; exception: PackageException; license: string };

export interface Decision {
  pkg: PackageRecord;
  source: string;
  outcome: Outcome;
  /**
   * Set when the copies of this name@version declare different licenses: each reading with where
   * it was found. The outcome is the strictest of them.
   */
  conflicting?: { license: string; from: string }[];
}

export interface Decisions {
  checked: Decision[];
  firstParty: PackageRecord[];
  /** Packages not checked, by scope. */
  skipped: Map<Scope, number>;
  /** Exception lines with the packages they waived. */
  exceptionUse: Map<PackageException, string[]>;
}

/** One listing of a name@version: a lockfile path, an installed copy, an SBOM component. */
interface Copy {
  pkg: PackageRecord;
  source: string;
}

const SCOPE_RANK: Record<Scope, number> = { production: 0, optional: 1, development: 2 };
/** Strictest first: the outcome a package with conflicting declarations gets. */
const SEVERITY: Record<Outcome['status'], number> = {
  denied: 0,
  'not-allowed': 1,
  unknown: 2,
  allowed: 3,
  excepted: 4,
};

/**
 * Judges every name@version once, over all its copies in every source: it is in the widest scope
 * any copy is in (production through one path is production), and every license a copy declares
 * is judged, the strictest reading deciding. First-party only when every copy is.
 */
export function judgePackages(inventories: readonly Inventory[], config: LicenseConfig): Decisions {
  const decisions: Decisions = { checked: [], firstParty: [], skipped: new Map(), exceptionUse: new Map() };
  const cache = new Map<string, Outcome>();
  for (const e of config.exceptions) decisions.exceptionUse.set(e, []);
  const groups = new Map<string, Copy[]>();
  for (const inventory of inventories) {
    for (const pkg of inventory.packages) {
      const id = `${pkg.name}@${pkg.version}`;
      const group = groups.get(id);
      if (group === undefined) groups.set(id, [{ pkg, source: inventory.file }]);
      else group.push({ pkg, source: inventory.file });
    }
  }
  for (const copies of groups.values()) {
    const thirdParty = copies.filter((c) => !c.pkg.firstParty);
    const [widest] = [...thirdParty].sort((a, b) => SCOPE_RANK[a.pkg.scope] - SCOPE_RANK[b.pkg.scope]);
    const [first] = copies;
    if (widest === undefined) {
      if (first !== undefined) decisions.firstParty.push(first.pkg);
    } else if (widest.pkg.scope === 'development' && !config.includeDev) {
      decisions.skipped.set('development', (decisions.skipped.get('development') ?? 0) + 1);
    } else {
      decisions.checked.push(decideCopies(widest, thirdParty, config, decisions, cache));
    }
  }
  return decisions;
}

/** The decision for one name@version from its third-party copies; `widest` gives scope and path. */
function decideCopies(
  widest: Copy,
  copies: readonly Copy[],
  config: LicenseConfig,
  decisions: Decisions,
  cache: Map<string, Outcome>,
): Decision {
  const { name, version } = widest.pkg;
  const exception = findException(config.exceptions, name, version);
  if (exception !== undefined) {
    decisions.exceptionUse.get(exception)?.push(`${name}@${version}`);
    const licensed = copies.find((c) => c.pkg.license.kind !== 'missing')?.pkg.license ?? widest.pkg.license;
    const resolution = resolveLicense(licensed);
    const license = resolution.known ? resolution.expression.text : resolution.reason;
    return { pkg: widest.pkg, source: widest.source, outcome: { status: 'excepted', exception, license } };
  }
  // Distinct readings: `MIT` and `mit` are one license, a copy without any is no declaration.
  const readings = new Map<string, Copy>();
  for (const copy of copies) {
    if (copy.pkg.license.kind === 'missing') continue;
    const resolution = resolveLicense(copy.pkg.license);
    const key = resolution.known ? resolution.expression.text : `unknown: ${resolution.reason}`;
    if (!readings.has(key)) readings.set(key, copy);
  }
  const declared = [...readings.values()];
  const judged = declared.map((copy) => ({ copy, outcome: judgeCached(copy.pkg.license, config, cache) }));
  const [strictest] = judged.sort((a, b) => SEVERITY[a.outcome.status] - SEVERITY[b.outcome.status]);
  const licensed = strictest?.copy.pkg ?? widest.pkg;
  const pkg: PackageRecord = {
    ...widest.pkg,
    license: licensed.license,
    ...(licensed.licenseFrom === undefined ? {} : { licenseFrom: licensed.licenseFrom }),
  };
  const decision: Decision = {
    pkg,
    source: strictest?.copy.source ?? widest.source,
    outcome: strictest?.outcome ?? judgeCached(pkg.license, config, cache),
  };
  if (declared.length > 1) {
    decision.conflicting = [...readings].map(([license, copy]) => ({ license, from: whereFrom(copy) }));
  }
  return decision;
}

function whereFrom(copy: Copy): string {
  const at = copy.pkg.licenseFrom ?? copy.pkg.installPath;
  return at === undefined ? copy.source : `${copy.source}: ${at}`;
}

/** Thousands of packages share a handful of license strings: judge each one once. */
function judgeCached(license: RawLicense, config: LicenseConfig, cache: Map<string, Outcome>): Outcome {
  const key = JSON.stringify(license);
  let outcome = cache.get(key);
  if (outcome === undefined) {
    outcome = judgeLicense(license, config);
    cache.set(key, outcome);
  }
  return outcome;
}

function judgeLicense(license: RawLicense, config: LicenseConfig): Outcome {
  const resolution = resolveLicense(license);
  if (!resolution.known) return { status: 'unknown', why: resolution.reason };
  const judgement = judgeExpression(resolution.expression, config.policy);
  if (judgement.ok)
    return { status: 'allowed', expression: resolution.expression, chosen: formatBranch(judgement.branch) };
  return { status: judgement.kind, expression: resolution.expression, why: judgement.detail };
}
