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

/** The YAML block under "## A full example" in docs/configuration.md. */
function fullExample(): string {
  const doc = read('docs/configuration.md');
  const block = /```yaml\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf('## A full example')))?.[1];
  if (block === undefined) throw new Error('Expected a YAML block under "## A full example".');
  return block;
}

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
  it.each([
    ['examples/aeef-gates.yml', () => read('examples/aeef-gates.yml')],
    ['the full example of docs/configuration.md', fullExample],
  ])('accepts %s, and every gate accepts its section', (file, text) => {
    const config = parseConfigFile(text(), file, GATES);
    for (const gate of GATES) {
      const inputs = withDefaults(configFileInputs(config, gate.id), [...COMMON_INPUTS, ...gate.inputs]);
      expect(() => gate.config(inputs) as unknown, gate.id).not.toThrow();
    }
  });
});

describe('schema/aeef-gates.schema.json', () => {
  const validate = configValidator();
  const example = parse(read('examples/aeef-gates.yml')) as Record<string, unknown>;

  it('accepts examples/aeef-gates.yml', () => {
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts the full example of docs/configuration.md', () => {
    const example = fullExample();
    expect(validate(parse(example)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['a misspelt setting', { ...example, coverage: { 'min-line': 80 } }, '/coverage'],
    ['a percentage above 100', { ...example, mutation: { 'min-score': 120 } }, '/mutation/min-score'],
    ['an unknown gate', { ...example, gates: ['coverage', 'lint'] }, '/gates/1'],
    ['an unknown top-level key', { ...example, coverge: {} }, ''],
    ['a secret in the file', { ...example, 'pr-size': { 'github-token': 'x' } }, '/pr-size'],
  ])('rejects a broken copy: %s', (_name, broken, where) => {
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain(where);
  });
});
