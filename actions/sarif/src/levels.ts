/**
 * The effective level of a result, as SARIF 2.1.0 §3.27.10 defines it. Reading `result.level`
 * alone lets Semgrep and CodeQL findings through: they put the level on the rule.
 */
import type { ReportingConfiguration, ReportingDescriptor, Result, Run, ToolComponent } from 'sarif';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** Where the effective level came from; shown in the summary so a surprising level can be traced. */
export type LevelSource = 'kind' | 'result' | 'override' | 'rule' | 'default';

export interface ResolvedLevel {
  level: SarifLevel;
  source: LevelSource;
}

/** The rule of a result and the component that declares it (the driver or an extension). */
export interface RuleRef {
  rule: ReportingDescriptor | undefined;
  component: ToolComponent | undefined;
}

/** The component a `toolComponent` reference names: extension by index, then guid, then name. */
function componentOf(run: Run, ref: { index?: number; guid?: string; name?: string } | undefined) {
  const driver = run.tool.driver;
  if (!ref) return driver;
  const extensions = run.tool.extensions ?? [];
  if (ref.index !== undefined && ref.index >= 0) return extensions[ref.index];
  if (ref.guid !== undefined) return extensions.find((e) => e.guid === ref.guid) ?? undefined;
  if (ref.name !== undefined) {
    if (driver.name === ref.name) return driver;
    return extensions.find((e) => e.name === ref.name);
  }
  return driver;
}

/** Exact id, else the hierarchical parents (`A/B/C` → `A/B` → `A`), as §3.27.5 allows. */
function ruleById(component: ToolComponent | undefined, id: string | undefined) {
  if (!component?.rules || id === undefined) return undefined;
  for (let candidate = id; ;) {
    const found = component.rules.find((r) => r.id === candidate);
    if (found) return found;
    const slash = candidate.lastIndexOf('/');
    if (slash <= 0) return undefined;
    candidate = candidate.slice(0, slash);
  }
}

/**
 * Finds the rule of a result: `rule` (with its `toolComponent`, extensions included) by index, guid
 * or id; else `ruleIndex`; else `ruleId` in the driver, then in the extensions (a leniency for
 * producers that omit `rule.toolComponent`).
 */
export function findRule(run: Run, result: Result): RuleRef {
  const ref = result.rule;
  if (ref) {
    const component = componentOf(run, ref.toolComponent);
    let rule: ReportingDescriptor | undefined;
    if (ref.index !== undefined && ref.index >= 0) rule = component?.rules?.[ref.index];
    rule ??= ref.guid !== undefined ? component?.rules?.find((r) => r.guid === ref.guid) : undefined;
    rule ??= ruleById(component, ref.id ?? result.ruleId);
    if (rule) return { rule, component };
  }
  const driver = run.tool.driver;
  if (result.ruleIndex !== undefined && result.ruleIndex >= 0) {
    const rule = driver.rules?.[result.ruleIndex];
    if (rule) return { rule, component: driver };
  }
  const id = result.ruleId ?? ref?.id;
  const inDriver = ruleById(driver, id);
  if (inDriver) return { rule: inDriver, component: driver };
  for (const extension of run.tool.extensions ?? []) {
    const rule = ruleById(extension, id);
    if (rule) return { rule, component: extension };
  }
  return { rule: undefined, component: undefined };
}

/** The level an invocation's `ruleConfigurationOverrides` sets for this rule, if any. */
function overrideLevel(run: Run, target: RuleRef, ruleId: string | undefined): SarifLevel | undefined {
  for (const invocation of run.invocations ?? []) {
    for (const override of invocation.ruleConfigurationOverrides ?? []) {
      const level = (override.configuration as ReportingConfiguration | undefined)?.level;
      if (level === undefined) continue;
      const d = override.descriptor;
      const component = componentOf(run, d.toolComponent);
      if (component !== target.component && target.component !== undefined) continue;
      const byIndex = d.index !== undefined && d.index >= 0 ? component?.rules?.[d.index] : undefined;
      const byId = ruleById(component, d.id);
      const rule = byIndex ?? byId;
      if ((rule !== undefined && rule === target.rule) || (d.id !== undefined && d.id === ruleId))
        return level;
    }
  }
  return undefined;
}

/**
 * `kind` other than `fail` gives no level (`none`: an informational result, never counted);
 * else `result.level`, the run's override, the rule's `defaultConfiguration.level`, then `warning`.
 */
export function resolveLevel(run: Run, result: Result, rule: RuleRef): ResolvedLevel {
  if (result.kind !== undefined && result.kind !== 'fail') return { level: 'none', source: 'kind' };
  if (result.level !== undefined) return { level: result.level, source: 'result' };
  const override = overrideLevel(run, rule, result.ruleId ?? result.rule?.id);
  if (override !== undefined) return { level: override, source: 'override' };
  const ruleLevel = rule.rule?.defaultConfiguration?.level;
  if (ruleLevel !== undefined) return { level: ruleLevel, source: 'rule' };
  return { level: 'warning', source: 'default' };
}
