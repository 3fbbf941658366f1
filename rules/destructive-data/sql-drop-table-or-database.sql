/* Destructive statements an agent should never ship in a migration. */

# ruleid: sql-drop-table-or-database
DROP TABLE users;

# ruleid: sql-drop-table-or-database
drop database if exists production;

# ruleid: sql-drop-table-or-database
DROP SCHEMA billing CASCADE;

# ok: sql-drop-table-or-database
DROP INDEX IF EXISTS users_email_idx;

# ok: sql-drop-table-or-database
CREATE TABLE dropped_orders (id bigint PRIMARY KEY);

# ok: sql-drop-table-or-database
ALTER TABLE users RENAME TO users_archived_2026;
