# ruleid: sql-truncate-table
TRUNCATE TABLE orders;

# ruleid: sql-truncate-table
truncate audit_log;

# ok: sql-truncate-table
SELECT trunc(price, 2) FROM orders;

# ok: sql-truncate-table
DELETE FROM sessions WHERE expires_at < now();
