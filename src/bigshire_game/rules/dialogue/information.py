"""Information requests: any organisation may ask another, by the scenario's [routing] information routes, to
share what it knows on a topic. The one asked answers (sharing builds trust, as any answer does) or ignores
it, and the request lapses."""

from __future__ import annotations

from collections.abc import Container, Iterator
from functools import cache

from ...content import Scenario
from ...state import GameState, Request, new_id, pair_key
from ...vocabulary.events import event
from ...vocabulary.moves import AskForInformation, Move
from .. import Outcome
from ..registry import NOT_AT_ALL, Judge, MoveKind, plain_fields
from ..wording import short, words
from .inbox import check_addressee, check_topic, first_refusal, open_requests, put_request

KIND = "information"


def check_information(state: GameState, scenario: Scenario, move: AskForInformation):
    return first_refusal(check_addressee(state, move, move.to), check_topic(move, move.topic))


def apply_information(state: GameState, scenario: Scenario, move: AskForInformation, phase: str) -> Outcome:
    rid, state = new_id(state, "R")
    request = Request(
        id=rid,
        kind=KIND,
        source=move.actor,
        to=(move.to,),
        topic=move.topic,
        text=move.text,
        opened=state.month_index,
    )
    state = put_request(state, request)
    return state, [
        event(
            state,
            phase,
            "InformationRequested",
            (move.actor,),
            (move.actor, move.to),
            (move.topic,),
            request=rid,
            by=move.actor,
            to=(move.to,),
            topic=move.topic,
            text=move.text,
        )
    ]


@cache
def _routes(scenario: Scenario, role: str) -> tuple[tuple[str, str], ...]:
    """(addressee, topic) for every organisation this one may ask for information by the scenario's [routing]."""
    kind = scenario.roles[role].kind
    found = (
        (rid, route.topic)
        for route in scenario.routing.information
        if not route.by or kind in route.by
        for rid, other in scenario.roles.items()
        if rid != role and (not route.to or other.kind in route.to)
    )
    return tuple(dict.fromkeys(found))


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    """A request for information to every organisation the routes allow, but not twice while one is open."""
    if kinds is not None and AskForInformation.__name__ not in kinds:
        return
    waiting = {(r.to, r.topic) for r in open_requests(state) if r.kind == KIND and r.source == role}
    for to, topic in _routes(scenario, role):
        if ((to,), topic) not in waiting:
            yield AskForInformation(actor=role, to=to, topic=topic)


def describe_information(state: GameState, scenario: Scenario, move: AskForInformation) -> str:
    return f"Ask {short(scenario, move.to)} to share what it knows about {words(move.topic)}"


def bound_information(judge: Judge) -> float:
    """Collaborators ask, once a quarter."""
    return (1.0 + 2.5 * judge.weight("collaborate")) * (1.0 if judge.state.month_index % 4 == 1 else 0.5)


def score_information(judge: Judge, move: AskForInformation) -> float | None:
    """One request at a time, to an organisation it trusts less than it did at first: the answer would mend it."""
    mine = any(r.kind == KIND and r.source == judge.role for r in open_requests(judge.state))
    if mine or judge.state.trust.get(pair_key(judge.role, move.to), 50) >= judge.settings.attend_trust + 5:
        return NOT_AT_ALL
    return bound_information(judge)


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=AskForInformation,
        check=check_information,
        apply=apply_information,
        legal=legal,
        family="voice",
        describe=describe_information,
        fields=plain_fields(("text", "What you want to know (optional)", str)),
        score=score_information,
        bound=bound_information,
    ),
)
