import { Pool } from 'pg';

const pool = new Pool();

export async function reset(table: string): Promise<void> {
  // ruleid: js-destructive-sql-in-query
  await pool.query('DROP TABLE users');

  // ruleid: js-destructive-sql-in-query
  await pool.query(`TRUNCATE TABLE ${table}`);

  // ruleid: js-destructive-sql-in-query
  await pool.query("DELETE FROM sessions");

  // ok: js-destructive-sql-in-query
  await pool.query('DELETE FROM sessions WHERE id = $1', [table]);

  // ok: js-destructive-sql-in-query
  await pool.query('SELECT * FROM users WHERE id = $1', [table]);
}
