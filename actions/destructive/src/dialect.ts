/**
 * `dialect: auto`: the SQL dialect as the project declares it. Read from the checkout (the files
 * name the database; they are not policy), first match wins, else PostgreSQL.
 */
import type { SqlDialect } from './sql/operations.js';

/** The project files that name a database, in the order they are consulted. */
export const DIALECT_SOURCES = [
  'prisma/schema.prisma',
  'schema.prisma',
  'config/database.yml',
  'flyway.conf',
  'conf/flyway.conf',
  'flyway.toml',
] as const;

const BY_NAME: [RegExp, SqlDialect][] = [
  [/^(?:postgres(?:ql)?|postgis|cockroachdb)$/i, 'postgres'],
  [/^(?:mysql2?|trilogy)$/i, 'mysql'],
  [/^mariadb$/i, 'mariadb'],
  [/^sqlite3?$/i, 'sqlite'],
  [/^(?:sqlserver|mssql)$/i, 'transactsql'],
];

function byName(name: string): SqlDialect | undefined {
  return BY_NAME.find(([re]) => re.test(name))?.[1];
}

/** `provider = "mysql"` inside the `datasource` block. */
function fromPrisma(text: string): SqlDialect | undefined {
  const block = /datasource\s+\w+\s*\{([^}]*)\}/.exec(text)?.[1];
  const provider = block && /^\s*provider\s*=\s*"([^"]+)"/m.exec(block)?.[1];
  return provider ? byName(provider) : undefined;
}

/** The first `adapter:` of config/database.yml (Rails names one per environment). */
function fromDatabaseYml(text: string): SqlDialect | undefined {
  const adapter = /^\s*adapter:\s*["']?([\w-]+)/m.exec(text)?.[1];
  return adapter ? byName(adapter) : undefined;
}

/** `flyway.url=jdbc:mysql://...` (flyway.conf) or `url = "jdbc:..."` (flyway.toml). */
function fromFlyway(text: string): SqlDialect | undefined {
  const scheme = /url\s*[=:]\s*["']?jdbc:([a-z0-9]+):/i.exec(text)?.[1];
  return scheme ? byName(scheme) : undefined;
}

export interface DialectChoice {
  dialect: SqlDialect;
  /** Where it came from, as a clause: `named by prisma/schema.prisma`. */
  source: string;
}

/** The dialect from the texts of `DIALECT_SOURCES` that exist. */
export function detectDialect(texts: ReadonlyMap<string, string>): DialectChoice {
  for (const path of DIALECT_SOURCES) {
    const text = texts.get(path);
    if (text === undefined) continue;
    const found = path.endsWith('.prisma')
      ? fromPrisma(text)
      : path.endsWith('database.yml')
        ? fromDatabaseYml(text)
        : fromFlyway(text);
    if (found) return { dialect: found, source: `named by ${path}` };
  }
  return { dialect: 'postgres', source: 'the default: no project file names a database' };
}
