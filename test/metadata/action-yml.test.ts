import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { COMMON_INPUTS, type InputSpec } from '@aeef/gate-result';
import { RUNTIME_INPUTS } from '@aeef/gate-result/runtime';
import { GATES } from '@aeef/gates';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { UMBRELLA_INPUTS } from '../../packages/gates/src/umbrella.js';
import { REPO_ROOT } from '../support/paths.js';

interface ActionYml {
  inputs?: Record<string, { description?: string; default?: unknown }>;
  outputs?: Record<string, { description?: string }>;
  runs?: { using?: string; main?: string };
}

interface ActionCase {
  file: string;
  bundle: string;
  specs: readonly InputSpec[];
}

const GATE_CASES: ActionCase[] = readdirSync(path.join(REPO_ROOT, 'actions')).map((dir) => {
  const gate = GATES.find((g) => g.id === dir);
  if (gate === undefined)
    throw new Error(`actions/${dir} is not registered in packages/gates/src/registry.ts.`);
  return { file: `actions/${dir}/action.yml`, bundle: dir, specs: gate.inputs };
});

const CASES: ActionCase[] = [{ file: 'action.yml', bundle: 'gates', specs: UMBRELLA_INPUTS }, ...GATE_CASES];

function read(file: string): string {
  return readFileSync(path.join(REPO_ROOT, file), 'utf8');
}

function load(file: string): ActionYml {
  return parse(read(file)) as ActionYml;
}

/** Every Markdown file a user reads: README.md, docs/ and the actions' READMEs. */
function userDocs(): string {
  const docs = readdirSync(path.join(REPO_ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join('docs', name));
  const readmes = readdirSync(path.join(REPO_ROOT, 'actions'))
    .map((dir) => path.join('actions', dir, 'README.md'))
    .filter((file) => existsSync(path.join(REPO_ROOT, file)));
  return ['README.md', ...docs, ...readmes].map(read).join('\n');
}

describe.each(CASES)('$file', ({ file, bundle, specs }) => {
  const action = load(file);
  const inputs = action.inputs ?? {};
  // A gate may redeclare a runtime input (the KPI export documents its own github-token).
  const all = [...specs, ...COMMON_INPUTS, ...RUNTIME_INPUTS].filter(
    (spec, index, list) => list.findIndex((s) => s.name === spec.name) === index,
  );

  it('runs its committed bundle on node24', () => {
    expect(action.runs?.using).toBe('node24');
    const main = path.posix.normalize(path.posix.join(path.posix.dirname(file), action.runs?.main ?? ''));
    expect(main).toBe(`dist/${bundle}/index.js`);
    expect(existsSync(path.join(REPO_ROOT, main)), main).toBe(true);
  });

  it("declares exactly the gate's inputs, the common ones and the runtime's", () => {
    expect(Object.keys(inputs).sort()).toEqual(all.map((s) => s.name).sort());
  });

  // A `default:` here would always reach the runtime as an explicit input and so override the
  // config file. Only github-token may have one: `${{ github.token }}` exists only in a workflow.
  it('gives no input a default except github-token', () => {
    const withDefault = Object.entries(inputs).filter(([, input]) => input.default !== undefined);
    expect(withDefault.map(([name]) => name).filter((name) => name !== 'github-token')).toEqual([]);
  });

  it('states the default of every input whose spec has one', () => {
    for (const spec of all.filter((s) => s.default !== undefined)) {
      expect(inputs[spec.name]?.description ?? '', `${file}: ${spec.name}`).toContain('Default:');
    }
  });

  it('has the outputs verdict, summary and result-file', () => {
    expect(Object.keys(action.outputs ?? {})).toEqual(
      expect.arrayContaining(['verdict', 'summary', 'result-file']),
    );
  });
});

describe('the documentation', () => {
  const docs = userDocs();

  it.each(CASES.map((c) => c.file))('names every input and output of %s', (file) => {
    const action = load(file);
    const names = [...Object.keys(action.inputs ?? {}), ...Object.keys(action.outputs ?? {})];
    const missing = names.filter((name) => !docs.includes(`\`${name}\``));
    expect(missing, file).toEqual([]);
  });
});
