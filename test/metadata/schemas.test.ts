import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMON_INPUTS, configFileInputs, parseConfigFile, withDefaults } from '@aeef/gate-result';
import { GATES } from '@aeef/gates';
import { CONFIG_SCHEMA_FILE, generateSchemas } from '../../scripts/schemas.js';
import { REPO_ROOT } from '../support/paths.js';

function read(file: string): string {
  return readFileSync(path.join(REPO_ROOT, file), 'utf8');
}

function configValidator() {
  const schema = JSON.parse(read(CONFIG_SCHEMA_FILE)) as Record<string, unknown>;
  return new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
}

/** Every config file shown in the docs: the YAML blocks of README.md and docs/configuration.md with a `gates:` list. */
function documentedConfigs(): [string, string][] {
  return ['README.md', 'docs/configuration.md'].flatMap((file) =>
    [...read(file).matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((m) => m[1] ?? '')
      .filter((block) => /^gates:/m.test(block))
      .map((block, i): [string, string] => [`${file} config #${i + 1}`, block]),
  );
}

const CONFIGS: [string, string][] = [
  ['examples/aeef-gates.yml', read('examples/aeef-gates.yml')],
  ...documentedConfigs(),
];

describe(generateSchemas.name, () => {
  it.each(['schema/aeef-gates.schema.json', 'actions/kpi/schema/kpi-v1.schema.json'])(
    'the committed %s equals the generated one (run `npm run schemas`)',
    async (file) => {
      const generated = (await generateSchemas()).find((s) => s.file === file);
      expect(generated, file).toBeDefined();
      expect(read(file)).toBe(generated?.text);
    },
  );
});

// The schema is for editors; the runtime's parser and each gate's config() are the authority.
describe(parseConfigFile.name, () => {
  it('finds the config files of README.md (1) and docs/configuration.md (2)', () => {
    expect(CONFIGS.map(([name]) => name)).toHaveLength(4);
  });

  it.each(CONFIGS)('accepts %s, and each gate it names accepts its section', (file, text) => {
    const config = parseConfigFile(text, file, GATES);
    const named = config.gates ?? [];
    expect(named.length).toBeGreaterThan(0);
    for (const gate of GATES.filter((g) => named.includes(g.id))) {
      const inputs = withDefaults(configFileInputs(config, gate.id), [...COMMON_INPUTS, ...gate.inputs]);
      expect(() => gate.config(inputs) as unknown, gate.id).not.toThrow();
    }
  });
});

describe('schema/aeef-gates.schema.json', () => {
  const validate = configValidator();
  const example = parse(read('examples/aeef-gates.yml')) as Record<string, unknown>;

  it.each(CONFIGS)('accepts %s', (_file, text) => {
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  // The loader reads YAML as plain text; the schema must not flag what it accepts.
  const LENIENT = `gates: coverage, sarif, license
sarif:
  files: [a.sarif, b.sarif]
  new-only: false
coverage:
  min-lines: 80
  if-missing: warn
license:
  include-dev: true
  exceptions:
    - "left-pad@1.x: vendored, MIT in fact"
    - "caniuse-lite@*: CC-BY-4.0 data"
`;

  it('accepts the typed YAML spellings that the loader accepts', () => {
    expect(validate(parse(LENIENT)), JSON.stringify(validate.errors)).toBe(true);
    const config = parseConfigFile(LENIENT, 'aeef-gates.yml', GATES);
    expect(config.gates).toEqual(['coverage', 'sarif', 'license']);
    expect(configFileInputs(config, 'sarif').get('new-only')?.value).toBe('false');
    expect(configFileInputs(config, 'license').get('exceptions')?.value).toContain('\n');
  });

  it.each([
    ['a misspelt setting', { ...example, coverage: { 'min-line': 80 } }, '/coverage'],
    ['a percentage above 100', { ...example, mutation: { 'min-score': 120 } }, '/mutation/min-score'],
    ['an unknown gate', { ...example, gates: ['coverage', 'lint'] }, '/gates/1'],
    ['an unknown gate in a string list', { ...example, gates: 'coverage, lint' }, '/gates'],
    ['a boolean that is not one', { ...example, license: { 'include-dev': 'yes' } }, '/license/include-dev'],
    ['an unknown top-level key', { ...example, coverge: {} }, ''],
    ['a secret in the file', { ...example, 'pr-size': { 'github-token': 'x' } }, '/pr-size'],
  ])('rejects a broken copy: %s', (_name, broken, where) => {
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain(where);
  });
});
