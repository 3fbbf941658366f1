import { describe, expect, it } from 'vitest';
import { parseConfigFile } from '../../src/config-file.js';
import {
  defaultPolicySource,
  describePolicy,
  diffPolicies,
  formatPolicyChange,
  policySection,
  withPolicy,
  type PolicyRecord,
} from '../../src/policy/diff.js';
import { createResult } from '../../src/result-builder.js';
import { parseGateResult } from '../../src/result-schema.js';
import { renderSummary } from '../../src/render/summary-markdown.js';

const GATES = [
  {
    id: 'coverage',
    inputs: [
      { name: 'min-lines', kind: 'percent' as const, description: '' },
      { name: 'exclude', kind: 'globs' as const, description: '' },
    ],
  },
  { id: 'pr-size', inputs: [{ name: 'max-lines', kind: 'integer' as const, description: '' }] },
];

const settings = (text: string) => parseConfigFile(text, 'c.yml', GATES).settings;

describe('diffPolicies', () => {
  it('lists every setting the head changes, added and removed ones included, sorted', () => {
    const base = settings(
      'gates: [coverage, pr-size]\ncoverage:\n  min-lines: 80\npr-size:\n  max-lines: 400\n',
    );
    const head = settings('gates: [coverage]\ncoverage:\n  min-lines: 0\n  exclude: [src/**]\n');
    expect(diffPolicies(base, head)).toEqual([
      { setting: 'coverage.exclude', base: null, head: 'src/**' },
      { setting: 'coverage.min-lines', base: '80', head: '0' },
      { setting: 'gates', base: 'coverage, pr-size', head: 'coverage' },
      { setting: 'pr-size.max-lines', base: '400', head: null },
    ]);
  });

  it('finds no change between equal files and against a missing file lists all', () => {
    const text = 'coverage:\n  min-lines: 80\n';
    expect(diffPolicies(settings(text), settings(`# same\n${text}`))).toEqual([]);
    expect(diffPolicies({}, settings(text))).toEqual([
      { setting: 'coverage.min-lines', base: null, head: '80' },
    ]);
  });

  it('covers sections of gates this action does not run and the approval section', () => {
    const base = parseConfigFile(
      'mutation:\n  min-score: 60\napproval:\n  min-approvals: 2\n',
      'c.yml',
      GATES,
    );
    const head = parseConfigFile(
      'mutation:\n  min-score: 10\napproval:\n  min-approvals: 0\n',
      'c.yml',
      GATES,
    );
    expect(diffPolicies(base.settings, head.settings).map(formatPolicyChange)).toEqual([
      'approval.min-approvals: 2 → 0',
      'mutation.min-score: 60 → 10',
    ]);
  });

  it('formats unset and empty values', () => {
    expect(formatPolicyChange({ setting: 'a.b', base: null, head: '' })).toBe('a.b: (unset) → ""');
  });
});

describe('defaultPolicySource', () => {
  it.each([
    ['pull_request', 'base'],
    ['pull_request_target', 'base'],
    ['merge_group', 'base'],
    ['pull_request_review', 'base'],
    ['push', 'head'],
    ['schedule', 'head'],
    ['local', 'head'],
  ])('%s → %s', (event, source) => {
    expect(defaultPolicySource(event)).toBe(source);
  });
});

describe('the policy on a result', () => {
  const record: PolicyRecord = {
    source: 'base',
    reason: 'the default on pull_request',
    file: '.github/aeef-gates.yml',
    origin: 'git',
    base: 'a'.repeat(40),
    changes: [
      { setting: 'coverage.min-lines', base: '80', head: '0' },
      { setting: 'coverage.exclude', base: null, head: '<img src=x>|`x`' },
      { setting: 'pr-size.max-lines', base: '400', head: '9999' },
    ],
  };

  it('says which policy was used', () => {
    expect(describePolicy(record)).toBe(
      'Policy: `.github/aeef-gates.yml` as it is at the base aaaaaaa (read with git), from the default on pull_request.',
    );
    expect(describePolicy({ ...record, origin: 'none' })).toMatch(
      /defaults and step inputs.*does not exist at the base aaaaaaa.*not used/,
    );
    expect(
      describePolicy({ ...record, source: 'head', origin: 'checkout', reason: '`policy-source: head`' }),
    ).toBe('Policy: `.github/aeef-gates.yml` in the checkout, from `policy-source: head`.');
  });

  it("lists the gate's own changes in its section and counts the others", () => {
    const section = policySection(record, 'coverage');
    expect(section.notes).toEqual([
      describePolicy(record),
      "The head's config file would change 2 settings (not in force):",
      'coverage.min-lines: 80 → 0',
      'coverage.exclude: (unset) → <img src=x>|`x`',
      '1 setting of other gates differ too (listed in the result file).',
    ]);
  });

  it('escapes hostile values in the summary and keeps the data in a valid result', () => {
    const result = withPolicy(createResult('coverage', { verdict: 'fail', summary: 'x' }), record);
    expect(result.policy).toEqual(record);
    const summary = renderSummary([result]);
    expect(summary).toContain('coverage.min\\-lines: 80 → 0'.replace('\\-', '-'));
    expect(summary).not.toContain('<img');
    expect(summary).toContain('&lt;img src=x&gt;&vert;\\`x\\`');
    expect(parseGateResult(JSON.stringify(result), 'r.json').policy).toEqual(record);
  });
});
