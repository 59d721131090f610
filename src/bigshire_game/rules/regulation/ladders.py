"""The ladders regulators climb, the month-end triggers that put organisations on their agendas, and the
powers regulators act by. A trigger only puts an item on an agenda; only a regulator's move climbs a ladder."""

from __future__ import annotations

from collections.abc import Iterator

from ...content import Scenario
from ...content.model import Condition, Ladder
from ...state import GameState, ladder_key
from ...vocabulary.events import Event
from ...vocabulary.moves import Move
from .. import Outcome
from ..agenda import add_agenda_item
from ..conditions import holds


def regulator_of(scenario: Scenario, ladder: Ladder) -> str | None:
    return next(iter(scenario.roles_of_kind(ladder.regulator)), None)


def level(state: GameState, ladder: str, subject: str) -> int:
    """The step reached on a ladder, 0 for none."""
    return state.ladders.get(ladder_key(ladder, subject), 0)


def licence_revoked(state: GameState, scenario: Scenario, rid: str) -> bool:
    """True once a provider has reached the top of a Monitor ladder: it may no longer provide NHS care."""
    return any(x.regulator == "monitor" and level(state, x.id, rid) >= len(x.steps) for x in scenario.ladders.values())


def _metrics(cond: Condition) -> Iterator[str]:
    if cond.metric:
        yield cond.metric
    for inner in (cond.all_of or ()) + (cond.any_of or ()) + (cond.none_of or ()):
        yield from _metrics(inner)


def watches_quality(ladder: Ladder) -> bool:
    """A ladder for the quality of care (its triggers test quality), rather than for money."""
    return any("quality" in _metrics(trigger.condition) for trigger in ladder.triggers)


def triggered(state: GameState, scenario: Scenario, ladder: Ladder, subject: str) -> bool:
    """Whether any of the ladder's triggers holds for this organisation now."""
    return any(holds(state, scenario, trigger.condition, subject) for trigger in ladder.triggers)


def check_triggers(state: GameState, scenario: Scenario, phase: str) -> Outcome:
    """Month end: each organisation a ladder watches goes on its regulator's agenda when a trigger holds."""
    events: list[Event] = []
    for ladder in scenario.ladders.values():
        regulator = regulator_of(scenario, ladder)
        if regulator is None:
            continue
        for subject in scenario.roles_of_kind(*ladder.applies_to):
            for trigger in ladder.triggers:
                if holds(state, scenario, trigger.condition, subject):
                    topics = ("quality",) if "quality" in _metrics(trigger.condition) else ("money",)
                    state, more = add_agenda_item(
                        state, phase, "trigger", regulator, subject, trigger.title, ladder.id, topics, once=True
                    )
                    events += more
    return state, events


def has_power(scenario: Scenario, move: Move, power: str) -> bool:
    """True when the mover's role holds this power (inspect, assess_plan, rule...)."""
    return move.actor in scenario.roles and power in scenario.roles[move.actor].powers
