// evaluateLicenses: verdicts, scopes, first-party packages, exceptions (B30), unknowns (B28),
// deny over allow (A5) and the order of the summary, on typed factories.
import type { Inputs } from '@aeef/gate-result';
import { describe, expect, it } from 'vitest';
import { readLicenseConfig, type LicenseConfig } from '../src/config.js';
import { evaluateLicenses } from '../src/evaluate.js';
import type { Inventory, PackageRecord } from '../src/model.js';

function inputs(values: Record<string, string>): Inputs {
  return {
    get: (name) => (values[name] === undefined ? undefined : { value: values[name], source: 'input' }),
  };
}

const config = (values: Record<string, string> = {}): LicenseConfig => readLicenseConfig(inputs(values));

const pkg = (
  overrides: Omit<Partial<PackageRecord>, 'license'> & { license?: string | null },
): PackageRecord => {
  const { license, ...rest } = overrides;
  return {
    name: 'a',
    version: '1.0.0',
    scope: 'production',
    firstParty: false,
    path: [overrides.name ?? 'a'],
    license: license === null ? { kind: 'missing' } : { kind: 'string', value: license ?? 'MIT' },
    ...rest,
  };
};

const inventory = (...packages: PackageRecord[]): Inventory => ({
  format: 'test',
  file: 'package-lock.json',
  packages,
  needsNodeModules: false,
});

describe(evaluateLicenses.name, () => {
  it('passes when every checked package is allowed, and says which scopes were checked', () => {
    const result = evaluateLicenses(
      [inventory(pkg({ name: 'a' }), pkg({ name: 'b', license: 'ISC' }))],
      config(),
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe('All 2 production and optional packages have allowed licenses.');
    expect(result.metrics.find((m) => m.id === 'packages')?.value).toBe(2);
  });

  it('fails on AND with a disallowed part and lists the violation with its path first', () => {
    const bad = pkg({ name: 'bad', license: 'MIT AND GPL-3.0-only', path: ['top', 'mid', 'bad'] });
    const result = evaluateLicenses([inventory(pkg({}), bad)], config());
    expect(result.verdict).toBe('fail');
    expect(result.details[0]?.title).toBe('Violations');
    expect(result.details[0]?.rows).toEqual([
      ['bad', '1.0.0', 'MIT AND GPL-3.0-only', 'not allowed: GPL-3.0-only', 'top > mid > bad'],
    ]);
    expect(result.findings[0]?.message).toContain('top > mid > bad');
    expect(result.metrics.find((m) => m.id === 'violations')?.value).toBe(1);
  });

  it('shows the branch that satisfied an OR expression', () => {
    const result = evaluateLicenses(
      [inventory(pkg({ name: 'jszip', license: '(MIT OR GPL-3.0-or-later)' }))],
      config(),
    );
    const choices = result.details.find((s) => s.title === 'Choices made');
    expect(choices?.rows).toEqual([['jszip', '1.0.0', 'MIT OR GPL-3.0-or-later', 'MIT']]);
  });

  it('fails unknown licenses by default and warns with on-unknown: warn (B28)', () => {
    const packages = [
      null,
      'NOASSERTION',
      'UNKNOWN',
      'SEE LICENSE IN LICENSE',
      'MIT OR',
      'UNLICENSED',
      '',
    ].map((license, i) => pkg({ name: `p${i}`, license }));
    const failing = evaluateLicenses([inventory(...packages)], config());
    expect(failing.verdict).toBe('fail');
    expect(failing.metrics.find((m) => m.id === 'unknown')?.value).toBe(7);
    expect(failing.metrics.find((m) => m.id === 'violations')?.value).toBe(7);
    const warning = evaluateLicenses([inventory(...packages)], config({ 'on-unknown': 'warn' }));
    expect(warning.verdict).toBe('warn');
    expect(warning.findings.every((f) => f.level === 'warning')).toBe(true);
  });

  it('lets deny win over allow and says so in the summary (A5)', () => {
    const result = evaluateLicenses(
      [inventory(pkg({ license: 'GPL-3.0-only' }))],
      config({ allow: 'MIT, GPL-3.0-only', deny: 'GPL-3.0-only' }),
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toContain('Deny wins over allow for GPL-3.0-only.');
    expect(result.findings[0]?.ruleId).toBe('license/denied');
  });

  it('skips development packages unless include-dev, and says so', () => {
    const packages = [pkg({}), pkg({ name: 'tool', scope: 'development', license: 'GPL-3.0-only' })];
    const prod = evaluateLicenses([inventory(...packages)], config());
    expect(prod.verdict).toBe('pass');
    expect(prod.summary).toContain('1 development package was not checked.');
    expect(evaluateLicenses([inventory(...packages)], config({ 'include-dev': 'true' })).verdict).toBe(
      'fail',
    );
  });

  it('checks optional packages (they ship)', () => {
    expect(
      evaluateLicenses([inventory(pkg({ scope: 'optional', license: 'GPL-3.0-only' }))], config()).verdict,
    ).toBe('fail');
  });

  it('lists first-party packages without judging them', () => {
    const result = evaluateLicenses(
      [inventory(pkg({ name: 'my-app', firstParty: true, license: 'UNLICENSED' }))],
      config(),
    );
    expect(result.verdict).toBe('pass');
    expect(result.details.at(-1)?.notes?.join('\n')).toContain(
      'First-party packages, listed and not judged: my-app.',
    );
  });

  it('applies exceptions by exact name and semver range, and reports unused ones', () => {
    const packages = [
      pkg({ name: 'lodash', version: '4.17.21', license: 'GPL-3.0-only' }),
      pkg({ name: 'other', license: 'GPL-3.0-only' }),
    ];
    const result = evaluateLicenses(
      [inventory(...packages)],
      config({
        exceptions: 'lodash@^4.17.0: reviewed by legal, JIRA-1\nother@^2: not this version\nghost@*: gone',
      }),
    );
    expect(result.metrics.find((m) => m.id === 'exceptions-used')?.value).toBe(1);
    expect(result.findings.map((f) => f.title)).toEqual(['License: other@1.0.0']);
    const table = result.details.find((s) => s.title === 'Exceptions');
    expect(table?.rows?.map((r) => r[2])).toEqual([
      'used',
      'unused: matches no checked package',
      'unused: matches no checked package',
    ]);
  });

  it('matches exception names exactly: no case folding, no homoglyphs (B30)', () => {
    const packages = [pkg({ name: 'lodash', license: 'GPL-3.0-only' })];
    for (const name of ['Lodash', 'lod\u0430sh', 'lodash\u200b', 'LODASH', '@x/lodash']) {
      const result = evaluateLicenses([inventory(...packages)], config({ exceptions: `${name}@*: spoof` }));
      expect(result.verdict, name).toBe('fail');
    }
  });

  it('judges a package listed by two sources once', () => {
    const result = evaluateLicenses([inventory(pkg({})), inventory(pkg({}))], config());
    expect(result.metrics.find((m) => m.id === 'packages')?.value).toBe(1);
  });

  it('keeps report text (commands, HTML) only in escaped channels: messages and cells, never in file', () => {
    const hostile = '\n::set-output name=passed::true</td><img src=x>';
    const result = evaluateLicenses([inventory(pkg({ name: `x${hostile}`, license: hostile }))], config());
    expect(result.verdict).toBe('fail');
    expect(result.findings[0]?.file).toBe('package-lock.json');
  });
});

describe(readLicenseConfig.name, () => {
  it.each([
    [{ allow: 'MIT2, GPL' }, /`MIT2`, `GPL`/],
    [{ 'include-dev': 'yes' }, /include-dev/],
    [{ 'on-unknown': 'pass' }, /on-unknown/],
    [{ exceptions: 'lodash@^4' }, /name@range: reason/],
    [{ exceptions: 'lodash@not-a-range: x' }, /semver range/],
  ])('rejects %j', (values, message) => {
    expect(() => config(values)).toThrow(message);
  });

  it('defaults to the permissive allow set', () => {
    expect(config().allow).toEqual([
      'MIT',
      'ISC',
      'BSD-2-Clause',
      'BSD-3-Clause',
      'Apache-2.0',
      '0BSD',
      'Zlib',
      'Unlicense',
      'CC0-1.0',
      'BlueOak-1.0.0',
      'Python-2.0',
    ]);
  });
});
