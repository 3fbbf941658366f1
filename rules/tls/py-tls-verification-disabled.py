import ssl

import httpx
import requests

# ruleid: py-tls-verification-disabled
resp = requests.get("https://internal.example.com/api", verify=False)

# ruleid: py-tls-verification-disabled
client = httpx.Client(verify=False)

# ruleid: py-tls-verification-disabled
ctx = ssl._create_unverified_context()

# ok: py-tls-verification-disabled
resp2 = requests.get("https://internal.example.com/api", verify="/etc/ssl/private-ca.pem")

# ok: py-tls-verification-disabled
ctx2 = ssl.create_default_context()
