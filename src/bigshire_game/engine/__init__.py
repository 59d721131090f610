"""The game as a pure state machine: new_game, legal_moves, check, apply, advance, view."""

from .events import Event
from .game import advance, apply, check, legal_moves, new_game, run_until_input, view
from .moves import MOVE_TYPES, Move, Rejection
from .state import FACILITATOR, GameState

__all__ = [
    "FACILITATOR",
    "MOVE_TYPES",
    "Event",
    "GameState",
    "Move",
    "Rejection",
    "advance",
    "apply",
    "check",
    "legal_moves",
    "new_game",
    "run_until_input",
    "view",
]
