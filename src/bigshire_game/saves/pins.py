"""Seat PINs, stored only as salted PBKDF2 hashes, so a save shows no one's PIN to whoever opens it.

A PIN keeps glances off a desk at the table; it is no protection for the file itself (anyone who can
edit a save can replace a hash), so nothing here is secret. The iteration count is bounded so that a
save cannot make checking a PIN, or loading, take for ever.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

ITERATIONS = 200_000
MAX_ITERATIONS = 2_000_000  # ten times the default: about a second on a slow laptop
_SCHEME = "pbkdf2_sha256"
_SALT = re.compile(r"[\x21-\x23\x25-\x7e]{1,128}")  # printable ASCII without "$" or spaces
_DIGEST = re.compile(r"[0-9a-f]{64}")


def hash_pin(pin: str, salt: str | None = None, iterations: int = ITERATIONS) -> str:
    """ "pbkdf2_sha256$ITERATIONS$SALT$HASH", the form a save's [pins] table keeps."""
    if not 1 <= iterations <= MAX_ITERATIONS:
        raise ValueError(f"iterations must be from 1 to {MAX_ITERATIONS:,}")
    salt = salt or secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt.encode("ascii"), iterations)
    return f"{_SCHEME}${iterations}${salt}${digest.hex()}"


def hash_problem(stored: object) -> str:
    """What is wrong with a stored PIN hash, in words ("" when it is well formed)."""
    if not isinstance(stored, str):
        return "expected a PIN hash as text"
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != _SCHEME:
        return f'expected a PIN hash written as "{_SCHEME}$ITERATIONS$SALT$HASH"'
    _, iterations, salt, digest = parts
    if not iterations.isascii() or not iterations.isdigit() or len(iterations) > 12:
        return "the PIN hash's iteration count is not a whole number"
    if not 1 <= int(iterations) <= MAX_ITERATIONS:
        return (
            f"the PIN hash's iteration count {int(iterations):,} is outside 1 to {MAX_ITERATIONS:,} "
            "(a save may not make checking a PIN take minutes)"
        )
    if not _SALT.fullmatch(salt):
        return "the PIN hash's salt must be 1 to 128 printable ASCII characters"
    if not _DIGEST.fullmatch(digest):
        return "the PIN hash's digest must be 64 lowercase hexadecimal digits"
    return ""


def check_pin(pin: str, stored: str) -> bool:
    """Whether `pin` is the one `stored` was made from; a malformed hash, or one too costly to check,
    matches nothing."""
    if hash_problem(stored):
        return False
    _, iterations, salt, _ = stored.split("$")
    try:
        again = hash_pin(pin, salt, int(iterations))
    except (ValueError, UnicodeEncodeError):
        return False
    return hmac.compare_digest(again, stored)
