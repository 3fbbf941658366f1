/**
 * Destructive commands the PR adds to scripts: shell files, Makefile recipes, Dockerfile `RUN`
 * instructions, package.json scripts and workflow `run:` steps. Each script is parsed as shell
 * (shell.ts); a command counts when its line is one the PR added.
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { ChangedFile } from '@aeef/gate-result';
import { shorten, type DestructiveFinding } from './findings.js';
import { ShellSyntaxError, shellCommands, type ShellCommand, type ShellWord } from './shell.js';
import { analyseSql, SQL_OPERATIONS, type SqlDialect } from './sql/index.js';

/** Which kind of script a path holds, or undefined. */
export function scriptKindOf(
  path: string,
): 'shell' | 'makefile' | 'dockerfile' | 'package-json' | 'workflow' | undefined {
  const name = path.split('/').pop() ?? path;
  if (/\.(?:sh|bash|zsh|ksh)$/.test(name)) return 'shell';
  if (/^(?:GNU)?[Mm]akefile$|\.mk$/.test(name)) return 'makefile';
  if (/^(?:Dockerfile|Containerfile)(?:\..+)?$|\.[Dd]ockerfile$/.test(name)) return 'dockerfile';
  if (name === 'package.json') return 'package-json';
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return 'workflow';
  return undefined;
}

/** A script embedded in a file: its text and the file line of its first line. */
export interface Script {
  text: string;
  firstLine: number;
}

/**
 * Makefile recipes: tab-indented logical lines (a trailing backslash continues one, as make hands it to
 * the shell), `@`/`-`/`+` prefixes stripped, `$$` unescaped. A variable definition continued onto
 * tab-indented lines is not a recipe.
 */
function makefileScripts(text: string): Script[] {
  const lines = text.split('\n');
  const scripts: Script[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    const body = [lines[i] ?? ''];
    while (/\\$/.test(lines[i] ?? '') && i + 1 < lines.length)
      body.push((lines[++i] ?? '').replace(/^\t/, ''));
    if (!(body[0] ?? '').startsWith('\t')) continue;
    body[0] = (body[0] ?? '').slice(1).replace(/^[@+-]+/, '');
    scripts.push({ text: body.join('\n').replace(/\$\$/g, '$'), firstLine: first + 1 });
  }
  return scripts;
}

/** Dockerfile `RUN` instructions in shell form, with their continuation lines. */
function dockerfileScripts(text: string): Script[] {
  const lines = text.split('\n');
  const scripts: Script[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = /^\s*RUN\s+(?!\[)(.*)$/i.exec(lines[i] ?? '');
    if (!match) continue;
    const body = [match[1] ?? ''];
    const first = i + 1;
    while (/\\\s*$/.test(lines[i] ?? '') && i + 1 < lines.length) body.push(lines[++i] ?? '');
    scripts.push({ text: body.join('\n'), firstLine: first });
  }
  return scripts;
}

/** package.json `scripts`, each at the line of its key. */
function packageJsonScripts(text: string): Script[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const scripts =
    typeof json === 'object' && json !== null ? (json as { scripts?: unknown }).scripts : undefined;
  if (typeof scripts !== 'object' || scripts === null) return [];
  const lines = text.split('\n');
  const from = Math.max(
    0,
    lines.findIndex((l) => l.includes('"scripts"')),
  );
  return Object.entries(scripts as Record<string, unknown>).flatMap(([name, value]) => {
    if (typeof value !== 'string') return [];
    const key = JSON.stringify(name);
    const at = lines.findIndex(
      (l, i) => (i >= from && l.includes(`${key}:`)) || (i >= from && l.includes(`${key} :`)),
    );
    return [{ text: value, firstLine: at < 0 ? 1 : at + 1 }];
  });
}

/**
 * `${{ ... }}` is not shell: the runner substitutes it first. It becomes a variable (its value is
 * unknown; `runner.temp` is `$RUNNER_TEMP`), keeping the script's line count.
 */
function withoutExpressions(script: string): string {
  return script
    .replace(/\$\{\{\s*runner\.temp\s*\}\}/g, '$RUNNER_TEMP')
    .replace(/\$\{\{[\s\S]*?\}\}/g, (m) => `$GITHUB_EXPRESSION${'\n'.repeat(m.split('\n').length - 1)}`);
}

/** Workflow `run:` steps; a block scalar's script starts on the line after `run: |`. */
function workflowScripts(text: string): Script[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const scripts: Script[] = [];
  const visit = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        const value = pair.value as YamlNode | null;
        if (key === 'run' && isScalar(value) && typeof value.value === 'string' && value.range) {
          const line = lineCounter.linePos(value.range[0]).line;
          const block = value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED';
          scripts.push({ text: withoutExpressions(value.value), firstLine: block ? line + 1 : line });
        } else visit(value);
      }
    } else if (isSeq(node)) for (const item of node.items) visit(item);
  };
  visit(doc.contents);
  return scripts;
}

export function scriptsOf(kind: NonNullable<ReturnType<typeof scriptKindOf>>, text: string): Script[] {
  switch (kind) {
    case 'shell':
      return [{ text, firstLine: 1 }];
    case 'makefile':
      return makefileScripts(text);
    case 'dockerfile':
      return dockerfileScripts(text);
    case 'package-json':
      return packageJsonScripts(text);
    case 'workflow':
      return workflowScripts(text);
  }
}

/** Wrappers whose own options come first: `sudo -E`, `env A=1`, `nohup`, `time`, `exec`, `command`. */
const WRAPPERS = new Set(['sudo', 'env', 'nohup', 'time', 'exec', 'command', 'nice', 'doas']);

/** The command's own argv, wrappers and leading assignments removed. */
export function argvOf(words: readonly ShellWord[]): string[] {
  const argv = words.map((w) => w.text);
  let i = 0;
  while (i < argv.length) {
    const w = argv[i] ?? '';
    if (WRAPPERS.has(w)) {
      i++;
      while (i < argv.length && (/^-/.test(argv[i] ?? '') || /^[A-Za-z_]\w*=/.test(argv[i] ?? ''))) {
        // `sudo -u user`: the option's argument too.
        if (/^-[ugCDhpRrt]$/.test(argv[i] ?? '') && w === 'sudo') i++;
        i++;
      }
    } else if (/^[A-Za-z_]\w*=/.test(w)) i++;
    else break;
  }
  return argv.slice(i);
}

/**
 * `rm -rf` is destructive when a target is `/` (or `/*`, `~`), or is a variable itself or everything
 * under one (`$DIR`, `"$DIR"/`, `$DIR/*`, `$A/$B`): the variable may be empty or point anywhere. A
 * named entry inside a variable's directory (`"$TMPDIR/build"`, `$(NAME)-*.tgz`) is not: its last
 * path component holds literal letters or digits, so it cannot reach `/` or a whole tree.
 */
function isWideTarget(word: ShellWord): boolean {
  if (/^(?:\/+\*?|~\/?\*?)$/.test(word.text)) return true;
  if (word.literal) return false;
  const last = word.text.split('/').filter(Boolean).at(-1) ?? '';
  const named = last.replace(/\$(?:\w+|\(\.\.\.\))/g, '');
  return !/[A-Za-z0-9]/.test(named);
}

function rmTargets(words: readonly ShellWord[], argv: readonly string[]): string[] {
  const offset = words.length - argv.length;
  let recursive = false;
  let force = false;
  const targets: ShellWord[] = [];
  let options = true;
  for (const [index, arg] of argv.slice(1).entries()) {
    const word = words[offset + 1 + index];
    if (options && arg === '--') {
      options = false;
      continue;
    }
    if (options && /^--?[a-zA-Z]/.test(arg)) {
      if (arg === '--recursive' || (/^-[a-zA-Z]+$/.test(arg) && /[rR]/.test(arg))) recursive = true;
      if (arg === '--force' || (/^-[a-zA-Z]+$/.test(arg) && arg.includes('f'))) force = true;
      continue;
    }
    if (word) targets.push(word);
  }
  if (!recursive || !force) return [];
  return targets.filter(isWideTarget).map((t) => t.text);
}

interface Rule {
  operation: string;
  object: string;
  why: string;
}

function flagValue(argv: readonly string[], short: string, long: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === short || a === long) return argv[i + 1];
    if (a.startsWith(`${long}=`)) return a.slice(long.length + 1);
    if (short.length === 2 && a.startsWith(short) && a.length > 2 && !a.startsWith('--')) return a.slice(2);
  }
  return undefined;
}

function sqlRules(sql: string, dialect: SqlDialect, tool: string): Rule[] {
  return analyseSql(sql, dialect)
    .filter((f) => f.operation !== 'unparsed')
    .map((f) => ({
      operation: `${tool}-${f.operation}`,
      object: f.object,
      why: `${tool} runs SQL that ${SQL_OPERATIONS[f.operation]}`,
    }));
}

/** The destructive operations of one simple command (SQL for psql needs loadSqlParsers). */
export function commandRules(command: ShellCommand): Rule[] {
  const argv = argvOf(command.words);
  const [tool = '', ...args] = argv;
  const name = tool.split('/').pop() ?? tool;
  const plain = args.filter((a) => !a.startsWith('-'));
  const rest = args.join(' ');
  switch (name) {
    case 'aws': {
      const [service = '', sub = ''] = plain;
      if (/^delete-|^terminate-instances$|^deregister-/.test(sub))
        return [{ operation: 'aws-delete', object: `${service} ${sub}`, why: 'deletes AWS resources' }];
      if (service === 's3' && sub === 'rb' && args.includes('--force'))
        return [
          {
            operation: 'aws-s3-rb-force',
            object: plain[2] ?? 's3',
            why: 'deletes a bucket and every object in it',
          },
        ];
      if (service === 's3' && sub === 'rm' && args.includes('--recursive'))
        return [
          {
            operation: 'aws-s3-rm-recursive',
            object: plain[2] ?? 's3',
            why: 'deletes every object under a prefix',
          },
        ];
      return [];
    }
    case 'gcloud':
      return plain.includes('delete')
        ? [
            {
              operation: 'gcloud-delete',
              object: plain.slice(0, plain.indexOf('delete') + 2).join(' '),
              why: 'deletes Google Cloud resources',
            },
          ]
        : [];
    case 'az':
      return plain.includes('delete')
        ? [
            {
              operation: 'az-delete',
              object: plain.slice(0, plain.indexOf('delete') + 1).join(' '),
              why: 'deletes Azure resources',
            },
          ]
        : [];
    case 'kubectl': {
      if (plain[0] !== 'delete') return [];
      const dryRun = args.some(
        (a) => a === '--dry-run' || (a.startsWith('--dry-run=') && a !== '--dry-run=none'),
      );
      return dryRun
        ? []
        : [
            {
              operation: 'kubectl-delete',
              object: plain.slice(1).join(' ') || rest,
              why: 'deletes Kubernetes objects',
            },
          ];
    }
    case 'helm':
      return plain[0] === 'uninstall' || plain[0] === 'delete'
        ? [
            {
              operation: 'helm-uninstall',
              object: plain[1] ?? '?',
              why: 'uninstalls a release and deletes its resources',
            },
          ]
        : [];
    case 'terraform':
    case 'tofu': {
      const sub = plain[0];
      if (sub === 'destroy')
        return [
          {
            operation: 'terraform-destroy',
            object: rest || name,
            why: 'destroys every resource of the configuration',
          },
        ];
      if (sub === 'apply' && args.some((a) => a === '-destroy' || a === '--destroy'))
        return [
          {
            operation: 'terraform-destroy',
            object: rest,
            why: 'destroys every resource of the configuration',
          },
        ];
      if (sub === 'apply' && args.some((a) => /^--?auto-approve(?:=true)?$/.test(a)))
        return [
          {
            operation: 'terraform-apply-auto-approve',
            object: rest,
            why: 'applies a plan no one reviewed, deletions included',
          },
        ];
      return [];
    }
    case 'dropdb':
      return [{ operation: 'dropdb', object: plain.at(-1) ?? '?', why: 'drops a whole database' }];
    case 'psql': {
      const sql = flagValue(args, '-c', '--command');
      return sql === undefined ? [] : sqlRules(sql, 'postgres', 'psql');
    }
    case 'mysql':
    case 'mariadb': {
      const sql = flagValue(args, '-e', '--execute');
      return sql === undefined ? [] : sqlRules(sql, name === 'mysql' ? 'mysql' : 'mariadb', name);
    }
    case 'redis-cli':
      return args.some((a) => /^flush(?:all|db)$/i.test(a))
        ? [
            {
              operation: 'redis-flush',
              object: args.find((a) => /^flush/i.test(a))?.toUpperCase() ?? 'FLUSHALL',
              why: 'deletes every key',
            },
          ]
        : [];
    case 'rm':
      return rmTargets(command.words, argv).map((target) => ({
        operation: 'rm-rf',
        object: target,
        why:
          target.startsWith('$') || target.includes('$')
            ? 'deletes recursively a path built from a variable, which may be empty or point anywhere'
            : 'deletes recursively from the root or home directory',
      }));
    default:
      return [];
  }
}

/** The destructive commands a changed script file holds on the PR's added lines. */
export function commandFindings(file: ChangedFile, headText: string): DestructiveFinding[] {
  const kind = scriptKindOf(file.path);
  if (!kind) return [];
  const added = new Set((file.added ?? []).map((l) => l.line));
  if (added.size === 0) return [];
  const findings: DestructiveFinding[] = [];
  for (const script of scriptsOf(kind, headText)) {
    const scriptLines = script.text.split('\n').length;
    let touched = false;
    for (let l = script.firstLine; l < script.firstLine + scriptLines && !touched; l++)
      touched = added.has(l);
    if (!touched) continue;
    let commands: ShellCommand[];
    try {
      commands = shellCommands(script.text);
    } catch (error) {
      if (!(error instanceof ShellSyntaxError)) throw error;
      findings.push({
        category: 'command',
        operation: 'unparsed',
        object: shorten(script.text).slice(0, 60),
        file: file.path,
        line: script.firstLine,
        why: `is a script the shell parser cannot read (${error.message}), so it cannot be shown to be safe`,
      });
      continue;
    }
    const lines = script.text.split('\n');
    for (const command of commands) {
      const line = script.firstLine + command.line - 1;
      if (!added.has(line)) continue;
      for (const rule of commandRules(command)) {
        findings.push({
          category: 'command',
          operation: rule.operation,
          object: rule.object,
          file: file.path,
          line,
          why: rule.why,
          text: shorten(lines[command.line - 1] ?? ''),
        });
      }
    }
  }
  return findings;
}
