/**
 * dashboards/aeef-gates.json against Grafana's own dashboard model: a JSON Schema derived, with
 * ts-json-schema-generator, from the `Dashboard` type that @grafana/schema generates from Grafana's
 * CUE dashboard kind (unknown keys rejected), plus the rules of the documented model the types
 * cannot say (unique panel ids, a 24-column grid, declared variables). Every PromQL expression
 * parses with Prometheus's own Lezer grammar, and `promtool check rules` (Debian's prometheus)
 * accepts the recording rules.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { Ajv, type ValidateFunction } from 'ajv';
import { createGenerator } from 'ts-json-schema-generator';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { FAMILY_HELP } from '../../actions/kpi/src/export/openmetrics.js';
import { REPO_ROOT } from '../support/paths.js';
import { describeWithPrometheus, findProgram } from '../support/prometheus.js';

const DASHBOARD = path.join(REPO_ROOT, 'dashboards', 'aeef-gates.json');
const RULES = path.join(REPO_ROOT, 'dashboards', 'recording-rules.yml');
const GRAFANA_TYPES = path.join(
  REPO_ROOT,
  'node_modules/@grafana/schema/dist/types/raw/dashboard/x/types.gen.d.ts',
);

interface Target {
  refId?: string;
  expr?: string;
  datasource?: { uid?: string };
}
interface PanelJson {
  id: number;
  type: string;
  title: string;
  gridPos: { h: number; w: number; x: number; y: number };
  datasource?: { type?: string; uid?: string };
  targets?: Target[];
}
interface DashboardJson {
  uid: string;
  panels: PanelJson[];
  templating: { list: { name: string; type: string; query: unknown }[] };
}

const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as DashboardJson;
const rules = parseYaml(readFileSync(RULES, 'utf8')) as {
  groups: { rules: { record: string; expr: string }[] }[];
};
const recorded = rules.groups.flatMap((g) => g.rules);

/** Every PromQL expression: the panels' targets and the variables' label_values() selectors. */
function dashboardExprs(): { where: string; expr: string }[] {
  const exprs = dashboard.panels.flatMap((p) =>
    (p.targets ?? []).map((t) => ({ where: `panel "${p.title}" ${t.refId}`, expr: t.expr ?? '' })),
  );
  for (const variable of dashboard.templating.list.filter((v) => v.type === 'query')) {
    const query = (variable.query as { query: string }).query;
    const selector = /^label_values\((.+), *[a-z_]+\)$/.exec(query)?.[1];
    exprs.push({ where: `variable ${variable.name}`, expr: selector ?? query });
  }
  return exprs;
}

/** Positions of the parser's error nodes: empty when the expression is valid PromQL. */
function promqlErrors(expr: string): number[] {
  const errors: number[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) errors.push(node.from);
    },
  });
  return errors;
}

describe('dashboards/aeef-gates.json', () => {
  let validate: ValidateFunction;

  beforeAll(() => {
    const schema = createGenerator({
      path: GRAFANA_TYPES,
      type: 'Dashboard',
      skipTypeCheck: true,
      additionalProperties: false,
      expose: 'all',
      topRef: true,
    }).createSchema('Dashboard');
    validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }, 120_000);

  it("matches Grafana's dashboard schema (@grafana/schema)", () => {
    const valid = validate(dashboard);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5))).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is rejected by that schema when a key is misspelt or a type is wrong (the check can fail)', () => {
    expect(validate({ ...dashboard, panles: [] })).toBe(false);
    expect(validate({ ...dashboard, schemaVersion: '41' })).toBe(false);
    const [first, ...rest] = dashboard.panels;
    expect(validate({ ...dashboard, panels: [{ ...first, gridPos: { w: 6 } }, ...rest] })).toBe(false);
  });

  it('keeps the rules of the documented model: unique ids, a 24-column grid, one datasource variable', () => {
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of dashboard.panels) {
      expect(p.gridPos.x + p.gridPos.w, p.title).toBeLessThanOrEqual(24);
      expect(p.gridPos.w * p.gridPos.h, p.title).toBeGreaterThan(0);
      if (p.type === 'row') continue;
      expect(p.datasource, p.title).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(p.targets?.length, p.title).toBeGreaterThan(0);
      for (const t of p.targets ?? []) expect(t.refId, p.title).toMatch(/^[A-Z]$/);
    }
    const names = dashboard.templating.list.map((v) => v.name);
    expect(names).toEqual(['datasource', 'repository', 'branch']);
    for (const { where, expr } of dashboardExprs()) {
      for (const used of expr.match(/\$[a-z_]+/g) ?? []) expect(names, where).toContain(used.slice(1));
    }
  });

  it('holds only PromQL that parses with the Prometheus grammar (@prometheus-io/lezer-promql)', () => {
    const exprs = dashboardExprs();
    expect(exprs.length).toBeGreaterThan(12);
    for (const { where, expr } of [...exprs, ...recorded.map((r) => ({ where: r.record, expr: r.expr }))]) {
      expect(promqlErrors(expr), `${where}: ${expr}`).toEqual([]);
    }
    // The grammar does reject broken PromQL.
    expect(promqlErrors('sum by (repository (aeef_kpi')).not.toEqual([]);
    expect(promqlErrors('aeef_kpi{kpi="x"')).not.toEqual([]);
  });

  it('queries only the exported families, the gateway push time and the recorded rules', () => {
    const known = new Set([
      ...Object.keys(FAMILY_HELP),
      'push_time_seconds',
      ...recorded.map((r) => r.record),
    ]);
    const all = [...dashboardExprs(), ...recorded.map((r) => ({ where: r.record, expr: r.expr }))];
    for (const { where, expr } of all) {
      for (const name of metricNames(expr)) expect(known, `${where}: ${name}`).toContain(name);
    }
    expect(metricNames('sum(aeef_kpi) - up')).toEqual(['aeef_kpi', 'up']);
  });
});

/** The metric names of the expression's vector selectors, from the parse tree. */
function metricNames(expr: string): string[] {
  const names: string[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector')
        names.push(expr.slice(node.from, node.to));
    },
  });
  return names;
}

describeWithPrometheus('dashboards/recording-rules.yml', ['promtool'], () => {
  it('passes promtool check rules', () => {
    const out = execFileSync(findProgram('promtool')!, ['check', 'rules', RULES], { encoding: 'utf8' });
    expect(out).toContain(`SUCCESS: ${recorded.length} rules found`);
  });

  it('promtool rejects a broken rule (the check can fail)', () => {
    const broken = path.join(mkdtempSync(path.join(os.tmpdir(), 'aeef-rules-')), 'broken.yml');
    writeFileSync(
      broken,
      'groups:\n  - name: x\n    rules:\n      - record: x:y\n        expr: sum by (a (b\n',
    );
    expect(() =>
      execFileSync(findProgram('promtool')!, ['check', 'rules', broken], { stdio: 'pipe' }),
    ).toThrow();
  });
});
