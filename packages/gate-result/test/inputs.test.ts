import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import {
  getBoolean,
  getEnum,
  getGlobs,
  getInteger,
  getList,
  getNumber,
  getPercent,
  getString,
  requireInput,
} from '../src/inputs.js';
import {
  COMMON_INPUTS,
  describeSettings,
  findMisspelledInputs,
  inputsFromRecord,
  layerInputs,
  withDefaults,
} from '../src/input-specs.js';

const one = (value: string | undefined) => inputsFromRecord({ x: value });

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe(getPercent.name, () => {
  // RELIABILITY A1: missing, empty, blank are unset (never 0); the gate's default or "required" applies.
  it.each([undefined, '', '  '])('treats %j as unset', (value) => {
    expect(getPercent(one(value), 'x')).toBeUndefined();
  });

  it.each([
    ['0', 0],
    ['80', 80],
    ['79.5', 79.5],
    ['100', 100],
    ['100.00', 100],
    [' 80 ', 80],
    ['05', 5],
  ])('accepts %j as %d', (value, expected) => {
    expect(getPercent(one(value), 'x')).toBe(expected);
  });

  // RELIABILITY A2: everything Number() or parseFloat would half-accept.
  it.each([
    '80%',
    '0x50',
    '1e400',
    '1e2',
    '-1',
    '101',
    '100.5',
    'NaN',
    'Infinity',
    '80,5',
    '.5',
    '5.',
    '+5',
    '８０',
    'yes',
  ])('rejects %j naming the input and the value', (value) => {
    const error = errorOf(() => getPercent(inputsFromRecord({ 'min-lines': value }), 'min-lines'));
    expect(error.input).toBe('min-lines');
    expect(error.message).toBe(`Expected \`min-lines\` to be a number from 0 to 100, got \`${value}\`.`);
  });
});

describe(getNumber.name, () => {
  it('accepts plain decimals within the range', () => {
    expect(getNumber(one('2.5'), 'x', { max: 10 })).toBe(2.5);
    expect(getNumber(one('1000000'), 'x')).toBe(1_000_000);
  });

  it.each(['-1', '1e400', '0x50', 'Infinity', 'NaN', '80,5', '11'])('rejects %j', (value) => {
    expect(errorOf(() => getNumber(one(value), 'x', { max: 10 })).message).toBe(
      `Expected \`x\` to be a number from 0 to 10, got \`${value}\`.`,
    );
  });
});

describe(getInteger.name, () => {
  it('accepts digits only', () => {
    expect(getInteger(one('400'), 'x', { min: 1 })).toBe(400);
    expect(errorOf(() => getInteger(one('4.5'), 'x')).message).toBe(
      'Expected `x` to be a whole number of at least 0, got `4.5`.',
    );
    expect(errorOf(() => getInteger(one('0'), 'x', { min: 1 })).message).toContain('at least 1');
  });
});

describe(getBoolean.name, () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
  ])('accepts %j like getBooleanInput', (value, expected) => {
    expect(getBoolean(one(value), 'x')).toBe(expected);
  });

  // RELIABILITY A3
  it.each(['yes', '1', 'on', 'no', '0', 'off', 'tRUE'])('rejects %j', (value) => {
    expect(errorOf(() => getBoolean(one(value), 'x')).message).toBe(
      `Expected \`x\` to be \`true\` or \`false\`, got \`${value}\`.`,
    );
  });
});

describe(getEnum.name, () => {
  it('accepts exactly the listed values', () => {
    expect(getEnum(one('warn'), 'x', ['fail', 'warn'])).toBe('warn');
    expect(errorOf(() => getEnum(one('WARN'), 'x', ['fail', 'warn'])).message).toBe(
      'Expected `x` to be one of `fail`, `warn`, got `WARN`.',
    );
  });
});

describe(getList.name, () => {
  it('splits on commas and newlines, trims, drops empties', () => {
    expect(getList(one(' a, b\n\nc ,,\r\nd '), 'x')).toEqual(['a', 'b', 'c', 'd']);
    expect(getList(one(undefined), 'x')).toEqual([]);
  });
});

describe(getGlobs.name, () => {
  it('keeps brace commas inside a pattern', () => {
    expect(getGlobs(one('src/**/*.{ts,tsx}, !**/*.test.ts'), 'x')).toEqual([
      'src/**/*.{ts,tsx}',
      '!**/*.test.ts',
    ]);
    expect(getGlobs(one(''), 'x')).toBeUndefined();
  });

  // Absolute paths pass here and are checked against the workspace when listed (local-io.test.ts).
  it.each(['C:/x/*', '../x/*', '~/x', 'a/../../b', '+(a|b)'])('rejects %j', (value) => {
    expect(errorOf(() => getGlobs(one(value), 'x')).input).toBe('x');
  });
});

describe(getString.name, () => {
  it('trims, and redacts token-like values in messages', () => {
    expect(getString(one('  hi '), 'x')).toBe('hi');
    const error = errorOf(() => getPercent(one('ghs_abcdefghijklmnopqrstuvwxyz0123456789'), 'x'));
    expect(error.message).not.toContain('ghs_');
    expect(error.message).toContain('<redacted>');
  });
});

describe(requireInput.name, () => {
  it('says the input is required', () => {
    expect(errorOf(() => requireInput('threshold', getPercent(one('  '), 'threshold'))).message).toBe(
      'Expected `threshold` to be set, but it is empty or unset.',
    );
  });
});

describe(withDefaults.name, () => {
  it('fills defaults under given values and records the source', () => {
    const specs = [
      ...COMMON_INPUTS,
      { name: 'min-lines', kind: 'percent', description: '', default: '80' } as const,
    ];
    const inputs = withDefaults(
      layerInputs(
        inputsFromRecord({ 'if-missing': 'warn' }),
        inputsFromRecord({ 'min-lines': '90' }, 'config-file'),
      ),
      specs,
    );
    expect(inputs.get('if-missing')).toEqual({ value: 'warn', source: 'input' });
    expect(inputs.get('min-lines')).toEqual({ value: '90', source: 'config-file' });
    expect(inputs.get('working-directory')).toEqual({ value: '.', source: 'default' });
    expect(inputs.get('nope')).toBeUndefined();
  });
});

describe(findMisspelledInputs.name, () => {
  const specs = [{ name: 'threshold', kind: 'percent', description: '' }, ...COMMON_INPUTS] as const;

  // RELIABILITY A4
  it('flags near misses of known names and leaves far names alone', () => {
    expect(
      findMisspelledInputs(['thresold', 'threshold', 'if_missing', 'working-dir', 'github-token'], specs),
    ).toEqual([
      { given: 'thresold', suggestion: 'threshold' },
      { given: 'if_missing', suggestion: 'if-missing' },
    ]);
  });
});

describe(describeSettings.name, () => {
  it('names each set value with its source, secrets left out', () => {
    const specs = [
      ...COMMON_INPUTS,
      { name: 'files', kind: 'globs', description: '' },
      { name: 'github-token', kind: 'secret', description: '' },
    ] as const;
    const inputs = withDefaults(
      layerInputs(
        inputsFromRecord({ 'github-token': 'ghs_x' }),
        inputsFromRecord({ files: 'a.info\nb.info' }, 'config-file'),
      ),
      specs,
    );
    expect(describeSettings(inputs, specs)).toBe(
      'if-missing=fail (default); working-directory=. (default); enforce=true (default); comment=auto (default); files=a.info, b.info (config-file)',
    );
  });
});
