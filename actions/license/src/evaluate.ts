/**
 * Pure: inventories and config → GateResult. Violations come first in the summary (denied, not
 * allowed, unknown), each with the path from the root; then counts by license.
 */
import { RESULT_SCHEMA, type Finding, type GateResult, type Metric, type Verdict } from '@aeef/gate-result';
import type { LicenseConfig } from './config.js';
import { judgePackages, type Decision } from './judge-packages.js';
import type { Inventory } from './model.js';
import { buildSections } from './sections.js';

const ORDER = { denied: 0, 'not-allowed': 1, unknown: 2 } as const;

/** Evaluates the policy over every package of every inventory. */
export function evaluateLicenses(
  inventories: readonly Inventory[],
  config: LicenseConfig,
  notes: readonly string[] = [],
): GateResult {
  const decisions = judgePackages(inventories, config);
  const violations = decisions.checked
    .filter(
      (d) =>
        d.outcome.status === 'denied' || d.outcome.status === 'not-allowed' || d.outcome.status === 'unknown',
    )
    .sort(
      (a, b) => ORDER[a.outcome.status as keyof typeof ORDER] - ORDER[b.outcome.status as keyof typeof ORDER],
    );
  const unknown = violations.filter((d) => d.outcome.status === 'unknown');
  const policyViolations = violations.length - unknown.length;
  const used = [...decisions.exceptionUse.values()].filter((p) => p.length > 0).length;
  const verdict: Verdict =
    policyViolations > 0 || (unknown.length > 0 && config.onUnknown === 'fail')
      ? 'fail'
      : unknown.length > 0
        ? 'warn'
        : 'pass';
  const metrics: Metric[] = [
    {
      id: 'packages',
      label: 'Packages checked',
      value: decisions.checked.length,
      unit: 'count',
      verdict: 'none',
    },
    {
      id: 'violations',
      label: 'Packages failing the policy',
      value: config.onUnknown === 'fail' ? violations.length : policyViolations,
      unit: 'count',
      threshold: { op: '<=', value: 0 },
      verdict: (config.onUnknown === 'fail' ? violations.length : policyViolations) > 0 ? 'fail' : 'pass',
    },
    {
      id: 'unknown',
      label: 'Unknown licenses',
      value: unknown.length,
      unit: 'count',
      verdict: unknown.length === 0 ? 'pass' : config.onUnknown === 'fail' ? 'fail' : 'warn',
    },
    { id: 'exceptions-used', label: 'Exceptions used', value: used, unit: 'count', verdict: 'none' },
  ];
  return {
    schema: RESULT_SCHEMA,
    gate: 'license',
    verdict,
    summary: summarise(
      decisions.checked.length,
      policyViolations,
      unknown.length,
      config,
      [...decisions.skipped.values()].reduce((a, b) => a + b, 0),
    ),
    metrics,
    findings: violations.map((d) => toFinding(d, config)),
    details: buildSections(decisions, violations, inventories, config, notes),
    outputs: {},
    config: {
      sources: config.sources,
      allow: config.allow,
      deny: config.deny,
      exceptions: config.exceptions.map((e) => e.line),
      'include-dev': config.includeDev,
      'on-unknown': config.onUnknown,
    },
    inputs: inventories.map((i) => i.file),
    durationMs: 0,
  };
}

function summarise(
  checked: number,
  violations: number,
  unknown: number,
  config: LicenseConfig,
  skipped: number,
): string {
  const scopes = config.includeDev ? 'production, optional and development' : 'production and optional';
  const overlap =
    config.policy.overlap.length > 0 ? ` Deny wins over allow for ${config.policy.overlap.join(', ')}.` : '';
  const notChecked =
    skipped > 0
      ? ` ${skipped} development ${skipped === 1 ? 'package was' : 'packages were'} not checked.`
      : '';
  if (violations === 0 && unknown === 0) {
    return `All ${checked} ${scopes} packages have allowed licenses.${notChecked}${overlap}`;
  }
  const parts = [
    `${violations} not allowed or denied`,
    `${unknown} unknown${config.onUnknown === 'warn' ? ' (on-unknown: warn)' : ''}`,
  ];
  return `${violations + unknown} of ${checked} ${scopes} packages fail the license policy (${parts.join(', ')}).${notChecked}${overlap}`;
}

function toFinding(d: Decision, config: LicenseConfig): Finding {
  const why = 'why' in d.outcome ? d.outcome.why : '';
  const license = 'expression' in d.outcome ? d.outcome.expression.text : 'unknown';
  const warn = d.outcome.status === 'unknown' && config.onUnknown === 'warn';
  return {
    level: warn ? 'warning' : 'error',
    title: `License: ${d.pkg.name}@${d.pkg.version}`,
    message: `${d.pkg.name}@${d.pkg.version} (${license}): ${why}. Path: ${d.pkg.path.join(' > ')}`,
    file: d.source,
    ruleId: `license/${d.outcome.status}`,
    rank: 2 - ORDER[d.outcome.status as keyof typeof ORDER],
  };
}
