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


Answer = TypeVar("Answer")


def per_state(derive: Callable[..., Answer]) -> Callable[..., Answer]:
    """Remember `derive(state, scenario, *args)` for the most recent state and scenario (by identity), one answer
    per `args`: a bot weighing its moves asks the same question of one position many times. Answers must be
    values nobody changes (numbers, strings, tuples)."""
    seen: list = [(object(), object(), {})]  # (state, scenario, answers), replaced whole as in `last_seen`

    @wraps(derive)
    def answer(state, scenario, *args):
        last, last_scenario, found = seen[0]
        if last is not state or last_scenario is not scenario:
            found = {}
            seen[0] = (state, scenario, found)
        if args in found:
            return found[args]
        value = found[args] = derive(state, scenario, *args)
        return value

    return answer
