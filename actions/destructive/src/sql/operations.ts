/** What the SQL checks report: one row per destructive operation of a statement. */
export const SQL_OPERATIONS = {
  'drop-table': 'drops a table and every row in it',
  'drop-database': 'drops a whole database',
  'drop-schema': 'drops a schema and every object in it',
  'drop-column': "drops a column and every row's value in it",
  'drop-index':
    'drops an index (queries that relied on it slow down; a unique index stops guarding its data)',
  'drop-view': 'drops a view that readers may depend on',
  'drop-type': 'drops a type (and, with CASCADE, the columns of that type)',
  'drop-constraint': 'drops a constraint that guarded the data',
  truncate: 'deletes every row of a table',
  'delete-without-where': 'deletes every row of a table (no WHERE)',
  'update-without-where': 'overwrites a column in every row of a table (no WHERE)',
  'alter-column-type':
    'changes a column type, which may narrow it (truncating or rejecting values) and rewrites the table',
  'rename-table': 'renames a table, breaking every reader that uses the old name',
  'rename-column': 'renames a column, breaking every reader that uses the old name',
  unparsed: 'is SQL the parser cannot read, so it cannot be shown to be safe',
} as const;

export type SqlOperation = keyof typeof SQL_OPERATIONS;

export interface SqlFinding {
  operation: SqlOperation;
  /** `users`, `public.users.email`, `users → people`. */
  object: string;
  /** Character offsets of the statement in the text. */
  start: number;
  end: number;
  /** The parser's message, for `unparsed`. */
  detail?: string;
}

export const SQL_DIALECTS = ['postgres', 'mysql', 'mariadb', 'sqlite', 'transactsql', 'bigquery'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];
