"""Questions about rules: any organisation may ask a regulator about any rule, in words, not only for a ruling on
one of the fixed rule settings (`requests`). The regulator answers in words, or leaves it unanswered and the
question lapses."""

from __future__ import annotations

from collections.abc import Container, Iterator
from functools import cache

from ...content import Scenario
from ...state import GameState, Request, new_id
from ...vocabulary.catalogue import REGULATOR_KINDS
from ...vocabulary.events import event
from ...vocabulary.moves import AskAboutRule, Move
from .. import Outcome, name_of, refuse
from ..registry import NOT_AT_ALL, Judge, MoveKind, plain_fields
from ..wording import short
from .inbox import check_addressee, check_topic, first_refusal, open_requests, put_request

KIND = "question"


def check_question(state: GameState, scenario: Scenario, move: AskAboutRule):
    refusal = first_refusal(check_addressee(state, move, move.to), check_topic(move, move.topic))
    if refusal is not None:
        return refusal
    if state.orgs[move.to].kind not in REGULATOR_KINDS:
        regulators = " or ".join(name_of(scenario, r) for r in scenario.roles_of_kind(*REGULATOR_KINDS))
        return refuse("not_a_regulator", move, f"{name_of(scenario, move.to)} makes no rules; ask {regulators}.")
    if not move.rule.strip():
        return refuse("no_question", move, "Say what you want to know about the rule.")
    return None


def apply_question(state: GameState, scenario: Scenario, move: AskAboutRule, phase: str) -> Outcome:
    rid, state = new_id(state, "R")
    rule = move.rule.strip()
    request = Request(
        id=rid, kind=KIND, source=move.actor, to=(move.to,), topic=move.topic, text=rule, opened=state.month_index
    )
    state = put_request(state, request)
    return state, [
        event(
            state,
            phase,
            "QuestionAsked",
            (move.actor,),
            (move.actor, move.to),
            (move.topic,),
            request=rid,
            by=move.actor,
            to=(move.to,),
            topic=move.topic,
            rule=rule,
        )
    ]


@cache
def _routes(scenario: Scenario, role: str) -> tuple[tuple[str, str, str], ...]:
    """(regulator, topic, question) for every question the scenario's [routing] offers this organisation."""
    kind = scenario.roles[role].kind
    found = (
        (scenario.first_addressee(r.to, r.to_power), r.topic, r.rule)
        for r in scenario.routing.questions
        if not r.by or kind in r.by
    )
    return tuple((to, topic, rule) for to, topic, rule in found if to and to != role)


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    """The questions the routes offer, each while it is not already waiting for an answer."""
    if kinds is not None and AskAboutRule.__name__ not in kinds:
        return
    waiting = {(r.to, r.text) for r in open_requests(state) if r.kind == KIND and r.source == role}
    for to, topic, rule in _routes(scenario, role):
        if ((to,), rule) not in waiting:
            yield AskAboutRule(actor=role, to=to, topic=topic, rule=rule)


def describe_question(state: GameState, scenario: Scenario, move: AskAboutRule) -> str:
    return f"Ask {short(scenario, move.to)} about a rule: {move.rule}"


def bound_question(judge: Judge) -> float:
    return 1.0 + 2.5 * judge.weight("look_to_centre")


def score_question(judge: Judge, move: AskAboutRule) -> float | None:
    """Those who look to the centre ask, and a question someone has asked already is not asked again."""
    if any(r.kind == KIND and r.text == move.rule for r in judge.state.requests.values()):
        return NOT_AT_ALL
    return bound_question(judge)


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=AskAboutRule,
        check=check_question,
        apply=apply_question,
        legal=legal,
        family="voice",
        describe=describe_question,
        fields=plain_fields(("rule", "Your question about the rule", str)),
        score=score_question,
        bound=bound_question,
    ),
)
