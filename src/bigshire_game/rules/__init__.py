"""The mechanisms of the game, one module or package each, as pure functions of state.

Each mechanism that handles moves registers its kinds as `KINDS`, one `MoveKind` record per move kind
(see `registry`), declared next to the mechanism. A record holds:

- `check(state, scenario, move) -> Rejection | None`: refuses with a reason;
- `apply(state, scenario, move, phase) -> (state, events)`: makes the change;
- `legal(state, scenario, role, kinds=None) -> Iterable[Move]`: the moves of its kind this role may make
  now, with sensible default parameters for front ends and bots; `kinds` (move names, or None for all)
  lets it skip work nobody wants;
- its description, menu family, form fields and bot scorer.

The engine collects every mechanism's `KINDS` into its static table. `HANDLERS` (move name -> (check,
apply)) is derived from `KINDS` by `registry.handlers_of`, not written by hand. The engine checks turn
order and action points; mechanisms check everything else.
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
