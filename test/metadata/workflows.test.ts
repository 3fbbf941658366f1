import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runLint } from '../support/actionlint.js';
import { REPO_ROOT } from '../support/paths.js';

/** The README's workflow examples, each shown verbatim there. */
const EXAMPLES = ['pull-request', 'push', 'merge-group', 'matrix-kpi', 'pr-size-target', 'reviews'].map(
  (name) => `docs/examples/${name}.yml`,
);
const SELF_TEST = '.github/workflows/gates.yml';
const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;
const OURS = /^(?:\.\/|\.\/actions\/[a-z-]+|aeef\/gates@v1|aeef\/gates\/actions\/[a-z-]+@v1)$/;

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  'continue-on-error'?: unknown;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: unknown;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  jobs: Record<string, Job>;
}

function read(file: string): string {
  return readFileSync(path.join(REPO_ROOT, file), 'utf8');
}

describe.each([...EXAMPLES, SELF_TEST])('%s', (file) => {
  const text = read(file);
  const workflow = parse(text) as Workflow;
  const jobs = Object.entries(workflow.jobs);
  const steps = jobs.flatMap(([, job]) => job.steps);

  it('passes actionlint', async () => {
    expect(await runLint(text, file)).toEqual([]);
  });

  it('pins every third-party action to a full commit SHA (RELIABILITY F4)', () => {
    for (const uses of steps.flatMap((s) => (s.uses === undefined ? [] : [s.uses]))) {
      expect(OURS.test(uses) || PINNED.test(uses), uses).toBe(true);
    }
  });

  it('keeps top-level permissions read-only or empty (F4)', () => {
    expect([{}, { contents: 'read' }]).toContainEqual(workflow.permissions);
  });

  it('expands no ${{ }} inside run: (F1)', () => {
    for (const step of steps) expect(step.run ?? '').not.toContain('${{');
  });

  it('runs no PR code under pull_request_target (F1)', () => {
    if (!('pull_request_target' in workflow.on)) return;
    expect(steps.some((s) => s.uses?.startsWith('actions/checkout@') ?? false)).toBe(false);
    expect(steps.some((s) => s.run !== undefined)).toBe(false);
  });

  it('never skips a gate job, and aggregates split jobs in an always-run job (F2)', () => {
    for (const [name, job] of jobs) expect([undefined, 'always()'], name).toContain(job.if);
    if (jobs.length < 2) return;
    const others = jobs.map(([name]) => name);
    const aggregator = jobs.find(
      ([name, job]) =>
        job.if === 'always()' &&
        others.filter((o) => o !== name).every((o) => [job.needs].flat().includes(o)),
    );
    expect(aggregator, 'a job with `if: always()` that needs every other job').toBeDefined();
    expect(aggregator?.[1].steps.map((s) => s.run).join('\n')).toContain('.result == "success"');
  });

  it('puts continue-on-error on no gate step (F3), except the self-test of a failing gate', () => {
    const soft = steps.filter((s) => s['continue-on-error'] !== undefined).map((s) => s.id);
    expect(soft).toEqual(file === SELF_TEST ? ['missing'] : []);
  });

  it('skips no gate for bots (F3)', () => {
    expect(text).not.toMatch(/github\.actor|dependabot/);
  });
});

describe(SELF_TEST, () => {
  const steps = (parse(read(SELF_TEST)) as Workflow).jobs['self-test']?.steps ?? [];
  const byId = (id: string) => steps.find((s) => s.id === id);

  it('runs the coverage, mutation, SARIF and umbrella actions on the sample reports', () => {
    expect(['coverage', 'mutation', 'sarif', 'umbrella'].map((id) => byId(id)?.uses)).toEqual([
      './actions/coverage',
      './actions/mutation',
      './actions/sarif',
      './',
    ]);
  });

  it('asserts that the step with a missing report failed', () => {
    const check = steps[steps.indexOf(byId('missing') ?? {}) + 1];
    expect(check?.run).toContain('test "$OUTCOME" = failure');
  });
});

describe('README.md', () => {
  const readme = read('README.md');

  it.each(EXAMPLES)('shows %s verbatim', (file) => {
    expect(readme).toContain(`\`\`\`yaml\n${read(file)}\`\`\``);
  });
});
