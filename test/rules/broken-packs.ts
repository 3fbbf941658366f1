/**
 * Copies of the rule pack with exactly one defect each, and the single problem the validator must
 * report for it: the proof that the offline validator can fail.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One purpose-broken copy: how to break it and the one problem expected. */
export interface BrokenPack {
  name: string;
  breakIt: (directory: string) => void;
  /** Path of the reported file, relative to the pack. */
  file: string;
  message: RegExp;
}

function edit(directory: string, file: string, change: (text: string) => string): void {
  const target = path.join(directory, file);
  const before = readFileSync(target, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(target, after);
}

/** Keeps the first `ruleid: <id>` annotation and turns the others into plain comments. */
function keepOneRuleid(id: string): (text: string) => string {
  let seen = 0;
  return (text) =>
    text.replace(new RegExp(`ruleid: ${id}\\b`, 'g'), (match) => (++seen === 1 ? match : `note: ${id}`));
}

/** Each case breaks one thing Semgrep or the pack's conventions would reject, in a fresh copy. */
export const BROKEN_PACKS: BrokenPack[] = [
  {
    name: 'a duplicate rule id',
    breakIt: (d) => {
      cpSync(path.join(d, 'crypto'), path.join(d, 'duplicate'), {
        recursive: true,
        filter: (source) => !/py-|insecure/.test(path.basename(source)),
      });
    },
    file: path.join('duplicate', 'js-weak-hash.yaml'),
    message: /^duplicate rule id \(also in crypto[/\\]js-weak-hash\.yaml\)$/,
  },
  {
    name: 'a missing metadata.cwe',
    breakIt: (d) => edit(d, 'jwt/py-jwt-decode-without-verify.yaml', (t) => t.replace(/^ *cwe: .*\n/m, '')),
    file: path.join('jwt', 'py-jwt-decode-without-verify.yaml'),
    message: /^missing required key `metadata\.cwe`$/,
  },
  {
    name: 'a test file with only one ruleid annotation',
    breakIt: (d) => edit(d, 'destructive-data/sql-truncate-table.sql', keepOneRuleid('sql-truncate-table')),
    file: path.join('destructive-data', 'sql-truncate-table.yaml'),
    message: /^needs at least 2 `ruleid: sql-truncate-table` annotations in its test file, found 1$/,
  },
  {
    name: 'an unbalanced pattern',
    breakIt: (d) =>
      edit(d, 'injection/js-eval-dynamic-code.yaml', (t) => t.replace('pattern: eval($CODE)', 'pattern: eval($CODE')),
    file: path.join('injection', 'js-eval-dynamic-code.yaml'),
    message: /^`pattern` has an unclosed `\(`/,
  },
  {
    name: 'a balanced JavaScript pattern that does not parse',
    breakIt: (d) =>
      edit(d, 'crypto/js-weak-hash.yaml', (t) => t.replace('pattern: createHash("md5")', 'pattern: createHash("md5" +)')),
    file: path.join('crypto', 'js-weak-hash.yaml'),
    message: /^`pattern` does not parse as javascript: Expression expected\.$/,
  },
  {
    name: 'a YAML pattern that does not parse',
    breakIt: (d) =>
      edit(d, 'github-actions/gha-write-all-permissions.yaml', (t) =>
        t.replace("pattern: 'permissions: write-all'", "pattern: 'permissions: write-all: true'"),
      ),
    file: path.join('github-actions', 'gha-write-all-permissions.yaml'),
    message: /^`pattern` does not parse as yaml: /,
  },
  {
    name: 'a message that does not say how to fix',
    breakIt: (d) =>
      edit(d, 'tls/shell-tls-verification-disabled.yaml', (t) =>
        t.replace(/message: >-\n(?: {6}.*\n)+/, 'message: This download is not safe because the certificate is not checked.\n'),
      ),
    file: path.join('tls', 'shell-tls-verification-disabled.yaml'),
    message: /^`message` must say how to fix the finding/,
  },
  {
    name: 'a CWE whose MITRE page is not among the references',
    breakIt: (d) => edit(d, 'jwt/js-jwt-insecure-verify-options.yaml', (t) => t.replace('CWE-347: Improper', 'CWE-345: Improper')),
    file: path.join('jwt', 'js-jwt-insecure-verify-options.yaml'),
    message: /^`metadata\.references` must include https:\/\/cwe\.mitre\.org\/data\/definitions\/345\.html/,
  },
  {
    name: 'an unknown rule key',
    breakIt: (d) => edit(d, 'tls/py-tls-verification-disabled.yaml', (t) => t.replace('    severity:', '    level: high\n    severity:')),
    file: path.join('tls', 'py-tls-verification-disabled.yaml'),
    message: /^unknown rule key `level`$/,
  },
  {
    name: 'an unknown pattern operator',
    breakIt: (d) => edit(d, 'injection/py-eval-exec-dynamic-code.yaml', (t) => t.replace('- pattern-not: eval(', '- pattern-nto: eval(')),
    file: path.join('injection', 'py-eval-exec-dynamic-code.yaml'),
    message: /^`pattern-nto` is not allowed inside `patterns`$/,
  },
  {
    name: 'invalid YAML',
    breakIt: (d) => edit(d, 'cors/py-cors-credentials-any-origin.yaml', (t) => t.replace('severity: ERROR', 'severity: [ERROR')),
    file: path.join('cors', 'py-cors-credentials-any-origin.yaml'),
    message: /^invalid YAML: /,
  },
  {
    name: 'a regex that does not compile',
    breakIt: (d) => edit(d, 'destructive-data/sql-drop-table-or-database.yaml', (t) => t.replace('(?:table|database|schema)', '(?:table|database|schema')),
    file: path.join('destructive-data', 'sql-drop-table-or-database.yaml'),
    message: /^`pattern-regex` does not compile: /,
  },
  {
    name: 'a catastrophic regex',
    breakIt: (d) => edit(d, 'secrets/hardcoded-private-key.yaml', (t) => t.replace('PRIVATE KEY(?: BLOCK)?', 'PRIVATE KEY(?:\\s*\\w+)*')),
    file: path.join('secrets', 'hardcoded-private-key.yaml'),
    message: /^`pattern-regex` nests quantifiers at offset \d+ \(catastrophic backtracking risk\)$/,
  },
  {
    name: 'an annotation naming a rule that does not exist',
    breakIt: (d) => edit(d, 'destructive-data/sql-truncate-table.sql', (t) => `# ok: sql-truncate-tables\nSELECT 1;\n\n${t}`),
    file: path.join('destructive-data', 'sql-truncate-table.sql'),
    message: /^line 1: annotation names unknown rule `sql-truncate-tables`$/,
  },
  {
    name: 'a security-severity outside the band of the severity',
    breakIt: (d) => edit(d, 'crypto/js-weak-hash.yaml', (t) => t.replace('security-severity: "5.3"', 'security-severity: "9.8"')),
    file: path.join('crypto', 'js-weak-hash.yaml'),
    message: /^`metadata\.security-severity` 9\.8 does not fit severity WARNING \(4-6\.9\)$/,
  },
  {
    name: 'a metavariable-regex on a metavariable no pattern binds',
    breakIt: (d) => edit(d, 'crypto/py-insecure-random-token.yaml', (t) => t.replace('metavariable: $FN', 'metavariable: $FUNC')),
    file: path.join('crypto', 'py-insecure-random-token.yaml'),
    message: /^`\$FUNC` is not bound by any pattern of the rule$/,
  },
  {
    name: 'a rule without its test file',
    breakIt: (d) => rmSync(path.join(d, 'destructive-infra', 'kubectl-delete-without-namespace.sh')),
    file: path.join('destructive-infra', 'kubectl-delete-without-namespace.yaml'),
    message: /^has no test file beside it/,
  },
  {
    name: 'a SQL annotation in `--` comments, which Semgrep does not read',
    breakIt: (d) =>
      edit(d, 'destructive-data/sql-update-without-where.sql', (t) =>
        t.replace(/^# (ok: sql-update-without-where)$/gm, '-- $1'),
      ),
    file: path.join('destructive-data', 'sql-update-without-where.yaml'),
    message: /^needs at least 2 `ok: sql-update-without-where` annotations in its test file, found 0$/,
  },
  {
    name: 'a SQL annotation in `/* */` comments, which `semgrep --test` does not read',
    breakIt: (d) =>
      edit(d, 'destructive-data/sql-update-without-where.sql', (t) =>
        t.replace(/^# (ok: sql-update-without-where)$/gm, '/* $1 */'),
      ),
    file: path.join('destructive-data', 'sql-update-without-where.yaml'),
    message: /^needs at least 2 `ok: sql-update-without-where` annotations in its test file, found 0$/,
  },
  {
    name: 'a stray non-rule YAML file (Semgrep would fail to load the directory)',
    breakIt: (d) => writeFileSync(path.join(d, 'semgrep-gate.yml'), 'name: ci\non: [push]\n'),
    file: 'semgrep-gate.yml',
    message: /^a rule file must contain only a top-level `rules:` list$/,
  },
];
