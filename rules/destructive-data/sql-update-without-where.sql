# ruleid: sql-update-without-where
UPDATE users SET role = 'admin';

# ruleid: sql-update-without-where
update accounts
set balance = 0,
    updated_at = now();

# ok: sql-update-without-where
UPDATE users SET role = 'admin' WHERE id = 1;

# ok: sql-update-without-where
update accounts
set balance = 0
where closed_at is not null;
