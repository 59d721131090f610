"""Rulings on the rules of the game, by a regulator with the power or the facilitator, and a regulator's
dismissal of an item on its agenda."""

from __future__ import annotations

from ...content import Scenario, month_label
from ...content.model import Effect
from ...state import FACILITATOR, GameState, evolve
from ...vocabulary.catalogue import RULE_SETTINGS
from ...vocabulary.causes import Cause
from ...vocabulary.events import event
from ...vocabulary.moves import DismissAgendaItem, MakeRuling
from ...vocabulary.words import example_month
from .. import Outcome, dialogue, name_of, refuse
from ..effects import apply_effects
from .ladders import has_power


def _words(setting: str) -> str:
    return setting.replace("_", " ")


def ruling_value(scenario: Scenario, setting: str, value: object) -> bool | int | float | str | None:
    """The value as the setting stores it, or None if of the wrong type (deadlines are months of the game)."""
    kind = RULE_SETTINGS[setting]
    if kind is bool:
        return value if isinstance(value, bool) else None
    if isinstance(value, bool):
        return None
    if kind is float and isinstance(value, int | float):
        return float(value)
    if kind is int:
        return value if isinstance(value, int) else None
    return value if isinstance(value, str) and value in scenario.months else None


def check_ruling(state: GameState, scenario: Scenario, move: MakeRuling):
    if move.actor != FACILITATOR and not has_power(scenario, move, "rule"):
        rulers = (
            " or ".join(name_of(scenario, r) for r, x in scenario.roles.items() if "rule" in x.powers)
            or "the facilitator"
        )
        return refuse("no_power", move, f"Only {rulers} can make rulings on the rules.")
    if move.setting not in RULE_SETTINGS:
        return refuse("unknown_setting", move, f'"{move.setting}" is not a rule setting.')
    if ruling_value(scenario, move.setting, move.value) is None:
        wanted = {
            bool: "yes or no",
            int: "a whole number",
            float: "a number",
            str: f"a month of the game, e.g. {example_month(scenario.months)}",
        }
        return refuse(
            "bad_value",
            move,
            f"{_words(move.setting).capitalize()} must be {wanted[RULE_SETTINGS[move.setting]]}.",
        )
    if move.request:
        request = state.requests.get(move.request)
        if request is None or request.kind != "request" or (move.actor != FACILITATOR and move.actor not in request.to):
            return refuse("unknown_request", move, "There is no such request for a ruling addressed to you.")
        if request.status != "open":
            return refuse("request_closed", move, "That request has already been answered or has lapsed.")
        if request.setting and request.setting != move.setting:
            return refuse(
                "other_setting",
                move,
                f"That request asks about {_words(request.setting)}, not {_words(move.setting)}.",
            )
    return None


def apply_ruling(state: GameState, scenario: Scenario, move: MakeRuling, phase: str) -> Outcome:
    """The rule changes at once; a request it settles is answered."""
    value = ruling_value(scenario, move.setting, move.value)
    previous = state.rules.value(move.setting)
    rule = Effect(kind="rule", setting=move.setting, value=value)
    state, changed = apply_effects(state, scenario, (rule,), None, (), phase, Cause.ruling(move.actor))
    events = [
        event(
            state,
            phase,
            "RulingMade",
            (move.actor,),
            topics=changed[0].topics,
            setting=move.setting,
            value=value,
            previous=previous,
            request=move.request or None,
        ),
        *changed,
    ]
    if move.request:
        shown = month_label(value) if isinstance(value, str) else value
        state, more = dialogue.answer_request(
            state,
            scenario,
            phase,
            move.request,
            move.actor,
            f"Ruled: {_words(move.setting)} = {shown}",
        )
        events += more
    return state, events


def check_dismiss(state: GameState, scenario: Scenario, move: DismissAgendaItem):
    item = state.agendas.get(move.item)
    if item is None or item.regulator != move.actor:
        return refuse("not_your_item", move, "That item is not on your agenda.")
    if item.status != "open":
        return refuse("item_closed", move, "That item has already been dealt with.")
    return None


def apply_dismiss(state: GameState, scenario: Scenario, move: DismissAgendaItem, phase: str) -> Outcome:
    """The item stays on the agenda, set aside; the organisation it is about is told."""
    item = evolve(state.agendas[move.item], status="dismissed")
    state = evolve(state, agendas={**state.agendas, item.id: item})
    return state, [
        event(
            state,
            phase,
            "AgendaItemDismissed",
            (move.actor,),
            (move.actor, item.subject),
            ("governance",),
            item=item.id,
            kind=item.kind,
            by=move.actor,
            subject=item.subject,
            ladder=item.ladder,
            reason=item.reason,
        )
    ]
