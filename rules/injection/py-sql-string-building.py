def find_user(cur, user_id, name):
    # ruleid: py-sql-string-building
    cur.execute("SELECT * FROM users WHERE id = %s" % user_id)

    # ruleid: py-sql-string-building
    cur.execute(f"SELECT * FROM users WHERE name = '{name}'")

    # ruleid: py-sql-string-building
    cur.execute("SELECT * FROM users WHERE name = '{}'".format(name))

    # ok: py-sql-string-building
    cur.execute("SELECT * FROM users WHERE id = %s", (user_id,))

    # ok: py-sql-string-building
    cur.execute("SELECT count(*) FROM users")
