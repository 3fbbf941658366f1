import { describe, expect, it } from 'vitest';
import { configFileInputs, configFileJsonSchema, parseConfigFile } from '../src/config-file.js';
import { ConfigError } from '../src/errors.js';
import type { InputSpec } from '../src/gate.js';
import { getPercent } from '../src/inputs.js';

const coverage: { id: string; inputs: readonly InputSpec[] } = {
  id: 'coverage',
  inputs: [
    { name: 'min-lines', kind: 'percent', description: 'Minimum line coverage. Default: 80.', default: '80' },
    { name: 'files', kind: 'globs', description: 'Reports.' },
    { name: 'github-token', kind: 'secret', description: 'Token.' },
  ],
};
const parse = (text: string) => parseConfigFile(text, '.github/aeef-gates.yml', [coverage]);

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe(parseConfigFile.name, () => {
  it('keeps every value as the text written, lists joined by newlines', () => {
    const config = parse(
      'gates: [coverage, license]\ncoverage:\n  min-lines: 85.5\n  files:\n    - a/*.info\n    - b/*.info\n  if-missing: warn\nlicense:\n  anything: 1\n',
    );
    expect(config.gates).toEqual(['coverage', 'license']);
    expect(config.sections).toEqual({
      coverage: { 'min-lines': '85.5', files: 'a/*.info\nb/*.info', 'if-missing': 'warn' },
    });
    expect(configFileInputs(config, 'coverage').get('min-lines')).toEqual({
      value: '85.5',
      source: 'config-file',
    });
  });

  it('does not let YAML turn 0x50 into 80: the strict parser sees the text', () => {
    const inputs = configFileInputs(parse('coverage:\n  min-lines: 0x50\n'), 'coverage');
    expect(() => getPercent(inputs, 'min-lines')).toThrow('got `0x50`');
  });

  it.each([
    [
      'coverage:\n  min-line: 90\n',
      'Unknown setting `coverage.min-line` (did you mean `min-lines`?) in the config file `.github/aeef-gates.yml`.',
    ],
    [
      'coverag:\n  min-lines: 90\n',
      'Unknown key `coverag` (did you mean `coverage`?) in the config file `.github/aeef-gates.yml`.',
    ],
    [
      'gates: [coverage, licence]\n',
      'Unknown gate `licence` in `gates` (did you mean `license`?) in the config file `.github/aeef-gates.yml`.',
    ],
    [
      'coverage:\n  min-lines: 90\n  min-lines: 10\n',
      'Map keys must be unique: a key appears twice in one mapping (line 3) in the config file `.github/aeef-gates.yml`.',
    ],
    [
      'coverage:\n  github-token: ghs_x\n',
      'The setting `coverage.github-token` is a secret and cannot be set here; pass it as an input in the config file `.github/aeef-gates.yml`.',
    ],
    ['- a\n- b\n', 'Expected a mapping at the top level in the config file `.github/aeef-gates.yml`.'],
    [
      'coverage:\n  min-lines:\n    deep: 1\n',
      'Expected the `coverage` section to map setting names to values or lists in the config file `.github/aeef-gates.yml`.',
    ],
    ['coverage: [\n', 'in the config file'],
  ])('rejects %j', (text, expected) => {
    expect(message(() => parse(text))).toContain(expected);
  });

  it('caps alias expansion (billion laughs)', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      lines.push(
        `${'a'.repeat(i + 1)}: &${'a'.repeat(i + 1)} [${Array(10)
          .fill(`*${'a'.repeat(i)}`)
          .join(', ')}]`,
      );
    expect(message(() => parse(lines.join('\n')))).toContain('Too many YAML aliases');
  });

  it('accepts an empty file', () => {
    expect(parse('# nothing yet\n')).toEqual({ file: '.github/aeef-gates.yml', sections: {}, settings: {} });
  });
});

describe(configFileJsonSchema.name, () => {
  it('describes each gate section from its input specs, without secrets', () => {
    const schema = configFileJsonSchema([coverage]) as {
      properties: Record<string, { properties?: Record<string, unknown> }>;
    };
    expect(Object.keys(schema.properties.coverage?.properties ?? {})).toEqual([
      'if-missing',
      'enforce',
      'comment',
      'name',
      'min-lines',
      'files',
    ]);
    expect(schema.properties.coverage?.properties?.['min-lines']).toMatchObject({ maximum: 100, minimum: 0 });
  });
});
