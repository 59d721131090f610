"""Seat PINs, stored only as salted PBKDF2 hashes, so a save shows no one's PIN to whoever opens it."""

from __future__ import annotations

import hashlib
import hmac
import secrets

ITERATIONS = 200_000
_SCHEME = "pbkdf2_sha256"


def hash_pin(pin: str, salt: str | None = None, iterations: int = ITERATIONS) -> str:
    """ "pbkdf2_sha256$ITERATIONS$SALT$HASH", the form a save's [pins] table keeps."""
    salt = salt or secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt.encode("ascii"), iterations)
    return f"{_SCHEME}${iterations}${salt}${digest.hex()}"


def check_pin(pin: str, stored: str) -> bool:
    """Whether `pin` is the one `stored` was made from; a malformed hash matches nothing."""
    try:
        scheme, iterations, salt, _ = stored.split("$")
        if scheme != _SCHEME:
            return False
        again = hash_pin(pin, salt, int(iterations))
    except (ValueError, UnicodeEncodeError):
        return False
    return hmac.compare_digest(again, stored)
