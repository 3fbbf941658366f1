/**
 * Decides each package: first-party and unchecked scopes are set aside, exceptions waive, then the
 * license is resolved and judged. Pure; evaluate.ts turns the decisions into a GateResult.
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
}

export interface Decisions {
  checked: Decision[];
  firstParty: PackageRecord[];
  /** Packages not checked, by scope. */
  skipped: Map<Scope, number>;
  /** Exception lines with the packages they waived. */
  exceptionUse: Map<PackageException, string[]>;
}

/** Judges every package once (the first source to list a name@version wins). */
export function judgePackages(inventories: readonly Inventory[], config: LicenseConfig): Decisions {
  const decisions: Decisions = { checked: [], firstParty: [], skipped: new Map(), exceptionUse: new Map() };
  const cache = new Map<string, Outcome>();
  for (const e of config.exceptions) decisions.exceptionUse.set(e, []);
  const seen = new Set<string>();
  for (const inventory of inventories) {
    for (const pkg of inventory.packages) {
      const id = `${pkg.name}@${pkg.version}`;
      if (seen.has(id)) continue;
      seen.add(id);
      if (pkg.firstParty) {
        decisions.firstParty.push(pkg);
      } else if (pkg.scope === 'development' && !config.includeDev) {
        decisions.skipped.set(pkg.scope, (decisions.skipped.get(pkg.scope) ?? 0) + 1);
      } else {
        decisions.checked.push({
          pkg,
          source: inventory.file,
          outcome: decide(pkg, config, decisions, cache),
        });
      }
    }
  }
  return decisions;
}

function decide(
  pkg: PackageRecord,
  config: LicenseConfig,
  decisions: Decisions,
  cache: Map<string, Outcome>,
): Outcome {
  const exception = findException(config.exceptions, pkg.name, pkg.version);
  if (exception !== undefined) {
    decisions.exceptionUse.get(exception)?.push(`${pkg.name}@${pkg.version}`);
    const resolution = resolveLicense(pkg.license);
    return {
      status: 'excepted',
      exception,
      license: resolution.known ? resolution.expression.text : resolution.reason,
    };
  }
  // Thousands of packages share a handful of license strings: judge each one once.
  const key = JSON.stringify(pkg.license);
  let outcome = cache.get(key);
  if (outcome === undefined) {
    outcome = judgeLicense(pkg.license, config);
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
