"""What front ends may know of a move kind, through the engine: its menu family, its description and its
form fields, from the registry the mechanisms fill (`rules.registry`), and the words those descriptions use."""

from __future__ import annotations

from ..content import Scenario
from ..rules.registry import FieldSpec, MoveKind
from ..rules.wording import (
    activities,
    agreement_noun,
    agreement_words,
    figure_change,
    kind_words,
    lower_first,
    money,
    names,
    possessive,
    rule_words,
    short,
    signed_money,
    terms_words,
    upper_first,
    words,
)
from ..state import GameState
from ..vocabulary.moves import Move
from .game import move_kinds

__all__ = [
    "FieldSpec",
    "MoveKind",
    "activities",
    "agreement_noun",
    "agreement_words",
    "describe",
    "family_of",
    "fields",
    "figure_change",
    "kind_words",
    "lower_first",
    "money",
    "move_kinds",
    "names",
    "possessive",
    "rule_words",
    "short",
    "signed_money",
    "terms_words",
    "upper_first",
    "words",
]


def describe(state: GameState, scenario: Scenario, move: Move) -> str | None:
    """The kind's own line for this move; None for the engine's turn flow."""
    kind = move_kinds().get(move.name)
    return kind.describe(state, scenario, move) if kind else None


def family_of(move: Move) -> str | None:
    kind = move_kinds().get(move.name)
    return kind.family_of(move) if kind else None


def fields(state: GameState, move: Move) -> list[FieldSpec]:
    kind = move_kinds().get(move.name)
    return kind.fields(state, move) if kind else []
