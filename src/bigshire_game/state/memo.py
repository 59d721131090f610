"""Views derived from one part of an immutable state, remembered for the last
part seen: a rule asked the same question about the same agreements (or orgs,
or schemes) gets the answer without working it out again.

States are never changed in place, so the identity of the part is a sound key;
the cache holds a reference to it, so that identity cannot be reused.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

Part = TypeVar("Part")
View = TypeVar("View")


def last_seen(derive: Callable[[Part], View]) -> Callable[[Part], View]:
    """Remember `derive(part)` for the most recent `part` (by identity)."""
    seen: list = [(object(), None)]  # one (part, view) pair, replaced whole so no reader sees half of it

    @wraps(derive)
    def view(part: Part) -> View:
        last, found = seen[0]
        if last is not part:
            found = derive(part)
            seen[0] = (part, found)
        return found

    return view
