import { Pool } from 'pg';

const pool = new Pool();

export async function findUser(id: string, name: string): Promise<unknown> {
  // ruleid: js-sql-string-building
  await pool.query('SELECT * FROM users WHERE id = ' + id);

  // ruleid: js-sql-string-building
  await pool.query(`SELECT * FROM users WHERE name = '${name}'`);

  // ok: js-sql-string-building
  await pool.query('SELECT * FROM users WHERE id = $1', [id]);

  // ok: js-sql-string-building
  return pool.query(`SELECT count(*) FROM users`);
}
