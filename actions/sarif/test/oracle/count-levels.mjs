#!/usr/bin/env node
// Independent oracle for the SARIF gate's level counts. Plain JavaScript, sharing no code with
// actions/sarif/src: it re-implements SARIF 2.1.0 §3.27.10 level resolution from the spec text.
//   node actions/sarif/test/oracle/count-levels.mjs FILE...   prints one JSON line per file
// Counts: every result by effective level (`all`), and the results that still count (`active`:
// no accepted or status-less suppression, and baselineState other than "absent").
import { readFileSync } from 'node:fs';

function load(file) {
  let text = readFileSync(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return JSON.parse(text);
}

function lookupById(rules, id) {
  if (!Array.isArray(rules) || typeof id !== 'string') return null;
  let candidate = id;
  while (true) {
    for (const r of rules) if (r.id === candidate) return r;
    const cut = candidate.lastIndexOf('/');
    if (cut <= 0) return null;
    candidate = candidate.substring(0, cut);
  }
}

function component(run, tc) {
  const ext = run.tool.extensions || [];
  if (!tc) return run.tool.driver;
  if (typeof tc.index === 'number') return ext[tc.index] || null;
  if (typeof tc.guid === 'string') return ext.find((e) => e.guid === tc.guid) || null;
  if (typeof tc.name === 'string') {
    if (run.tool.driver.name === tc.name) return run.tool.driver;
    return ext.find((e) => e.name === tc.name) || null;
  }
  return run.tool.driver;
}

function ruleOf(run, result) {
  if (result.rule) {
    const comp = component(run, result.rule.toolComponent);
    if (comp) {
      const rules = comp.rules || [];
      if (typeof result.rule.index === 'number' && rules[result.rule.index])
        return [rules[result.rule.index], comp];
      if (typeof result.rule.guid === 'string') {
        const g = rules.find((r) => r.guid === result.rule.guid);
        if (g) return [g, comp];
      }
      const byId = lookupById(rules, result.rule.id !== undefined ? result.rule.id : result.ruleId);
      if (byId) return [byId, comp];
    }
  }
  const driver = run.tool.driver;
  if (typeof result.ruleIndex === 'number' && driver.rules && driver.rules[result.ruleIndex]) {
    return [driver.rules[result.ruleIndex], driver];
  }
  const id = result.ruleId !== undefined ? result.ruleId : result.rule && result.rule.id;
  const d = lookupById(driver.rules, id);
  if (d) return [d, driver];
  for (const e of run.tool.extensions || []) {
    const r = lookupById(e.rules, id);
    if (r) return [r, e];
  }
  return [null, null];
}

function levelOf(run, result) {
  if (result.kind !== undefined && result.kind !== 'fail') return 'none';
  if (result.level !== undefined) return result.level;
  const [rule, comp] = ruleOf(run, result);
  const id = result.ruleId !== undefined ? result.ruleId : result.rule && result.rule.id;
  for (const inv of run.invocations || []) {
    for (const o of inv.ruleConfigurationOverrides || []) {
      if (!o.configuration || o.configuration.level === undefined) continue;
      const oc = component(run, o.descriptor.toolComponent);
      if (comp && oc !== comp) continue;
      let target = null;
      if (oc && typeof o.descriptor.index === 'number') target = (oc.rules || [])[o.descriptor.index] || null;
      if (!target && oc) target = lookupById(oc.rules, o.descriptor.id);
      if ((target && target === rule) || (o.descriptor.id !== undefined && o.descriptor.id === id)) {
        return o.configuration.level;
      }
    }
  }
  if (rule && rule.defaultConfiguration && rule.defaultConfiguration.level !== undefined) {
    return rule.defaultConfiguration.level;
  }
  return 'warning';
}

function suppressed(result) {
  const s = result.suppressions;
  if (!Array.isArray(s) || s.length === 0) return false;
  return s.some((x) => x.status === undefined || x.status === 'accepted');
}

export function countLevels(file) {
  const log = load(file);
  const zero = () => ({ error: 0, warning: 0, note: 0, none: 0 });
  const out = { all: zero(), active: zero(), suppressed: 0, absent: 0, results: 0 };
  for (const run of log.runs) {
    for (const result of run.results || []) {
      const level = levelOf(run, result);
      out.results++;
      out.all[level]++;
      if (suppressed(result)) out.suppressed++;
      else if (result.baselineState === 'absent') out.absent++;
      else out.active[level]++;
    }
  }
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  for (const file of process.argv.slice(2)) {
    console.log(JSON.stringify({ file: file.split('/').pop(), ...countLevels(file) }));
  }
}
