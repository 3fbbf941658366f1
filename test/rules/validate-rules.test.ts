import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.js';
import { BROKEN_PACKS } from './broken-packs.js';
import { summarizeRulePack, validateRulePack } from './rule-validator.js';

const RULES_DIR = path.join(REPO_ROOT, 'rules');
const THEMES = [
  'cors',
  'crypto',
  'destructive-data',
  'destructive-infra',
  'github-actions',
  'injection',
  'jwt',
  'secrets',
  'tls',
];

let copies: string[] = [];

/** A fresh copy of the pack, so each case breaks exactly one thing. */
function copyPack(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'aeef-rules-'));
  cpSync(RULES_DIR, directory, { recursive: true });
  copies.push(directory);
  return directory;
}

afterEach(() => {
  for (const directory of copies) rmSync(directory, { recursive: true, force: true });
  copies = [];
});

describe(validateRulePack.name, () => {
  it('accepts the shipped pack', () => {
    expect(validateRulePack(RULES_DIR)).toEqual([]);
  });

  it('counts at least 30 rules across the nine themes of issue 8', () => {
    const summary = summarizeRulePack(RULES_DIR);
    expect(summary.rules).toBeGreaterThanOrEqual(30);
    expect(Object.keys(summary.themes).sort()).toEqual(THEMES);
    for (const theme of THEMES) expect(summary.themes[theme]).toBeGreaterThanOrEqual(2);
  });

  it.each(BROKEN_PACKS)('reports exactly one problem for $name', ({ breakIt, file, message }) => {
    const directory = copyPack();
    breakIt(directory);
    const problems = validateRulePack(directory);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe(file);
    expect(problems[0]?.message).toMatch(message);
  });
});
