import jwt


def user_from(token, key):
    # ruleid: py-jwt-decode-without-verify
    claims = jwt.decode(token, options={"verify_signature": False})

    # ruleid: py-jwt-decode-without-verify
    legacy = jwt.decode(token, key, verify=False)

    # ok: py-jwt-decode-without-verify
    verified = jwt.decode(token, key, algorithms=["RS256"])

    # ok: py-jwt-decode-without-verify
    header = jwt.get_unverified_header(token)

    return claims, legacy, verified, header
