"""Requests: asking someone for help, or a body with the power to rule for a ruling on a rule setting, and
answering what was asked."""

from __future__ import annotations

from ...content import Scenario
from ...state import GameState, Request, new_id
from ...vocabulary.catalogue import RULE_SETTINGS
from ...vocabulary.events import event
from ...vocabulary.moves import AnswerRequest, RaiseRequest
from .. import Outcome, name_of, refuse
from .inbox import ANSWERABLE, answer_request, check_addressee, check_topic, first_refusal, open_request, put_request


def check_request(state: GameState, scenario: Scenario, move: RaiseRequest):
    refusal = first_refusal(check_addressee(state, move, move.to), check_topic(move, move.topic))
    if refusal is not None or not move.setting:
        return refusal
    if move.setting not in RULE_SETTINGS:
        return refuse("unknown_setting", move, f'"{move.setting}" is not a rule setting.')
    if "rule" not in scenario.roles[move.to].powers:
        rulers = (
            " or ".join(name_of(scenario, r) for r, x in scenario.roles.items() if "rule" in x.powers)
            or "the facilitator"
        )
        return refuse("cannot_rule", move, f"{name_of(scenario, move.to)} cannot rule on the rules; ask {rulers}.")
    return None


def apply_request(state: GameState, scenario: Scenario, move: RaiseRequest, phase: str) -> Outcome:
    """With a setting, addressed to a body with the power to rule, it asks for a ruling."""
    rid, state = new_id(state, "R")
    state = put_request(
        state,
        Request(
            id=rid,
            kind="request",
            source=move.actor,
            to=(move.to,),
            topic=move.topic,
            text=move.text,
            setting=move.setting,
            opened=state.month_index,
        ),
    )
    return state, [
        event(
            state,
            phase,
            "RequestRaised",
            (move.actor,),
            (move.actor, move.to),
            (move.topic,),
            request=rid,
            by=move.actor,
            to=(move.to,),
            topic=move.topic,
            text=move.text,
            setting=move.setting or None,
            ruling=bool(move.setting),
        )
    ]


def check_answer(state: GameState, scenario: Scenario, move: AnswerRequest):
    _, refusal = open_request(state, scenario, move, move.request, ANSWERABLE)
    return refusal


def apply_answer(state: GameState, scenario: Scenario, move: AnswerRequest, phase: str) -> Outcome:
    return answer_request(state, scenario, phase, move.request, move.actor, move.answer)
