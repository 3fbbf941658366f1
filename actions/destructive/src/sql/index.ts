/** SQL in, destructive operations out, for any supported dialect. */
import { analyseGeneric } from './generic.js';
import type { SqlDialect, SqlFinding } from './operations.js';
import { analysePostgres, loadPostgres } from './postgres.js';

export * from './operations.js';
export { loadPostgres } from './postgres.js';

/** Loads the parsers a dialect needs (the PostgreSQL wasm is asynchronous). */
export async function loadSqlParsers(): Promise<void> {
  await loadPostgres();
}

/** `loadSqlParsers()` must have resolved. */
export function analyseSql(sql: string, dialect: SqlDialect): SqlFinding[] {
  return dialect === 'postgres' ? analysePostgres(sql) : analyseGeneric(sql, dialect);
}
