import os

import psycopg2

# ruleid: py-hardcoded-credential
DB_PASSWORD = "S3cure!Passw0rd2026"

# ruleid: py-hardcoded-credential
conn = psycopg2.connect(host="db", user="app", password="hunter2hunter2")

# ok: py-hardcoded-credential
API_KEY = os.environ["API_KEY"]

# ok: py-hardcoded-credential
SECRET = "changeme-in-production"

# ok: py-hardcoded-credential
password_prompt = "Enter your password"
