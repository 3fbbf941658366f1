/**
 * The JSON Schemas the repository publishes, generated from the code that validates the same
 * files, so an editor's schema and the runtime's checks cannot drift apart. Written by
 * `npm run generate`; test/metadata/schemas.test.ts fails when a committed copy is stale.
 */
import { configFileJsonSchema, gateResultJsonSchema, type AnyGate } from '@aeef/gate-result';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { GATES } from '@aeef/gates';
import { kpiJsonSchema } from '../actions/kpi/src/kpi-schema.js';

export interface PublishedSchema {
  /** Repository-relative POSIX path. */
  file: string;
  text: string;
}

/** Where the config schema is published; editors point `$schema` at its raw URL. */
export const CONFIG_SCHEMA_FILE = 'schema/aeef-gates.schema.json';
export const KPI_SCHEMA_FILE = 'actions/kpi/schema/kpi-v1.schema.json';
export const RESULT_SCHEMA_FILE = 'schema/gate-result-v1.schema.json';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG_SCHEMA_ID = `https://raw.githubusercontent.com/aeef/gates/main/${CONFIG_SCHEMA_FILE}`;

/** Formatted as Prettier would, so `prettier --check .` and the freshness test agree. */
async function serialize(file: string, schema: Record<string, unknown>): Promise<string> {
  return formatFile(file, JSON.stringify(schema));
}

/** A generated file's text as Prettier formats it at its path. */
export async function formatFile(file: string, text: string): Promise<string> {
  const filepath = path.join(ROOT, file);
  return format(text, { ...(await resolveConfig(filepath)), filepath });
}

/** Every published schema with the exact text that belongs in the repository, for the registry's gates. */
export async function generateSchemas(gates: readonly AnyGate[] = GATES): Promise<PublishedSchema[]> {
  // The library's `$id` names no path; the published file's id is where it really lives.
  const config = { ...configFileJsonSchema(gates), $id: CONFIG_SCHEMA_ID };
  return [
    { file: CONFIG_SCHEMA_FILE, text: await serialize(CONFIG_SCHEMA_FILE, config) },
    { file: RESULT_SCHEMA_FILE, text: await serialize(RESULT_SCHEMA_FILE, gateResultJsonSchema(gates)) },
    { file: KPI_SCHEMA_FILE, text: await serialize(KPI_SCHEMA_FILE, kpiJsonSchema(gates)) },
  ];
}
