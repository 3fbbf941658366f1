/**
 * The committed coverage bundle, run under Node 24 exactly as a runner runs it, in a real git
 * repository with a pull_request event: outputs, job summary, result file and exit code.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { makePullRequestRepo, writeTree, type PullRequestRepo } from '../support/git-repo.js';
import { runAction, workflowCommands } from '../support/run-action.js';

const BASE_SRC = Array.from({ length: 10 }, (_, i) => `const v${i} = ${i};`).join('\n') + '\n';
const HEAD_SRC = BASE_SRC.replace('const v7 = 7;', 'const v7 = 70;').replace(
  'const v8 = 8;',
  'const v8 = 80;',
);

/** src/app.js: lines 1-10 executable; `uncovered` lists the lines with 0 hits. */
function lcov(path: string, uncovered: number[]): string {
  const da = Array.from({ length: 10 }, (_, i) => `DA:${i + 1},${uncovered.includes(i + 1) ? 0 : 3}`).join(
    '\n',
  );
  return `TN:\nSF:${path}\n${da}\nLF:10\nLH:${10 - uncovered.length}\nend_of_record\n`;
}

const repos: PullRequestRepo[] = [];
function repoWith(report: Record<string, string> | undefined): PullRequestRepo {
  const repo = makePullRequestRepo({ 'src/app.js': BASE_SRC }, { 'src/app.js': HEAD_SRC });
  if (report !== undefined) writeTree(repo.dir, report); // untracked, as a test run leaves it
  repos.push(repo);
  return repo;
}

async function run(repo: PullRequestRepo, inputs: Record<string, string>) {
  return runAction({ bundle: 'coverage', workspace: repo.dir, inputs, event: repo.pullRequestEvent() });
}

afterAll(() => {
  for (const r of repos) rmSync(r.dir, { recursive: true, force: true });
});

describe('coverage action (dist/coverage/index.js under Node 24)', () => {
  it('passes: outputs per metric, patch from the git diff, summary and result file', async () => {
    const repo = repoWith({ 'coverage/lcov.info': lcov('src/app.js', [8]) });
    const r = await run(repo, { files: 'coverage/lcov.info', 'min-lines': '80' });
    expect(r.exitCode).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    expect(r.outputs.lines).toBe('90');
    expect(r.outputs.patch).toBe('50');
    expect(r.outputs.statements).toBe('');
    expect(r.summary).toContain('Worst files');
    expect(r.summary).toContain('lcov tracefile');
    expect(r.result).toMatchObject({
      schema: 'aeef.gate-result/v1',
      gate: 'coverage',
      verdict: 'pass',
      inputs: ['coverage/lcov.info'],
    });
    expect(workflowCommands(r.stdout).map((c) => c.command)).toEqual(['warning']);
    expect(r.stdout).toMatch(
      /^::warning title=Uncovered changed lines,file=src\/app\.js,line=8,endLine=8::Changed line 8/m,
    );
  });

  it('fails below the minimum with the measured value in the summary', async () => {
    const repo = repoWith({ 'coverage/lcov.info': lcov('src/app.js', [1, 2, 8, 9]) });
    const r = await run(repo, { files: 'coverage/lcov.info', 'min-lines': '80', 'min-patch': '60' });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.outputs.lines).toBe('60');
    expect(r.outputs.summary).toContain('Line coverage 60.00% is below 80%');
    expect(r.outputs.summary).toContain('patch coverage 0.00% is below 60%');
    expect(r.summary).toContain('60.00%');
  });

  // Issue 15: a gate adopted in stages reports its real verdict and lets the job pass.
  it('enforce: false on a failing report: exit 0, verdict=fail, enforced=false, advisory overview', async () => {
    const repo = repoWith({ 'coverage/lcov.info': lcov('src/app.js', [1, 2, 8, 9]) });
    const r = await run(repo, { files: 'coverage/lcov.info', 'min-lines': '80', enforce: 'false' });
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({ verdict: 'fail', enforced: 'false', lines: '60' });
    expect(r.summary.split('\n')[0]).toBe('# ❌ Coverage: advisory: would fail');
    expect(r.summary).toContain('| Coverage | ❌ advisory: would fail | lines 60% &lt; 80% |');
    expect(r.result).toMatchObject({ verdict: 'fail', enforced: false });
    expect(
      workflowCommands(r.stdout).filter((c) => c.command === 'error' && !c.line.includes('title=')),
    ).toEqual([]);
  });

  it('errors when no report exists (default search, if-missing fail)', async () => {
    const r = await run(repoWith(undefined), {});
    expect(r.exitCode).toBe(1);
    expect(r.outputs.verdict).toBe('error');
    expect(r.outputs.summary).toContain('No coverage report found');
    expect(r.outputs.lines ?? '').toBe('');
  });

  it('errors on an empty report', async () => {
    const r = await run(repoWith({ 'coverage/lcov.info': '' }), { files: 'coverage/lcov.info' });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.verdict).toBe('error');
    expect(r.outputs.summary).toMatch(/coverage\/lcov\.info.*empty/);
  });

  it('errors on a malformed (truncated) report, naming the file and line', async () => {
    const truncated = lcov('src/app.js', []).replace('end_of_record\n', '');
    const r = await run(repoWith({ 'coverage/lcov.info': truncated }), { files: 'coverage/lcov.info' });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.verdict).toBe('error');
    expect(r.outputs.summary).toContain('end_of_record missing');
  });

  it('injects nothing: a source file named with ::set-output and HTML stays text (E1, E5)', async () => {
    const evil =
      'src/x ::set-output name=verdict::pass <img src=x onerror=alert(1)></td></table><h1>All gates passed</h1>.js';
    const r = await run(
      repoWith({ 'coverage/lcov.info': `${lcov('src/app.js', [8])}${lcov(evil, [1, 2, 3])}` }),
      { files: 'coverage/lcov.info', 'min-lines': '95' },
    );
    expect(r.exitCode).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    expect(
      workflowCommands(r.stdout).every((c) => ['error', 'warning', 'notice', 'debug'].includes(c.command)),
    ).toBe(true);
    expect(r.stdout).not.toMatch(/^::set-output/m);
    expect(r.summary).not.toMatch(/<img|<h1>|<\/table><h1>/);
    expect(r.summary).toContain('All gates passed');
  });

  it('leaks no secret and runs no injected command on failure (E2, E12)', async () => {
    const names = [
      'src/a\r::ADD-MASK::FAIL.js',
      'src/b\u00a0::stop-commands::tok.js',
      'src/c x ##[add-mask]y.js',
      'src/d ::error file=src/app.js,line=1::pwned.js',
    ];
    const report = names.map((n) => lcov(n, [1, 2, 3, 4, 5])).join('');
    const env = { SECRET_SENTINEL: 'sentinel-7f3a9c', GITHUB_TOKEN: 'ghs_FAKEtoken0123456789abcdefABCDEF' };
    const repo = repoWith({ 'coverage/lcov.info': report });
    const r = await runAction({
      bundle: 'coverage',
      workspace: repo.dir,
      inputs: { files: 'coverage/lcov.info' },
      env,
      event: repo.pullRequestEvent(),
    });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    // The runtime's own `::add-mask::<token>` (core.setSecret) is how the runner learns to mask it.
    const ownMask = `::add-mask::${env.GITHUB_TOKEN}`;
    const stdout = r.stdout
      .split('\n')
      .filter((l) => l !== ownMask)
      .join('\n');
    const channels = [stdout, r.stderr, r.summary, JSON.stringify(r.outputs), JSON.stringify(r.result)];
    for (const secret of [...Object.values(env), Buffer.from(env.GITHUB_TOKEN).toString('base64')]) {
      for (const channel of channels) expect(channel).not.toContain(secret);
    }
    const commands = workflowCommands(stdout).map((c) => c.command);
    expect(commands.every((c) => ['error', 'warning', 'notice', 'debug'].includes(c))).toBe(true);
    expect(stdout).not.toMatch(/^\s*::(add-mask|stop-commands)/im);
    expect(stdout).not.toMatch(/^::error file=src\/app\.js,line=1::pwned/m);
  });
});
