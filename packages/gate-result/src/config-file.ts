/**
 * The config file `.github/aeef-gates.yml`: which gates the umbrella runs, and per gate the same
 * settings as its inputs. Parsed with YAML's failsafe schema, so every scalar stays the text the
 * user wrote and goes through the same strict input parsers (`0x50` is not read as 80, `yes` is
 * not a boolean). Duplicate keys are errors, aliases are capped, unknown keys are errors that name
 * the near miss. Action inputs override the file.
 */
import { LineCounter } from 'yaml';
import { z } from 'zod';
import { APPROVAL_INPUTS } from './checkpoint/settings.js';
import { ConfigError } from './errors.js';
import { parseYamlDocuments, yamlToData, YamlReadError } from './yaml/read.js';

/** A config file is a page of settings: 1 MiB and 100,000 tokens are far above any real one. */
const CONFIG_YAML_LIMITS = { maxChars: 1024 * 1024, maxTokens: 100_000, maxAliasCount: 100 };
import type { GateInfo, Inputs, InputSpec } from './gate.js';
import { COMMON_INPUTS, findMisspelledInputs, inputsFromRecord, layerInputs } from './input-specs.js';
import { KNOWN_GATES } from './known-gates.js';
import { flattenSettings } from './policy/diff.js';

/** Every gate id the suite knows (from the registry); sections for gates this action does not run are skipped. */
export const GATE_IDS: readonly string[] = KNOWN_GATES.map((g) => g.id);

/** Settings that only a step input may give: they guard against the checkout this file is read from. */
const STEP_ONLY: readonly string[] = ['allow-unsafe'];

/** The default path, relative to the repository root. */
export const DEFAULT_CONFIG_FILE = '.github/aeef-gates.yml';

export interface GateSpecs {
  id: string;
  inputs: readonly InputSpec[];
}

export interface ConfigFile {
  /** Workspace-relative path, for messages. */
  file: string;
  gates?: string[];
  /** Raw input values by gate id, then input name. */
  sections: Record<string, Record<string, string>>;
  /** The `approval:` section (the human checkpoint's settings), layered under each gate's own. */
  approval?: Record<string, string>;
  /**
   * Every setting of the file, sections of gates this action does not run included, flattened to
   * `coverage.min-lines → 80`: what policy-source compares between the base's file and the head's.
   */
  settings: Record<string, string>;
}

/** The top-level key of the checkpoint's settings. */
export const APPROVAL_SECTION = 'approval';

const scalar = z.string();
const value = z.union([scalar, z.array(scalar)]);
const section = z.record(z.string(), value);

function fail(file: string, message: string): never {
  throw new ConfigError(`${message.replace(/\.$/, '')} in the config file \`${file}\`.`);
}

function nearest(name: string, known: readonly string[]): string {
  const [hit] = findMisspelledInputs(
    [name],
    known.map((k) => ({ name: k, kind: 'string', description: '' })),
  );
  return hit === undefined ? '' : ` (did you mean \`${hit.suggestion}\`?)`;
}

function readSection(
  file: string,
  gate: GateSpecs,
  raw: unknown,
  specs = [...COMMON_INPUTS.filter((s) => s.name !== 'working-directory'), ...gate.inputs],
): Record<string, string> {
  if (raw === null || raw === undefined || raw === '') return {};
  const parsed = section.safeParse(raw);
  if (!parsed.success)
    fail(file, `Expected the \`${gate.id}\` section to map setting names to values or lists`);
  const known = specs.map((s) => s.name);
  const values: Record<string, string> = {};
  for (const [name, item] of Object.entries(parsed.data)) {
    const spec = specs.find((s) => s.name === name);
    if (STEP_ONLY.includes(name))
      fail(
        file,
        `The setting \`${gate.id}.${name}\` cannot be set here: on pull_request_target this file may come from the PR itself; pass it as a step input`,
      );
    if (spec === undefined) fail(file, `Unknown setting \`${gate.id}.${name}\`${nearest(name, known)}`);
    if (spec.kind === 'secret')
      fail(
        file,
        `The setting \`${gate.id}.${name}\` is a secret and cannot be set here; pass it as an input`,
      );
    values[name] = Array.isArray(item) ? item.join('\n') : item;
  }
  return values;
}

/**
 * Parses and validates the file's text against the gates this action runs (`gates`, whose sections
 * are checked) and the rest of the suite (`suite`, whose sections are skipped). Pure; throws
 * `ConfigError` with one sentence naming the file and the key.
 */
export function parseConfigFile(
  text: string,
  file: string,
  gates: readonly GateSpecs[],
  suite: readonly Pick<GateInfo, 'id'>[] = KNOWN_GATES,
): ConfigFile {
  const knownIds = [...new Set([...suite.map((g) => g.id), ...gates.map((g) => g.id)])];
  const lineCounter = new LineCounter();
  let root: unknown;
  try {
    // The suite's bounded reader: size and token budgets, duplicate keys in linear time, aliases capped.
    const docs = parseYamlDocuments(text, file, {
      schema: 'failsafe',
      lineCounter,
      limits: CONFIG_YAML_LIMITS,
    });
    if (docs.length > 1) fail(file, 'Expected one YAML document, found several');
    const [doc] = docs;
    root = doc === undefined ? null : yamlToData(doc, file, { limits: CONFIG_YAML_LIMITS });
  } catch (error) {
    if (error instanceof YamlReadError) fail(file, error.reason);
    throw error;
  }
  if (root === null || root === undefined) return { file, sections: {}, settings: {} };
  const top = z.record(z.string(), z.unknown()).safeParse(root);
  if (!top.success) fail(file, 'Expected a mapping at the top level');
  const config: ConfigFile = { file, sections: {}, settings: flattenSettings(top.data) };
  for (const [key, raw] of Object.entries(top.data)) {
    if (key === APPROVAL_SECTION) {
      config.approval = readSection(file, { id: APPROVAL_SECTION, inputs: [] }, raw, [...APPROVAL_INPUTS]);
      continue;
    }
    if (key === 'gates') {
      const list = value.safeParse(raw);
      if (!list.success) fail(file, 'Expected `gates` to be a list of gate names');
      const ids = (Array.isArray(list.data) ? list.data : list.data.split(/[,\n]/))
        .map((s) => s.trim())
        .filter(Boolean);
      for (const id of ids)
        if (!knownIds.includes(id)) fail(file, `Unknown gate \`${id}\` in \`gates\`${nearest(id, knownIds)}`);
      config.gates = ids;
      continue;
    }
    // `coverage:web`: a named instance of a gate, run by the umbrella beside the others.
    const [id = key, name] = splitInstanceKey(key);
    if (name !== undefined && !INSTANCE_NAME.test(name)) {
      fail(
        file,
        `The instance name in \`${key}\` must be kebab-case (lowercase letters, digits and \`-\`, at most 41 characters)`,
      );
    }
    if (!knownIds.includes(id))
      fail(file, `Unknown key \`${key}\`${nearest(id, ['gates', APPROVAL_SECTION, ...knownIds])}`);
    const gate = gates.find((g) => g.id === id);
    if (gate === undefined) continue;
    const values = readSection(file, gate, raw);
    if (name !== undefined) {
      if (values.name !== undefined && values.name !== name)
        fail(file, `The section \`${key}\` sets \`name: ${values.name}\`, which contradicts its key`);
      values.name = name;
    }
    config.sections[key] = values;
  }
  return config;
}

/** Instance names: kebab-case, as they become file names, output prefixes and anchors. */
export const INSTANCE_NAME = /^[a-z0-9][a-z0-9-]{0,40}$/;

function splitInstanceKey(key: string): [string, string | undefined] {
  const at = key.indexOf(':');
  return at < 0 ? [key, undefined] : [key.slice(0, at), key.slice(at + 1)];
}

/**
 * The config sections one gate runs as: `coverage` and every `coverage:<name>` in file order, or
 * just `coverage` when the file has none (the gate then runs on its defaults and inputs).
 */
export function configInstances(config: ConfigFile | undefined, gate: string): string[] {
  const keys = Object.keys(config?.sections ?? {}).filter((k) => k === gate || k.startsWith(`${gate}:`));
  return keys.length === 0 ? [gate] : keys;
}

/**
 * The file's values for one gate, with source `config-file`; layer them under the action inputs.
 * The gate's own section wins over the shared `approval:` section (read only by gates that declare
 * `APPROVAL_INPUTS`).
 */
export function configFileInputs(config: ConfigFile | undefined, gate: string): Inputs {
  return layerInputs(
    inputsFromRecord(config?.sections[gate] ?? {}, 'config-file'),
    inputsFromRecord(config?.approval ?? {}, 'config-file'),
  );
}

function specSchema(spec: InputSpec): Record<string, unknown> {
  const description = spec.description;
  switch (spec.kind) {
    case 'percent':
      return {
        description,
        type: ['number', 'string'],
        minimum: 0,
        maximum: 100,
        pattern: '^(100(\\.0+)?|\\d{1,2}(\\.\\d+)?)$',
      };
    case 'number':
    case 'integer':
      return {
        description,
        type: ['number', 'string'],
        minimum: 0,
        pattern: spec.kind === 'integer' ? '^\\d+$' : '^\\d+(\\.\\d+)?$',
      };
    // The loader reads YAML as plain text, so editors (YAML 1.2 core) must accept the typed
    // spellings of the same values: `true`, `false` and numbers as well as their strings.
    case 'boolean':
      return { description, enum: [true, false, 'true', 'false', 'True', 'False', 'TRUE', 'FALSE'] };
    case 'enum':
      return { description, enum: (spec.values ?? []).flatMap(typedSpellings) };
    case 'list':
    case 'globs':
      return {
        description,
        oneOf: [{ type: 'string' }, { type: 'array', items: { type: ['string', 'number'] } }],
      };
    default:
      // Lines of text (e.g. license exceptions) may be given as a YAML list; the loader joins them.
      return { description, oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
  }
}

/** A value as YAML 1.2 may type it (`false`, `3`) beside its string, both of which the loader accepts. */
function typedSpellings(value: string): (string | number | boolean)[] {
  if (value === 'true' || value === 'false') return [value, value === 'true'];
  if (/^\d+(\.\d+)?$/.test(value)) return [value, Number(value)];
  return [value];
}

/** A JSON Schema (draft 2020-12) of the config file, for editors; the integrator publishes it. */
export function configFileJsonSchema(gates: readonly GateSpecs[]): Record<string, unknown> {
  const patternProperties: Record<string, unknown> = {};
  const properties: Record<string, unknown> = {
    gates: {
      description: 'The gates the umbrella action runs: a list, or one comma-separated string.',
      oneOf: [
        { type: 'array', items: { enum: gates.map((g) => g.id) }, uniqueItems: true },
        {
          type: 'string',
          pattern: `^\\s*(${gates.map((g) => g.id).join('|')})(\\s*,\\s*(${gates.map((g) => g.id).join('|')}))*\\s*$`,
        },
      ],
    },
  };
  properties[APPROVAL_SECTION] = {
    type: 'object',
    description:
      "The human checkpoint: which approving reviews count when a gate asks for a person (docs/policy.md). A gate's own section or inputs may override these.",
    additionalProperties: false,
    properties: Object.fromEntries(APPROVAL_INPUTS.map((s) => [s.name, specSchema(s)])),
  };
  for (const gate of gates) {
    const specs = [...COMMON_INPUTS.filter((s) => s.name !== 'working-directory'), ...gate.inputs].filter(
      (s) => s.kind !== 'secret',
    );
    properties[gate.id] = {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(specs.map((s) => [s.name, specSchema(s)])),
    };
    // A named instance (`coverage:web`) takes the same settings.
    patternProperties[`^${gate.id}:[a-z0-9][a-z0-9-]{0,40}$`] = properties[gate.id];
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/aeef/gates/blob/main/aeef-gates.schema.json',
    title: 'aeef/gates configuration (.github/aeef-gates.yml)',
    type: 'object',
    additionalProperties: false,
    properties,
    patternProperties,
  };
}
