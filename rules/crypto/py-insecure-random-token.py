import random
import secrets
import string

# ruleid: py-insecure-random-token
reset_token = "".join(random.choices(string.ascii_letters, k=32))


def make_otp():
    # ruleid: py-insecure-random-token
    return str(random.randint(100000, 999999))


# ok: py-insecure-random-token
retry_delay = random.uniform(0.1, 0.5)

# ok: py-insecure-random-token
api_token = secrets.token_urlsafe(32)
