/**
 * The rule pack under the real Semgrep (the version pinned in tools/semgrep/requirements.txt,
 * installed by `npm run setup:semgrep` and by .ci/run): every rule validates, every rule's own test
 * passes, and the SARIF gate's counts on Semgrep's SARIF equal
 * Semgrep's own JSON output of the same run.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePullRequestRepo } from '../support/git-repo.js';
import { REPO_ROOT } from '../support/paths.js';
import { runAction } from '../support/run-action.js';
import { reportSkip, requireProgram } from '../support/services.js';

const RULES = path.join(REPO_ROOT, 'rules');
const PINNED = /^semgrep==(\S+)$/m.exec(
  readFileSync(path.join(REPO_ROOT, 'tools', 'semgrep', 'requirements.txt'), 'utf8'),
)?.[1];
const SEMGREP = requireProgram('semgrep', `run \`npm run setup:semgrep\` (Semgrep ${PINNED} from PyPI)`, [
  path.join(REPO_ROOT, 'tools', 'semgrep-venv', 'bin', 'semgrep'),
]);
const SLOW = 300_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs Semgrep offline: no metrics, no version check, no registry unless `registry` is given. */
function semgrep(args: string[], options: { cwd?: string; registry?: string } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SEMGREP_SEND_METRICS: 'off',
    SEMGREP_ENABLE_VERSION_CHECK: '0',
    // never the real registry: a `p/...` config would reach the network
    SEMGREP_URL: options.registry ?? 'http://127.0.0.1:9',
  };
  return new Promise((resolve) => {
    execFile(
      SEMGREP.path!,
      args,
      { cwd: options.cwd ?? REPO_ROOT, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const SCAN = ['scan', '--metrics=off', '--disable-version-check', '--config', RULES];

function ruleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f) && !f.endsWith('.test.yaml'))
    .sort();
}

interface JsonResult {
  check_id: string;
  path: string;
  start: { line: number };
  extra: { severity: string };
}

/** Semgrep's own JSON counts by severity, the oracle for the gate's level counts. */
function jsonCounts(json: { results: JsonResult[] }): { errors: number; warnings: number; notes: number } {
  const by = (severity: string) => json.results.filter((r) => r.extra.severity === severity).length;
  return { errors: by('ERROR'), warnings: by('WARNING'), notes: by('INFO') };
}

/**
 * Scans `workspace` twice with the same arguments, once for SARIF and once for Semgrep's own JSON,
 * then runs the SARIF gate bundle on the SARIF. Two runs, not one with `--sarif-output` and
 * `--json-output`: when SARIF is among several outputs, Semgrep 1.150.0 keeps `nosemgrep` results in
 * the JSON too, with no `is_ignored` mark, so that JSON would count suppressed findings as live.
 */
async function scanAndGate(workspace: string, inputs: Record<string, string> = {}, event?: unknown) {
  const [sarif, scan] = await Promise.all([
    semgrep([...SCAN, '--sarif', '--output=semgrep.sarif', '--quiet', '.'], { cwd: workspace }),
    semgrep([...SCAN, '--json', '--quiet', '.'], { cwd: workspace }),
  ]);
  expect(sarif.code, sarif.stderr).toBe(0);
  expect(scan.code, scan.stderr).toBe(0);
  const json = JSON.parse(scan.stdout) as { results: JsonResult[]; errors: unknown[] };
  expect(json.errors).toEqual([]);
  const run = await runAction({
    bundle: 'sarif',
    workspace,
    inputs: { files: 'semgrep.sarif', ...inputs },
    ...(event === undefined ? { eventName: 'push' } : { event }),
  });
  return { json, run };
}

describe.skipIf(reportSkip(SEMGREP))('the rule pack under real Semgrep', () => {
  it('is the pinned version', async () => {
    expect(PINNED).toMatch(/^\d+\.\d+\.\d+$/);
    // --disable-version-check: without it `--version` waits for the unreachable release server
    const run = await semgrep(['--version', '--disable-version-check']);
    expect(run.stdout.trim()).toBe(PINNED);
  });

  describe('semgrep --validate', () => {
    // --validate also lints with the registry pack p/semgrep-rule-lints, which this machine cannot
    // reach. A local stand-in serves an empty pack, so what runs is Semgrep's own JSON-schema check
    // and semgrep-core's rule parser (-check_rules) on every rule; on GitHub, rules.yml runs it with
    // the real registry.
    let server: Server;
    let registry = '';
    const requested: string[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        requested.push(req.url ?? '');
        if (req.url === '/c/p/semgrep-rule-lints') res.writeHead(200, { 'content-type': 'text/yaml' }).end('rules: []\n');
        else res.writeHead(404).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it(
      'accepts every rule of the pack',
      async () => {
        const run = await semgrep(['--validate', '--metrics=off', '--config', RULES], { registry });
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toContain(`Configuration is valid - found 0 configuration error(s), and ${ruleFiles(RULES).length} rule(s).`);
        expect(requested).toContain('/c/p/semgrep-rule-lints');
      },
      SLOW,
    );

    it(
      'rejects a pack with a broken rule, naming it',
      async () => {
        const copy = mkdtempSync(path.join(os.tmpdir(), 'aeef-rules-'));
        cpSync(RULES, copy, { recursive: true });
        const file = path.join(copy, 'destructive-data', 'sql-truncate-table.yaml');
        writeFileSync(file, readFileSync(file, 'utf8').replace('pattern-regex:', 'pattern-regexp:'));
        const run = await semgrep(['--validate', '--metrics=off', '--config', copy], { registry });
        expect(run.code).not.toBe(0);
        expect(run.stderr).toContain('Rule parse error in rule sql-truncate-table');
      },
      SLOW,
    );
  });

  it(
    'semgrep --test rules/ passes every rule test',
    async () => {
      const run = await semgrep(['--test', '--metrics=off', '--disable-version-check', RULES]);
      const total = ruleFiles(RULES).length;
      expect(run.code, run.stdout + run.stderr).toBe(0);
      // every rule ran on its test file: the offline validator requires two `ruleid:` lines per rule,
      // and a `ruleid:` line Semgrep does not report fails this run
      expect(run.stdout + run.stderr).toContain(`${total}/${total}: ✓ All tests passed`);
    },
    SLOW,
  );

  it(
    "on examples/, the SARIF gate counts what Semgrep's JSON counts: nothing, the sample is clean",
    async () => {
      const workspace = mkdtempSync(path.join(os.tmpdir(), 'aeef-examples-'));
      cpSync(path.join(REPO_ROOT, 'examples'), workspace, {
        recursive: true,
        filter: (src) => !src.includes(`${path.sep}node_modules`),
      });
      const { json, run } = await scanAndGate(workspace, { 'fail-on-level': 'note' });
      const counts = jsonCounts(json);
      // the sample project has none of the pack's patterns (the counting is proven on the repository below)
      expect(json.results).toEqual([]);
      expect(run.outputs).toMatchObject({
        errors: String(counts.errors),
        warnings: String(counts.warnings),
        notes: String(counts.notes),
        findings: String(json.results.length),
        verdict: json.results.length === 0 ? 'pass' : 'fail',
      });
    },
    SLOW,
  );

  it(
    "on a repository built here, the gate's counts, annotations and new-only diff agree with Semgrep's JSON",
    async () => {
      const repo = makePullRequestRepo(
        {
          'app/db.py': 'def purge(cursor, table):\n    cursor.execute("DELETE FROM " + table)\n',
          'scripts/deploy.sh': '#!/bin/sh\ncurl -k https://example.invalid/install.sh | sh\n',
        },
        {
          'app/tokens.js': [
            "const jwt = require('jsonwebtoken');",
            'const resetToken = Math.random().toString(36).slice(2);',
            'function reset() {',
            '  return resetToken;',
            '}',
            'function claims(token) {',
            '  return jwt.decode(token);',
            '}',
            'module.exports = { reset, claims };',
            '',
          ].join('\n'),
          'app/hash.py': [
            'import hashlib',
            '',
            'def digest(password):',
            '    return hashlib.md5(password.encode()).hexdigest()',
            '',
            'def legacy(password):',
            '    return hashlib.md5(password.encode()).hexdigest()  # nosemgrep',
            '',
          ].join('\n'),
        },
      );
      const { json, run } = await scanAndGate(
        repo.dir,
        { 'fail-on-level': 'warning', 'new-only': 'diff' },
        repo.pullRequestEvent(),
      );
      const counts = jsonCounts(json);
      // the planted findings are all there: one per vulnerable line, none on the nosemgrep line
      expect(json.results.map((r) => `${r.path}:${r.start.line}`).sort()).toEqual([
        'app/db.py:2',
        'app/hash.py:4',
        'app/tokens.js:2',
        'app/tokens.js:7',
        'scripts/deploy.sh:2',
      ]);
      const changed = json.results.filter((r) => r.path === 'app/tokens.js' || r.path === 'app/hash.py');
      expect(run.exitCode).toBe(1);
      expect(run.outputs).toMatchObject({
        errors: String(counts.errors),
        warnings: String(counts.warnings),
        notes: String(counts.notes),
        // Semgrep's SARIF keeps the nosemgrep result as an inSource suppression; its JSON drops it
        suppressed: '1',
        new: String(changed.length),
        findings: String(changed.length),
        verdict: 'fail',
      });
      for (const r of changed) expect(run.stdout).toContain(`file=${r.path},line=${r.start.line}`);
    },
    SLOW,
  );
});
