/**
 * Real commits of public projects (test/fixtures/integrity, git's own diff output): ordinary
 * changes give no finding; the ones that add a suppression or a skip give exactly those.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from '@aeef/gate-result';
import { REPO_ROOT } from '../../../test/support/paths.js';
import { DEFAULT_GATE_ACTIONS, gateActionMatcher } from '../src/config.js';
import { detect } from '../src/detect.js';
import { CATEGORIES } from '../src/patterns.js';
import { brief } from './support.js';

const findingsOf = (name: string): string[] => {
  const text = readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'integrity', name), 'utf8');
  const findings = detect(
    { files: parseUnifiedDiff(text, { text: true }), texts: new Map() },
    {
      checks: new Set(CATEGORIES),
      isExcluded: () => false,
      isGateAction: gateActionMatcher([DEFAULT_GATE_ACTIONS]),
      configFile: '.github/aeef-gates.yml',
    },
  );
  return brief(findings);
};

describe('real commits', () => {
  it.each([
    'ky-06375ef.diff',
    'ky-6edddd9.diff',
    'ky-f37e82c.diff',
    'ky-61d6d66.diff',
    'click-9835b0f.diff',
    'click-bc32a92.diff',
    'click-f316d5c.diff',
    'click-047adef.diff',
    'cobra-ad460ea.diff',
    'cobra-746ef07.diff',
    'cobra-61968e8.diff',
    'cobra-fc81d20.diff',
  ])('%s weakens nothing', (name) => {
    expect(findingsOf(name)).toEqual([]);
  });

  it.each([
    ['cobra-f2878ba.diff', ['suppressions nolint completions.go:958']],
    ['cobra-611e16c.diff', ['skipped-tests go-skip cobra_test.go:247']],
    ['ky-3419113.diff', ['suppressions eslint-disable source/core/Ky.ts:591']],
    ['click-3b16957.diff', ['suppressions type-ignore src/click/types.py:109']],
  ])('%s: exactly its suppression or skip', (name, expected) => {
    expect(findingsOf(name)).toEqual(expected);
  });
});
