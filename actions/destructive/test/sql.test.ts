/** The SQL checks on hand-written cases: false positives stay out, attribution follows added lines. */
import { beforeAll, describe, expect, it } from 'vitest';
import { sqlFindings } from '../src/detect.js';
import { analyseSql, loadSqlParsers } from '../src/sql/index.js';
import { splitStatements } from '../src/sql/split.js';
import { addedFile, changedFile } from './support.js';

beforeAll(loadSqlParsers);

const ops = (sql: string, dialect: Parameters<typeof analyseSql>[1] = 'postgres'): string[] =>
  analyseSql(sql, dialect).map((f) => `${f.operation} ${f.object}`);

describe('PostgreSQL (libpg-query)', () => {
  it('finds every listed operation with its object', () => {
    expect(
      ops(`DROP TABLE IF EXISTS public.users, posts CASCADE;
ALTER TABLE users DROP COLUMN email, ALTER COLUMN name TYPE varchar(10), ALTER COLUMN bio TYPE text, DROP CONSTRAINT users_pk;
ALTER TABLE users RENAME TO people; ALTER TABLE people RENAME COLUMN a TO b;
TRUNCATE t1; DELETE FROM t2; UPDATE t4 SET a = 1;
DROP INDEX CONCURRENTLY idx; DROP SCHEMA s; DROP DATABASE d; DROP TYPE mood; DROP VIEW v; DROP MATERIALIZED VIEW mv;`),
    ).toEqual([
      'drop-table public.users',
      'drop-table posts',
      'drop-column users.email',
      'alter-column-type users.name',
      'drop-constraint users.users_pk',
      'rename-table users → people',
      'rename-column people.a → b',
      'truncate t1',
      'delete-without-where t2',
      'update-without-where t4',
      'drop-index idx',
      'drop-schema s',
      'drop-database d',
      'drop-type mood',
      'drop-view v',
      'drop-view mv',
    ]);
  });

  it('DROP in a comment or string, deleted_at columns, DELETE/UPDATE ... WHERE and widening to text are not findings', () => {
    expect(
      ops(`-- DROP TABLE users;
/* DROP TABLE users; */
INSERT INTO audit (note) VALUES ('DROP TABLE users; TRUNCATE x');
CREATE FUNCTION f() RETURNS void AS $$ BEGIN DROP TABLE t; END $$ LANGUAGE plpgsql;
ALTER TABLE users ADD COLUMN deleted_at timestamptz;
DELETE FROM users WHERE deleted_at < now();
UPDATE users SET active = false WHERE id = 1;
ALTER TABLE users ALTER COLUMN bio TYPE text;`),
    ).toEqual([]);
  });

  it('a statement the parser cannot read is its own finding; the others are still judged', () => {
    const found = analyseSql('DROP TABLE a;\nDROP TABLE ;\nSELEC 1;\nTRUNCATE b;', 'postgres');
    expect(found.map((f) => f.operation)).toEqual(['drop-table', 'unparsed', 'unparsed', 'truncate']);
    expect(found[1]?.detail).toContain('syntax error');
  });
});

describe('node-sql-parser dialects', () => {
  const MYSQL =
    "DROP TABLE IF EXISTS `users`; ALTER TABLE users DROP COLUMN email, MODIFY name varchar(10), RENAME COLUMN a TO b, DROP INDEX ix; RENAME TABLE a TO b; TRUNCATE TABLE t1; DELETE FROM t2; DELETE FROM t3 WHERE id = 1; UPDATE t4 SET a = 1; DROP DATABASE d; # DROP TABLE c;\nINSERT INTO t VALUES ('DROP; TABLE y');";
  it('MySQL and MariaDB', () => {
    const expected = [
      'drop-table users',
      'drop-column users.email',
      'alter-column-type users.name',
      'rename-column users.a → b',
      'drop-index users.ix',
      'rename-table a → b',
      'truncate t1',
      'delete-without-where t2',
      'update-without-where t4',
      'drop-database d',
    ];
    expect(ops(MYSQL, 'mysql')).toEqual(expected);
    expect(ops(MYSQL, 'mariadb')).toEqual(expected);
  });

  it('SQL Server batches separated by GO', () => {
    expect(ops('CREATE TABLE a (id int)\nGO\nDROP TABLE a\nGO\n', 'transactsql')).toEqual(['drop-table a']);
  });

  it('SQLite and BigQuery', () => {
    expect(ops('DROP TABLE pets; DELETE FROM pets;', 'sqlite')).toEqual([
      'drop-table pets',
      'delete-without-where pets',
    ]);
    expect(ops('DROP TABLE ds.pets;', 'bigquery')).toEqual(['drop-table ds.pets']);
  });
});

describe('attribution to the lines the PR adds', () => {
  const TEXT = 'CREATE TABLE a (id int);\nDROP TABLE old;\nALTER TABLE a\n  DROP COLUMN x;\n';
  it('a changed file reports only statements on added lines, at the statement line', () => {
    expect(sqlFindings(changedFile('m.sql', TEXT, [1]), TEXT, 'postgres')).toEqual([]);
    const found = sqlFindings(changedFile('m.sql', TEXT, [4]), TEXT, 'postgres');
    expect(found.map((f) => `${f.line} ${f.operation} ${f.object}`)).toEqual(['3 drop-column a.x']);
    expect(found[0]?.text).toBe('ALTER TABLE a DROP COLUMN x');
  });

  it('a new file: every statement, lines from the parser (UTF-8 before a statement counts right)', () => {
    const text = "INSERT INTO t VALUES ('héllo ✓');\nDROP TABLE t;\n";
    expect(sqlFindings(addedFile('n.sql', text), text, 'postgres').map((f) => f.line)).toEqual([2]);
  });

  it('the splitter keeps quotes, comments and dollar quotes whole', () => {
    const chunks = splitStatements('SELECT \';\'; -- ;\nSELECT $x$ ; $x$; /* ; /* ; */ */ SELECT "a;b"', {
      dollarQuotes: true,
    });
    expect(chunks.map((c) => c.text)).toEqual(["SELECT ';'", 'SELECT $x$ ; $x$', 'SELECT "a;b"']);
  });
});
