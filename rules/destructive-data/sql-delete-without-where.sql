# ruleid: sql-delete-without-where
DELETE FROM users;

# ruleid: sql-delete-without-where
delete from public.sessions
;

# ok: sql-delete-without-where
DELETE FROM users WHERE id = 42;

# ok: sql-delete-without-where
DELETE FROM sessions
WHERE expires_at < now();
