import { describe, expect, it } from 'vitest';
import type { Run } from 'sarif';
import { findRule, resolveLevel } from '../src/levels.js';
import { sarifResult, sarifRun } from './factory.js';

const RULES = [
  { id: 'r-error', defaultConfiguration: { level: 'error' as const } },
  { id: 'r-note', defaultConfiguration: { level: 'note' as const } },
  { id: 'r-plain' },
];

function runWith(overrides: Partial<Run> = {}): Run {
  return sarifRun({ tool: { driver: { name: 'T', rules: RULES } }, ...overrides });
}

describe(resolveLevel.name, () => {
  it.each([
    [
      'kind open gives none, whatever the level',
      { kind: 'open' as const, level: 'error' as const },
      'none',
      'kind',
    ],
    ['kind pass gives none', { kind: 'pass' as const, ruleId: 'r-error' }, 'none', 'kind'],
    ['kind fail uses result.level', { kind: 'fail' as const, level: 'note' as const }, 'note', 'result'],
    [
      'result.level wins over the rule',
      { ruleId: 'r-error', level: 'warning' as const },
      'warning',
      'result',
    ],
    ['rule default by ruleId', { ruleId: 'r-error' }, 'error', 'rule'],
    ['rule default by ruleIndex (ruleId mismatching)', { ruleId: 'nope', ruleIndex: 1 }, 'note', 'rule'],
    ['hierarchical ruleId finds its parent rule', { ruleId: 'r-error/sub' }, 'error', 'rule'],
    ['rule without defaultConfiguration: warning', { ruleId: 'r-plain' }, 'warning', 'default'],
    ['unknown rule: warning', { ruleId: 'unknown' }, 'warning', 'default'],
  ])('%s', (_name, result, level, source) => {
    const run = runWith();
    const r = sarifResult(result);
    expect(resolveLevel(run, r, findRule(run, r))).toEqual({ level, source });
  });

  it('applies the invocation ruleConfigurationOverrides before the rule default', () => {
    const run = runWith({
      invocations: [
        {
          executionSuccessful: true,
          ruleConfigurationOverrides: [{ descriptor: { id: 'r-error' }, configuration: { level: 'note' } }],
        },
      ],
    });
    const r = sarifResult({ ruleId: 'r-error' });
    expect(resolveLevel(run, r, findRule(run, r))).toEqual({ level: 'note', source: 'override' });
    const other = sarifResult({ ruleId: 'r-note' });
    expect(resolveLevel(run, other, findRule(run, other))).toEqual({ level: 'note', source: 'rule' });
  });

  it('finds rules in tool.extensions through rule.toolComponent (CodeQL packs)', () => {
    const run = sarifRun({
      tool: {
        driver: { name: 'CodeQL', rules: [] },
        extensions: [
          { name: 'other', rules: [{ id: 'x', defaultConfiguration: { level: 'note' } }] },
          {
            name: 'codeql/javascript-queries',
            rules: [{ id: 'js/xss', defaultConfiguration: { level: 'error' } }],
          },
        ],
      },
    });
    const byIndex = sarifResult({
      ruleId: 'js/xss',
      rule: { id: 'js/xss', index: 0, toolComponent: { index: 1 } },
    });
    expect(resolveLevel(run, byIndex, findRule(run, byIndex)).level).toBe('error');
    const byName = sarifResult({
      ruleId: undefined,
      rule: { id: 'js/xss', toolComponent: { name: 'codeql/javascript-queries' } },
    });
    expect(resolveLevel(run, byName, findRule(run, byName)).level).toBe('error');
    const lenient = sarifResult({ ruleId: 'x' });
    expect(resolveLevel(run, lenient, findRule(run, lenient)).level).toBe('note');
  });
});
