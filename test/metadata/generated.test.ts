/**
 * Everything derived from the registry: the committed copies equal what `npm run generate` writes,
 * and a gate added to a registry (here a throwaway one, in a test registry) reaches the config
 * schema, the result and KPI schemas and the umbrella with no other edit.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  KNOWN_GATES,
  RESULT_SCHEMA,
  configFileJsonSchema,
  createResult,
  getInteger,
  gateResultJsonSchema,
  parseConfigFile,
  parseGateResult,
  requireInput,
  type AnyGate,
  type Gate,
} from '@aeef/gate-result';
import { GATES, gateCatalog } from '@aeef/gates';
import { kpiJsonSchema } from '../../actions/kpi/src/kpi-schema.js';
import { collectResults } from '../../actions/kpi/src/collect.js';
import { run as runUmbrella } from '../../packages/gates/src/umbrella.js';
import { useRunnerEnv } from '../../packages/gate-result/test/runtime/env.js';
import { umbrellaActionYml } from '../../scripts/action-yml.js';
import { generateFiles } from '../../scripts/generated.js';
import { REPO_ROOT } from '../support/paths.js';

const env = useRunnerEnv();

function committed(file: string): string {
  return readFileSync(path.join(REPO_ROOT, file), 'utf8');
}

describe(generateFiles.name, () => {
  it('finds every generated file up to date (run `npm run generate`)', async () => {
    const files = await generateFiles();
    expect(files.map((f) => f.file)).toEqual([
      'packages/gate-result/src/known-gates.ts',
      'action.yml',
      'schema/aeef-gates.schema.json',
      'schema/gate-result-v1.schema.json',
      'actions/kpi/schema/kpi-v1.schema.json',
      'README.md',
    ]);
    for (const file of files) expect(committed(file.file), file.file).toBe(file.text);
  });

  it('gives the library the registry as data: ids, titles and order', () => {
    expect(KNOWN_GATES).toEqual(gateCatalog());
    expect(GATES.at(-1)?.id).toBe('kpi');
  });

  it('finds a stale copy: a gate missing from known-gates.ts is a difference', async () => {
    const [known] = await generateFiles(GATES.slice(0, -1));
    expect(known?.text).not.toBe(committed('packages/gate-result/src/known-gates.ts'));
  });
});

interface WidgetConfig {
  min: number;
}

/** A gate that exists only in this test: nothing outside this file names it. */
const throwawayGate: Gate<WidgetConfig> = {
  id: 'widgets',
  title: 'Widget count',
  inputs: [{ name: 'min-widgets', kind: 'integer', description: 'Fewest widgets.', default: '1' }],
  config: (inputs) => ({ min: requireInput('min-widgets', getInteger(inputs, 'min-widgets')) }),
  run: (config) =>
    Promise.resolve(
      createResult('widgets', {
        verdict: config.min <= 3 ? 'pass' : 'fail',
        summary: `3 widgets, at least ${config.min} wanted.`,
        metrics: [
          {
            id: 'widgets',
            label: 'Widgets',
            value: 3,
            unit: 'count',
            threshold: { op: '>=', value: config.min },
            verdict: config.min <= 3 ? 'pass' : 'fail',
          },
        ],
        config: { 'min-widgets': config.min },
      }),
    ),
};

// Before the KPI export, which runs last.
const REGISTRY: readonly AnyGate[] = [...GATES.slice(0, -1), throwawayGate, ...GATES.slice(-1)];

describe('a gate added to a registry', () => {
  it('has a section in the config schema and the config file', () => {
    const schema = configFileJsonSchema(REGISTRY);
    const validate = new Ajv2020({ strict: true, allowUnionTypes: true }).compile(schema);
    expect(
      validate({ gates: ['widgets'], widgets: { 'min-widgets': 2 } }),
      JSON.stringify(validate.errors),
    ).toBe(true);
    expect(validate({ widgets: { 'min-widget': 2 } })).toBe(false);
    const config = parseConfigFile('gates: [widgets]\nwidgets:\n  min-widgets: 2\n', 'c.yml', REGISTRY);
    expect(config.sections.widgets).toEqual({ 'min-widgets': '2' });
    // The suite's own list does not know it: a typo-safe file refuses what the registry lacks.
    expect(() => parseConfigFile('widgets: {}\n', 'c.yml', GATES)).toThrow(/Unknown key `widgets`/);
  });

  it('is a valid gate of the result schema and the KPI schema', async () => {
    const result = await throwawayGate.run({ min: 2 }, undefined as never);
    const text = JSON.stringify({ ...result, schema: RESULT_SCHEMA });
    expect(parseGateResult(text, 'r.json', REGISTRY).gate).toBe('widgets');
    expect(() => parseGateResult(text, 'r.json')).toThrow(/gate/);
    const validateResult = new Ajv2020({ strict: false }).compile(gateResultJsonSchema(REGISTRY));
    expect(validateResult(JSON.parse(text)), JSON.stringify(validateResult.errors)).toBe(true);
    expect(new Ajv2020({ strict: false }).compile(gateResultJsonSchema())(JSON.parse(text))).toBe(false);

    const { gates } = collectResults([{ path: 'widgets.json', text }], REGISTRY);
    expect(gates.map((g) => g.gate)).toEqual(['widgets']);
    const report = {
      schema: 'aeef.kpi/v1',
      repository: null,
      ref: null,
      commit: null,
      event: 'push',
      pullNumber: null,
      timestamp: null,
      gates,
      kpis: [],
      conflicts: [],
    };
    const validateKpi = new Ajv2020({ strict: false }).compile(kpiJsonSchema(REGISTRY));
    expect(validateKpi(report), JSON.stringify(validateKpi.errors)).toBe(true);
    expect(new Ajv2020({ strict: false }).compile(kpiJsonSchema())(report)).toBe(false);
  });

  it("is in the umbrella's action.yml: its `gates` input and its verdict output", () => {
    const action = parse(umbrellaActionYml(REGISTRY)) as {
      inputs: Record<string, { description: string }>;
      outputs: Record<string, { description: string }>;
    };
    expect(action.inputs.gates?.description).toContain(`${GATES.at(-2)?.id}, widgets, kpi`);
    expect(action.outputs['widgets-verdict']?.description).toContain('Widget count');
  });

  it('runs in the umbrella from its config-file section, under its own title', async () => {
    mkdirSync(path.join(env().workspace, '.github'));
    writeFileSync(
      path.join(env().workspace, '.github', 'aeef-gates.yml'),
      'gates: [widgets]\nwidgets:\n  min-widgets: 4\n',
    );
    await expect(runUmbrella(REGISTRY)).resolves.toBe('fail');
    expect(env().outputs()).toMatchObject({
      verdict: 'fail',
      'widgets-verdict': 'fail',
      'widgets-widgets': '3',
    });
    expect(env().summary()).toContain('Widget count: failed');
  });
});
