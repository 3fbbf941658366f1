import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.js';
import { readMetavariableRegexes } from './regex-emulation.js';

/**
 * Semgrep binds each metavariable to the source text of the matched node and keeps the match only when
 * every `metavariable-regex` on it matches from the start of that text. The samples below are the
 * values the rules' own test files bind (the `ruleid:` and `ok:` lines), so these tables check the
 * regex half of each rule offline; the structural half runs under Semgrep in CI.
 */
interface Sample {
  rule: string;
  metavariable: string;
  match: string[];
  noMatch: string[];
}

const SAMPLES: Sample[] = [
  {
    rule: 'destructive-data/js-destructive-sql-in-query',
    metavariable: '$SQL',
    match: ["'DROP TABLE users'", '`TRUNCATE TABLE ${table}`', '"DELETE FROM sessions"'],
    noMatch: ["'DELETE FROM sessions WHERE id = $1'", "'SELECT * FROM users WHERE id = $1'"],
  },
  {
    rule: 'destructive-data/js-destructive-sql-in-query',
    metavariable: '$METHOD',
    match: ['query', 'exec', '$executeRawUnsafe'],
    noMatch: ['get', 'queryOne'],
  },
  {
    rule: 'destructive-data/py-destructive-sql-in-query',
    metavariable: '$SQL',
    match: ['"DROP TABLE users"', '"truncate table orders;"', '"DELETE FROM sessions"'],
    noMatch: ['"DELETE FROM sessions WHERE id = ?"', '"SELECT name FROM users WHERE id = ?"'],
  },
  {
    rule: 'destructive-infra/js-child-process-destructive-command',
    metavariable: '$CMD',
    match: ['`rm -rf ${dir}`', "'terraform destroy -auto-approve'", "'kubectl delete namespace production'"],
    noMatch: ["'git status --porcelain'", "'terraform'", "'rm build.log'"],
  },
  {
    rule: 'destructive-infra/js-child-process-destructive-command',
    metavariable: '$FN',
    match: ['execSync', 'exec', 'spawnSync'],
    noMatch: ['execFileSync', 'cp.execSync'],
  },
  {
    rule: 'secrets/js-hardcoded-credential',
    metavariable: '$NAME',
    match: ['apiKey', 'password', 'DB_PASSWORD', 'client_secret'],
    noMatch: ['passwordLabel', 'apiKeyPlaceholder', 'tokenCount'],
  },
  {
    rule: 'secrets/js-hardcoded-credential',
    metavariable: '$VALUE',
    match: ['k8Jq2Lm9Xz4Rt7Vw', 'S3cure!Passw0rd2026', 'hunter2hunter2'],
    noMatch: ['your-api-key-here', 'Enter your password', 'short', '${SECRET}'],
  },
  {
    rule: 'secrets/py-hardcoded-credential',
    metavariable: '$VALUE',
    match: ['S3cure!Passw0rd2026', 'hunter2hunter2'],
    noMatch: ['changeme-in-production', 'Enter your password'],
  },
  {
    rule: 'secrets/js-secret-in-log',
    metavariable: '$ARG',
    match: ['user.password', 'accessToken', 'req.headers.authorization'],
    noMatch: ["'Password reset email sent'", '{ hasToken: Boolean(accessToken), tokenCount: 1 }', 'user.name'],
  },
  {
    rule: 'crypto/js-insecure-random-token',
    metavariable: '$NAME',
    match: ['resetToken', 'makeSessionId', 'csrf'],
    noMatch: ['jitterMs', 'retryDelay'],
  },
  {
    rule: 'crypto/py-insecure-random-token',
    metavariable: '$NAME',
    match: ['reset_token', 'make_otp'],
    noMatch: ['retry_delay', 'shuffle_cards'],
  },
  {
    rule: 'crypto/py-insecure-random-token',
    metavariable: '$FN',
    match: ['choices', 'randint'],
    noMatch: ['uniform', 'seed'],
  },
  {
    rule: 'github-actions/gha-unpinned-action',
    metavariable: '$ACTION',
    match: ['actions/checkout@v4', 'some-org/deploy-action@main', 'org/repo/.github/workflows/ci.yml@main'],
    noMatch: ['actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020', './actions/sarif', 'docker://alpine:3.20'],
  },
  {
    rule: 'github-actions/gha-untrusted-input-in-run',
    metavariable: '$SCRIPT',
    match: ['echo "Thanks for ${{ github.event.issue.title }}"', 'set -eu\ngit fetch origin "${{ github.head_ref }}"\n'],
    noMatch: ['echo "Thanks for $TITLE"', 'echo "Building ${{ github.sha }}"'],
  },
  {
    rule: 'github-actions/gha-pull-request-target-head-checkout',
    metavariable: '$REF',
    match: ['${{ github.event.pull_request.head.sha }}', '${{ github.head_ref }}', 'refs/pull/${{ github.event.number }}/merge'],
    noMatch: ['${{ github.sha }}', 'main'],
  },
  {
    rule: 'injection/js-sql-string-building',
    metavariable: '$METHOD',
    match: ['query', '$queryRawUnsafe'],
    noMatch: ['get', 'set'],
  },
  {
    rule: 'injection/py-sql-string-building',
    metavariable: '$METHOD',
    match: ['execute', 'executemany'],
    noMatch: ['fetchall', 'format'],
  },
];

/** Semgrep semantics: every regex on the metavariable matches, starting at the beginning of the value. */
function keeps(regexes: RegExp[], value: string): boolean {
  return regexes.every((regex) => new RegExp(regex.source, regex.flags.replace('m', '')).exec(value)?.index === 0);
}

describe(readMetavariableRegexes.name, () => {
  it.each(SAMPLES)('$rule $metavariable keeps and drops the test file values', (sample) => {
    const regexes = readMetavariableRegexes(path.join(REPO_ROOT, 'rules', `${sample.rule}.yaml`)).get(
      sample.metavariable,
    );
    expect(regexes?.length).toBeGreaterThan(0);
    for (const value of sample.match) expect(keeps(regexes ?? [], value), value).toBe(true);
    for (const value of sample.noMatch) expect(keeps(regexes ?? [], value), value).toBe(false);
  });
});
