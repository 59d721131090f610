"""Events in words: which events a screen tells, and each in the narrative's sentence."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ...content import Scenario
from ...state import GameState
from ...vocabulary.events import Event

QUIET = frozenset(
    {"GameStarted", "MonthStarted", "PhaseStarted", "TurnStarted", "TurnEnded", "ContractPaid", "MonthResolved"}
)


def event_line(scenario: Scenario, e: Event, lookup: Any = None) -> str:
    """One line about one event, in the narrative's words (content/narrative.toml, checked when content loads)."""
    from ...narrative import sentence

    return sentence(scenario, e, lookup)


def lookup(states: Iterable[GameState], events: Iterable[Event]) -> Any:
    """What the narrative needs to name agreements and requests inside events."""
    from ...narrative import Lookup

    return Lookup(tuple(states), tuple(events))


def public(events: Iterable[Event]) -> list[Event]:
    """Events everyone may see: what a shared screen may show."""
    return [e for e in events if not e.audience]


def events_of_turn(scenario: Scenario, events: Iterable[Event], turn: int) -> list[Event]:
    months = {scenario.months.index(m) for m in scenario.turns[turn]}
    return [e for e in events if e.month in months]


def news_of_turn(scenario: Scenario, events: Sequence[Event], turn: int) -> tuple[list[Event], int]:
    """The public cards of a turn, and how many cards went privately to some organisations."""
    cards = [e for e in events_of_turn(scenario, events, turn) if e.kind == "CardPublished"]
    shown = [e for e in cards if not e.audience]
    return shown, len(cards) - len(shown)


def telling(events: Iterable[Event]) -> list[Event]:
    return [e for e in events if e.kind not in QUIET and not (e.kind == "OptionChosen" and e.data.get("defaulted"))]
