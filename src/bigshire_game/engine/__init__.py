"""The game as a pure state machine: new_game, legal_moves, apply, advance, view."""

from .events import Event
from .game import advance, apply, legal_moves, new_game, run_until_input, view
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
    "legal_moves",
    "new_game",
    "run_until_input",
    "view",
]
