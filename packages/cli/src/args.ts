/**
 * The command line as typed options. Pure: the gates' input specs come in as a parameter, so every
 * mistake (unknown flag, gate or input) is a `UsageError` before anything runs, and a near miss is
 * named, because a misspelt `--set` would otherwise leave the default in force.
 */
import { COMMON_INPUTS, findMisspelledInputs, type GateSpecs, type InputSpec } from '@aeef/gate-result';
import { parseArgs } from 'node:util';

/** A mistake on the command line: exit code 2, the message and a pointer to `--help`. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CliOptions {
  /** `help` and `version` print and stop; `run` runs the gates. */
  command: 'run' | 'help' | 'version';
  /** Gates named as arguments, in the order given; empty: the config file's `gates:`. */
  gates: string[];
  /** The `--config` file as given; `undefined`: `.github/aeef-gates.yml` when present. */
  config?: string;
  /** Reports and globs resolve against it. Default `.`. */
  workingDirectory: string;
  /** `--set` values by gate, then input (the last of repeated values wins). */
  set: Record<string, Record<string, string>>;
  /** The git ref to diff against (`git diff <merge-base>...HEAD`); its config file is the policy by default. */
  base?: string;
  /** `--policy-source`: `base` (the default with `--base`) or `head` (the default without). */
  policySource?: 'base' | 'head';
  json: boolean;
  /** `undefined`: decide from the terminal (a TTY without NO_COLOR). */
  color?: boolean;
  /** Where result files go; `undefined`: a temporary directory removed at the end. */
  resultDir?: string;
}

const OPTIONS = {
  config: { type: 'string' },
  'working-directory': { type: 'string', short: 'C' },
  set: { type: 'string', multiple: true },
  base: { type: 'string' },
  'policy-source': { type: 'string' },
  json: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'result-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

const SET_FORM = /^([a-z0-9-]+)\.([a-z0-9-]+)=([\s\S]*)$/;

function nearMiss(given: string, known: readonly string[]): string {
  const specs: InputSpec[] = known.map((name) => ({ name, kind: 'string', description: '' }));
  const [hit] = findMisspelledInputs([given], specs);
  return hit === undefined ? '' : ` Did you mean \`${hit.suggestion}\`?`;
}

/** The gate a name stands for; a `UsageError` naming the near miss and the known gates otherwise. */
function checkGate(id: string, gates: readonly GateSpecs[], where: string): GateSpecs {
  const gate = gates.find((g) => g.id === id);
  if (gate !== undefined) return gate;
  const ids = gates.map((g) => g.id);
  throw new UsageError(`Unknown gate \`${id}\` in ${where}.${nearMiss(id, ids)} Gates: ${ids.join(', ')}.`);
}

function readSet(items: readonly string[], gates: readonly GateSpecs[]): CliOptions['set'] {
  const set: CliOptions['set'] = {};
  for (const item of items) {
    const match = SET_FORM.exec(item);
    if (match === null) {
      throw new UsageError(`Expected \`--set <gate>.<input>=<value>\`, got \`${item.slice(0, 80)}\`.`);
    }
    const [, id = '', input = '', value = ''] = match;
    const gate = checkGate(id, gates, `\`--set ${item.slice(0, 80)}\``);
    if (input === 'working-directory') {
      throw new UsageError('Set the working directory with `--working-directory` (`-C`), not `--set`.');
    }
    const known = [...COMMON_INPUTS, ...gate.inputs].filter((s) => s.name !== 'working-directory');
    if (!known.some((s) => s.name === input)) {
      const names = known.map((s) => s.name);
      throw new UsageError(`Unknown input \`${input}\` of the ${id} gate.${nearMiss(input, names)}`);
    }
    if (value.trim() === '') {
      throw new UsageError(`Expected a value in \`--set ${id}.${input}=<value>\`, got none.`);
    }
    (set[id] ??= {})[input] = value;
  }
  return set;
}

/** The last of `--color` / `--no-color` wins, as in most tools; neither: `undefined`. */
function readColor(tokens: readonly { kind: string; name?: string }[]): boolean | undefined {
  let color: boolean | undefined;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (token.name === 'color') color = true;
    if (token.name === 'no-color') color = false;
  }
  return color;
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UsageError(`Expected a value for \`--${flag}\`.`);
  return value;
}

/** Node's own message names the flag (`Unknown option '--bse'`); add the near miss. */
function describeParseError(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split(/\.\s/)[0] ?? '';
  const unknown = /^Unknown option '(--?[^']*)'/.exec(message)?.[1];
  const flags = Object.keys(OPTIONS).map((name) => `--${name}`);
  const hint = unknown === undefined ? '' : nearMiss(unknown, flags);
  return `${message.replace(/\.$/, '')}.${hint}`;
}

/** Parses `argv` (without node and the script) against the known gates. */
export function parseCliArgs(argv: readonly string[], gates: readonly GateSpecs[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const { values, positionals, tokens } = parsed;
  const command = values.help ? 'help' : values.version ? 'version' : 'run';
  const base = nonEmpty('base', values.base);
  if (base?.startsWith('-')) throw new UsageError(`Expected \`--base\` to be a git ref, got \`${base}\`.`);
  const selected: string[] = [];
  for (const id of positionals) {
    checkGate(id, gates, 'the arguments');
    if (!selected.includes(id)) selected.push(id);
  }
  const options: CliOptions = {
    command,
    gates: selected,
    workingDirectory: nonEmpty('working-directory', values['working-directory']) ?? '.',
    set: readSet(values.set ?? [], gates),
    json: values.json ?? false,
  };
  const config = nonEmpty('config', values.config);
  if (config !== undefined) options.config = config;
  if (base !== undefined) options.base = base;
  const policySource = nonEmpty('policy-source', values['policy-source']);
  if (policySource !== undefined) {
    if (policySource !== 'base' && policySource !== 'head') {
      throw new UsageError(
        `Expected \`--policy-source\` to be \`base\` or \`head\`, got \`${policySource.slice(0, 40)}\`.`,
      );
    }
    if (policySource === 'base' && base === undefined) {
      throw new UsageError(
        '`--policy-source base` needs `--base <ref>`: the ref whose config file is the policy.',
      );
    }
    options.policySource = policySource;
  }
  const color = readColor(tokens);
  if (color !== undefined) options.color = color;
  const resultDir = nonEmpty('result-dir', values['result-dir']);
  if (resultDir !== undefined) options.resultDir = resultDir;
  return options;
}
