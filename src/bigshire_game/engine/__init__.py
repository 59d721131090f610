"""The game as a pure state machine: new_game, legal_moves, check, apply, advance, view."""

from ..state import FACILITATOR, GameState
from ..vocabulary.events import Event
from ..vocabulary.moves import MOVE_TYPES, Move, Rejection
from .game import advance, apply, check, legal_moves, new_game, run_until_input, view

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
