/**
 * The JSON Schemas the repository publishes, generated from the code that validates the same
 * files, so an editor's schema and the runtime's checks cannot drift apart. Written by
 * `npm run schemas`; test/metadata/schemas.test.ts fails when a committed copy is stale.
 */
import { configFileJsonSchema } from '@aeef/gate-result';
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

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG_SCHEMA_ID = `https://raw.githubusercontent.com/aeef/gates/main/${CONFIG_SCHEMA_FILE}`;

/** Formatted as Prettier would, so `prettier --check .` and the freshness test agree. */
async function serialize(file: string, schema: Record<string, unknown>): Promise<string> {
  const filepath = path.join(ROOT, file);
  return format(JSON.stringify(schema), { ...(await resolveConfig(filepath)), filepath });
}

/** Every published schema with the exact text that belongs in the repository. */
export async function generateSchemas(): Promise<PublishedSchema[]> {
  // The library's `$id` names no path; the published file's id is where it really lives.
  const config = { ...configFileJsonSchema(GATES), $id: CONFIG_SCHEMA_ID };
  return [
    { file: CONFIG_SCHEMA_FILE, text: await serialize(CONFIG_SCHEMA_FILE, config) },
    { file: KPI_SCHEMA_FILE, text: await serialize(KPI_SCHEMA_FILE, kpiJsonSchema()) },
  ];
}
