/**
 * Real commits of public repositories (test/fixtures/provenance/commits.json, see its MANIFEST):
 * each is classified as its hand-checked ground truth says, and precision and recall on the set are
 * the figures docs/provenance.md reports.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyCommit } from '../src/classify.js';
import { BUILTIN_IDENTITIES, compileIdentities } from '../src/identities.js';
import { REPO_ROOT } from '../../../test/support/paths.js';

interface Fixture {
  repo: string;
  sha: string;
  authorName: string;
  authorEmail: string;
  committerName: string;
  committerEmail: string;
  message: string;
  ai: boolean;
  tools: string[];
  why: string;
}

const FIXTURES = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'test/fixtures/provenance/commits.json'), 'utf8'),
) as Fixture[];
const match = compileIdentities(BUILTIN_IDENTITIES);
const classify = (f: Fixture) => classifyCommit({ ...f, parents: 1, additions: 0, deletions: 0 }, match);

describe('real commits', () => {
  it('holds 30+ human-only commits and AI commits of every tool the fixtures cover', () => {
    expect(FIXTURES.filter((f) => !f.ai).length).toBeGreaterThanOrEqual(30);
    const tools = new Set(FIXTURES.flatMap((f) => f.tools));
    expect([...tools].sort()).toEqual([
      'Aider',
      'Amp',
      'Claude Code',
      'Cursor',
      'GitHub Copilot',
      'OpenAI Codex',
    ]);
  });

  it.each(FIXTURES.map((f) => [`${f.repo}@${f.sha.slice(0, 8)} (${f.why})`, f] as const))(
    '%s',
    (_name, fixture) => {
      const verdict = classify(fixture);
      expect(verdict.ai).toBe(fixture.ai);
      expect(verdict.tools).toEqual(fixture.tools);
    },
  );

  it('precision and recall on the set are both 1 (the figures in docs/provenance.md)', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const f of FIXTURES) {
      const ai = classify(f).ai;
      if (ai && f.ai) tp++;
      else if (ai) fp++;
      else if (f.ai) fn++;
    }
    expect({ tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn) }).toEqual({
      tp: FIXTURES.filter((f) => f.ai).length,
      fp: 0,
      fn: 0,
      precision: 1,
      recall: 1,
    });
  });
});
