/**
 * PostgreSQL through its own grammar (libpg-query: the server's parser compiled to wasm). The whole
 * file is parsed once; when that fails, each statement is parsed alone so only the unreadable ones
 * become `unparsed` findings.
 */
import { loadModule, parseSync } from 'libpg-query';
import type { SqlFinding, SqlOperation } from './operations.js';
import { splitStatements } from './split.js';

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const sval = (v: unknown): string | undefined =>
  isNode(v) && isNode(v.String) && typeof v.String.sval === 'string' ? v.String.sval : undefined;

let loaded: Promise<void> | undefined;
/** The wasm module loads once, asynchronously; parsing is synchronous after that. */
export function loadPostgres(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

function relName(v: unknown): string {
  if (!isNode(v)) return '?';
  const name = typeof v.relname === 'string' ? v.relname : '?';
  return typeof v.schemaname === 'string' ? `${v.schemaname}.${name}` : name;
}

function dropObjectName(v: unknown): string {
  if (!isNode(v)) return '?';
  if (isNode(v.List)) return arr(v.List.items).map(sval).filter(Boolean).join('.');
  if (isNode(v.TypeName)) return arr(v.TypeName.names).map(sval).filter(Boolean).join('.');
  return sval(v) ?? '?';
}

const DROP_KINDS: Record<string, SqlOperation> = {
  OBJECT_TABLE: 'drop-table',
  OBJECT_FOREIGN_TABLE: 'drop-table',
  OBJECT_SCHEMA: 'drop-schema',
  OBJECT_INDEX: 'drop-index',
  OBJECT_VIEW: 'drop-view',
  OBJECT_MATVIEW: 'drop-view',
  OBJECT_TYPE: 'drop-type',
  OBJECT_DOMAIN: 'drop-type',
};

/** Types every value converts to without loss: a change to them cannot narrow. */
function widensToText(def: unknown): boolean {
  const typeName = isNode(def) && isNode(def.ColumnDef) ? def.ColumnDef.typeName : undefined;
  if (!isNode(typeName)) return false;
  const last = arr(typeName.names).map(sval).at(-1);
  const mods = arr(typeName.typmods).length;
  return last === 'text' || (last === 'varchar' && mods === 0);
}

type Op = Omit<SqlFinding, 'start' | 'end'>;

/** The destructive operations of one parsed statement. */
export function postgresOperations(stmt: Node): Op[] {
  const [kind, body] = Object.entries(stmt)[0] ?? [];
  if (!isNode(body)) return [];
  switch (kind) {
    case 'DropStmt': {
      const operation = DROP_KINDS[String(body.removeType)];
      if (!operation) return [];
      return arr(body.objects).map((o) => ({ operation, object: dropObjectName(o) }));
    }
    case 'DropdbStmt':
      return [{ operation: 'drop-database', object: typeof body.dbname === 'string' ? body.dbname : '?' }];
    case 'TruncateStmt':
      return arr(body.relations).map((r) => ({
        operation: 'truncate',
        object: relName(isNode(r) ? r.RangeVar : undefined),
      }));
    case 'DeleteStmt':
      return body.whereClause === undefined
        ? [{ operation: 'delete-without-where', object: relName(body.relation) }]
        : [];
    case 'UpdateStmt':
      return body.whereClause === undefined
        ? [{ operation: 'update-without-where', object: relName(body.relation) }]
        : [];
    case 'AlterTableStmt': {
      const table = relName(body.relation);
      const ops: Op[] = [];
      for (const c of arr(body.cmds)) {
        const cmd = isNode(c) && isNode(c.AlterTableCmd) ? c.AlterTableCmd : undefined;
        if (!cmd) continue;
        const name = typeof cmd.name === 'string' ? cmd.name : '?';
        if (cmd.subtype === 'AT_DropColumn')
          ops.push({ operation: 'drop-column', object: `${table}.${name}` });
        else if (cmd.subtype === 'AT_DropConstraint')
          ops.push({ operation: 'drop-constraint', object: `${table}.${name}` });
        else if (cmd.subtype === 'AT_AlterColumnType' && !widensToText(cmd.def))
          ops.push({ operation: 'alter-column-type', object: `${table}.${name}` });
      }
      return ops;
    }
    case 'RenameStmt': {
      const table = relName(body.relation);
      const to = typeof body.newname === 'string' ? body.newname : '?';
      if (body.renameType === 'OBJECT_TABLE')
        return [{ operation: 'rename-table', object: `${table} → ${to}` }];
      if (body.renameType === 'OBJECT_COLUMN')
        return [
          {
            operation: 'rename-column',
            object: `${table}.${typeof body.subname === 'string' ? body.subname : '?'} → ${to}`,
          },
        ];
      return [];
    }
    default:
      return [];
  }
}

/** Character offset of each UTF-8 byte offset the parser reports. */
function byteToChar(text: string): (byte: number) => number {
  if (Buffer.byteLength(text) === text.length) return (b) => b; // ASCII: bytes are characters
  const bytes = Buffer.from(text, 'utf8');
  return (b) => bytes.subarray(0, b).toString('utf8').length;
}

function parseError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Every destructive operation of a PostgreSQL script; `loadPostgres()` must have resolved. */
export function analysePostgres(text: string): SqlFinding[] {
  let stmts: unknown[];
  try {
    stmts = arr(parseSync(text).stmts);
  } catch {
    return analyseEach(text);
  }
  const toChar = byteToChar(text);
  const totalBytes = Buffer.byteLength(text);
  const findings: SqlFinding[] = [];
  for (const raw of stmts) {
    if (!isNode(raw) || !isNode(raw.stmt)) continue;
    const startByte = typeof raw.stmt_location === 'number' ? raw.stmt_location : 0;
    const lenBytes =
      typeof raw.stmt_len === 'number' && raw.stmt_len > 0 ? raw.stmt_len : totalBytes - startByte;
    let start = toChar(startByte);
    const end = toChar(startByte + lenBytes);
    // The parser's location may include blanks and comments that precede the statement.
    const lead = /^(?:\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*/.exec(text.slice(start, end))?.[0].length ?? 0;
    start += lead;
    for (const op of postgresOperations(raw.stmt)) findings.push({ ...op, start, end });
  }
  return findings;
}

function analyseEach(text: string): SqlFinding[] {
  const findings: SqlFinding[] = [];
  for (const chunk of splitStatements(text, { dollarQuotes: true })) {
    let stmts: unknown[];
    try {
      stmts = arr(parseSync(chunk.text).stmts);
    } catch (error) {
      findings.push({
        operation: 'unparsed',
        object: chunk.text.slice(0, 60).replace(/\s+/g, ' '),
        start: chunk.start,
        end: chunk.end,
        detail: parseError(error),
      });
      continue;
    }
    for (const raw of stmts) {
      if (!isNode(raw) || !isNode(raw.stmt)) continue;
      for (const op of postgresOperations(raw.stmt))
        findings.push({ ...op, start: chunk.start, end: chunk.end });
    }
  }
  return findings;
}
