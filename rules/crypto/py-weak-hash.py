import hashlib


def store(password, blob):
    # ruleid: py-weak-hash
    digest = hashlib.md5(password.encode()).hexdigest()

    # ruleid: py-weak-hash
    sig = hashlib.new("sha1", blob).hexdigest()

    # ok: py-weak-hash
    checksum = hashlib.md5(blob, usedforsecurity=False).hexdigest()

    # ok: py-weak-hash
    strong = hashlib.sha256(blob).hexdigest()

    return digest, sig, checksum, strong
