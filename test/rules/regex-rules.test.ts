import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.js';
import { emulateRegexRule, readRegexRule } from './regex-emulation.js';
import { compilePcre, findNestedQuantifier } from './regex-safety.js';
import { findRuleFiles } from './rule-validator.js';

const RULES_DIR = path.join(REPO_ROOT, 'rules');
const REGEX_RULES = findRuleFiles(RULES_DIR).filter((file) => readRegexRule(file) !== undefined);

describe(emulateRegexRule.name, () => {
  it('finds the pack’s regex-only rules', () => {
    // 4 SQL + 5 shell (destructive-infra) + 3 secrets + 1 TLS rule are plain `pattern-regex` rules.
    expect(REGEX_RULES).toHaveLength(13);
  });

  it.each(REGEX_RULES.map((file) => [path.relative(RULES_DIR, file), file]))(
    '%s reports exactly the ruleid lines of its test file',
    (_name, file) => {
      const runs = emulateRegexRule(file);
      expect(runs.length).toBeGreaterThan(0);
      for (const run of runs) {
        expect(run.actual).toEqual(run.expected);
        for (const line of run.forbidden) expect(run.actual).not.toContain(line);
      }
    },
  );

  it('detects a rule that stops matching (the emulation can fail)', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'aeef-regex-'));
    try {
      cpSync(path.join(RULES_DIR, 'destructive-infra'), directory, { recursive: true });
      const rule = path.join(directory, 'kubectl-delete-without-namespace.yaml');
      writeFileSync(rule, readFileSync(rule, 'utf8').replace('kubectl\\s+delete', 'kubectl\\s+remove'));
      const [run] = emulateRegexRule(rule);
      expect(run?.expected).toEqual([5, 8]);
      expect(run?.actual).toEqual([]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe(findNestedQuantifier.name, () => {
  it.each([
    ['(a+)+', 0],
    ['x(?:\\w*\\.)*y', 1],
    ['((ab)*c)+', 0],
    ['(?:a|b\\s?){1,}', 0],
  ])('flags %s at offset %i', (source, offset) => {
    expect(findNestedQuantifier(source)).toBe(offset);
  });

  it.each(['(?:--\\s+)?x', '[(+]*a+', '\\(a+\\)+', '(?:table|view)+', '(?:(?!\\bwhere\\b)[^;])*;', '(a{2,3}){1,3}'])(
    'accepts %s',
    (source) => {
      expect(findNestedQuantifier(source)).toBe(-1);
    },
  );
});

describe(compilePcre.name, () => {
  it('moves leading PCRE flags into JS flags and keeps multiline on', () => {
    const compiled = compilePcre('(?i)^drop table');
    expect(compiled.ok && compiled.regex.flags).toBe('im');
    expect(compiled.ok && compiled.regex.test('x\nDROP TABLE t')).toBe(true);
  });

  it('rejects flags JS cannot express and broken syntax', () => {
    expect(compilePcre('(?x) a b')).toEqual({ ok: false, error: 'inline flag (?x) has no JavaScript equivalent' });
    expect(compilePcre('(unclosed').ok).toBe(false);
  });
});
