"""Who sits where, and the optional four-digit PIN that guards each seat's desk.

A PIN is a courtesy lock for a shared keyboard, not security: it is kept only
as a salted hash (in the app and in saves) so a save file never shows it.
Hashing is the saves module's, imported when a PIN is first set or checked.
"""

from __future__ import annotations

from ..session import BOT
from ..state import FACILITATOR


def hash_pin(pin: str) -> str:
    """The salted hash a save keeps (the saves module's, so saves and the game agree)."""
    from ..saves.pins import hash_pin as hashed

    return hashed(pin)


def check_pin(pin: str, stored: str) -> bool:
    from ..saves.pins import check_pin as check

    return check(pin, stored)


def valid_pin(pin: str) -> bool:
    return len(pin) == 4 and pin.isdigit()


def is_person(seat: str) -> bool:
    """A seat someone sits at: a named player or the facilitator (not the computer)."""
    return seat != BOT


def seat_title(seat: str) -> str:
    return "the facilitator" if seat == FACILITATOR else seat


def roles_of(seats: dict[str, str], seat: str) -> list[str]:
    return [rid for rid, s in seats.items() if s == seat]


def people(seats: dict[str, str]) -> list[str]:
    """Seats held by people, in the order their first organisation appears."""
    return list(dict.fromkeys(s for s in seats.values() if is_person(s)))
