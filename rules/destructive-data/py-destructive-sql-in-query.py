import sqlite3

conn = sqlite3.connect("app.db")
cur = conn.cursor()

# ruleid: py-destructive-sql-in-query
cur.execute("DROP TABLE users")

# ruleid: py-destructive-sql-in-query
cur.executescript("truncate table orders;")

# ruleid: py-destructive-sql-in-query
conn.execute("DELETE FROM sessions")

# ok: py-destructive-sql-in-query
cur.execute("DELETE FROM sessions WHERE id = ?", (42,))

# ok: py-destructive-sql-in-query
cur.execute("SELECT name FROM users WHERE id = ?", (42,))
