"""The desk's wording: organisations, their kinds, months and turns, and the words of moves and money shared
with the rules (money by the vocabulary's one formatter), which the engine passes on to front ends."""

from __future__ import annotations

from ...content import Scenario, month_label, turn_label
from ...content.labels import kind_label, span_of
from ...engine.kinds import (
    activities,
    agreement_noun,
    agreement_words,
    figure_change,
    kind_words,
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
from ...state import GameState
from ...vocabulary.words import month_at

__all__ = [
    "activities",
    "agreement_noun",
    "agreement_words",
    "figure_change",
    "kind_of",
    "kind_words",
    "money",
    "month_of",
    "names",
    "possessive",
    "rule_words",
    "short",
    "signed_money",
    "terms_words",
    "upper_first",
    "when",
    "words",
]


def kind_of(scenario: Scenario, rid: str) -> str:
    return kind_label(scenario, scenario.roles[rid].kind)


def month_of(scenario: Scenario, index: int) -> str:
    return month_label(month_at(scenario.months, index))


def when(scenario: Scenario, state: GameState) -> str:
    """ "June 2013 · Providers" for the header."""
    months = scenario.turns[min(state.turn, len(scenario.turns) - 1)]
    if state.finished:
        return f"{turn_label(months)} · {span_of(scenario).name} is over"
    phase = scenario.info.phases[state.phase]
    return f"{turn_label(months)} · {phase.title}"
