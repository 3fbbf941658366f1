/**
 * MySQL, MariaDB, SQLite, SQL Server and BigQuery through node-sql-parser (one PEG grammar per
 * dialect; only these builds are imported, to keep the bundle small). Each statement is parsed
 * alone, so one the grammar cannot read becomes an `unparsed` finding and the rest are still judged.
 */
import bigquery from 'node-sql-parser/build/bigquery.js';
import mariadb from 'node-sql-parser/build/mariadb.js';
import mysql from 'node-sql-parser/build/mysql.js';
import sqlite from 'node-sql-parser/build/sqlite.js';
import transactsql from 'node-sql-parser/build/transactsql.js';
import type { SqlDialect, SqlFinding, SqlOperation } from './operations.js';
import { splitStatements } from './split.js';

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

interface Parser {
  astify(sql: string, options: { database: string }): unknown;
}
type Build = { Parser: new () => Parser };

const BUILDS: Record<Exclude<SqlDialect, 'postgres'>, { build: Build; database: string }> = {
  mysql: { build: mysql, database: 'mysql' },
  mariadb: { build: mariadb, database: 'mariadb' },
  sqlite: { build: sqlite, database: 'sqlite' },
  transactsql: { build: transactsql, database: 'transactsql' },
  bigquery: { build: bigquery, database: 'bigquery' },
};

const parsers = new Map<string, Parser>();
function parserOf(dialect: Exclude<SqlDialect, 'postgres'>): Parser {
  let parser = parsers.get(dialect);
  if (!parser) {
    parser = new BUILDS[dialect].build.Parser();
    parsers.set(dialect, parser);
  }
  return parser;
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isNode(v)) {
    if (typeof v.value === 'string') return v.value;
    if (isNode(v.expr)) return text(v.expr);
  }
  return undefined;
}

/** `db.table` of a table reference, or a plain name. */
function nameOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (!isNode(v)) return '?';
  const table = text(v.table) ?? text(v.name) ?? text(v.column) ?? '?';
  const db = text(v.db) ?? text(v.schema);
  return db ? `${db}.${table}` : table;
}

function columnOf(v: unknown): string {
  if (!isNode(v)) return text(v) ?? '?';
  return text(v.column) ?? text(v.expr) ?? '?';
}

const DROP_KEYWORDS: Record<string, SqlOperation> = {
  table: 'drop-table',
  database: 'drop-database',
  schema: 'drop-schema',
  index: 'drop-index',
  view: 'drop-view',
  type: 'drop-type',
};

type Op = Omit<SqlFinding, 'start' | 'end'>;

function alterOperations(ast: Node): Op[] {
  const table = nameOf(arr(ast.table)[0]);
  const ops: Op[] = [];
  for (const e of arr(ast.expr)) {
    if (!isNode(e)) continue;
    const action = str(e.action).toLowerCase();
    const resource = (str(e.resource) || str(e.keyword)).toLowerCase();
    if (action === 'drop') {
      if (resource === 'column' || (resource === '' && e.column !== undefined))
        ops.push({ operation: 'drop-column', object: `${table}.${columnOf(e.column)}` });
      else if (resource === 'index' || resource === 'key')
        ops.push({ operation: 'drop-index', object: `${table}.${text(e.index) ?? columnOf(e.column)}` });
      else if (/constraint|foreign|primary|check/.test(resource))
        ops.push({
          operation: 'drop-constraint',
          object: `${table}.${text(e.constraint) ?? text(e.index) ?? resource}`,
        });
    } else if (
      action === 'modify' ||
      action === 'change' ||
      (action === 'alter' && e.definition !== undefined)
    ) {
      const column = columnOf(e.column);
      if (action === 'change' && e.old_column !== undefined && columnOf(e.old_column) !== column)
        ops.push({ operation: 'rename-column', object: `${table}.${columnOf(e.old_column)} → ${column}` });
      ops.push({ operation: 'alter-column-type', object: `${table}.${column}` });
    } else if (action === 'rename') {
      if (resource === 'column')
        ops.push({
          operation: 'rename-column',
          object: `${table}.${columnOf(e.old_column)} → ${columnOf(e.column)}`,
        });
      else
        ops.push({
          operation: 'rename-table',
          object: `${table} → ${nameOf(e.table) === '?' ? (text(e.table) ?? '?') : nameOf(e.table)}`,
        });
    }
  }
  return ops;
}

/** The destructive operations of one statement's AST. */
export function genericOperations(ast: Node): Op[] {
  const type = str(ast.type).toLowerCase();
  switch (type) {
    case 'drop': {
      const operation = DROP_KEYWORDS[str(ast.keyword).toLowerCase()];
      if (!operation) return [];
      return arr(ast.name).map((n) => ({ operation, object: nameOf(n) }));
    }
    case 'truncate':
      return arr(ast.name).map((n) => ({ operation: 'truncate', object: nameOf(n) }));
    case 'delete':
      return ast.where === null || ast.where === undefined
        ? [{ operation: 'delete-without-where', object: nameOf(arr(ast.from)[0] ?? arr(ast.table)[0]) }]
        : [];
    case 'update':
      return ast.where === null || ast.where === undefined
        ? [{ operation: 'update-without-where', object: nameOf(arr(ast.table)[0]) }]
        : [];
    case 'alter':
      return alterOperations(ast);
    case 'rename':
      return arr(ast.table).map((pair) => {
        const [from, to] = arr(pair);
        return { operation: 'rename-table', object: `${nameOf(from)} → ${nameOf(to)}` };
      });
    default:
      return [];
  }
}

/** SQL Server scripts separate batches with `GO` lines, which are not SQL. */
function withoutBatchSeparators(sql: string): string {
  return sql.replace(/^[ \t]*GO[ \t]*(?:\d+)?[ \t]*$/gim, (m) => `;${' '.repeat(m.length - 1)}`);
}

/** Every destructive operation of a script in one of node-sql-parser's dialects. */
export function analyseGeneric(sql: string, dialect: Exclude<SqlDialect, 'postgres'>): SqlFinding[] {
  const parser = parserOf(dialect);
  const source = dialect === 'transactsql' ? withoutBatchSeparators(sql) : sql;
  const findings: SqlFinding[] = [];
  const chunks = splitStatements(source, {
    hashComments: dialect === 'mysql' || dialect === 'mariadb',
    bracketIdentifiers: dialect === 'transactsql',
  });
  for (const chunk of chunks) {
    let ast: unknown;
    try {
      ast = parser.astify(chunk.text, { database: BUILDS[dialect].database });
    } catch (error) {
      findings.push({
        operation: 'unparsed',
        object: chunk.text.slice(0, 60).replace(/\s+/g, ' '),
        start: chunk.start,
        end: chunk.end,
        detail: (error instanceof Error ? error.message : String(error)).slice(0, 200),
      });
      continue;
    }
    for (const node of arr(ast)) {
      if (!isNode(node)) continue;
      for (const op of genericOperations(node)) findings.push({ ...op, start: chunk.start, end: chunk.end });
    }
  }
  return findings;
}
