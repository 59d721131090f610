"""The mechanisms of the game, one module each, as pure functions of state.

Each module that handles moves exposes:

- `HANDLERS`: move class name -> (check, apply), where
  `check(state, scenario, move) -> Rejection | None` refuses with a reason, and
  `apply(state, scenario, move, phase) -> (state, events)` makes the change;
- `legal(state, scenario, role, kinds=None) -> Iterable[Move]`: the moves of its
  kind this role may make now, with sensible default parameters for front ends
  and bots; `kinds` (move names, or None for all) lets it skip work nobody wants.

The engine checks turn order and action points; modules check everything else.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from typing import Any

from ..content import Scenario
from ..state import GameState
from ..vocabulary.events import Event
from ..vocabulary.moves import Move, Rejection

Outcome = tuple[GameState, list[Event]]
Check = Callable[[GameState, Scenario, Any], Rejection | None]
Apply = Callable[[GameState, Scenario, Any, str], Outcome]
Handlers = dict[str, tuple[Check, Apply]]
Legal = Callable[[GameState, Scenario, str, Container[str] | None], Iterable[Move]]


def refuse(code: str, move: Move, reason: str, **details: Any) -> Rejection:
    return Rejection(code=code, move=move, reason=reason, details=details)


def name_of(scenario: Scenario, role: str) -> str:
    """The organisation's short name, for sentences players read."""
    found = scenario.roles.get(role)
    return found.short_name if found else role
