"""Commitments: an organisation asks others, by the scenario's [routing] commitment routes, to commit to one of
its priorities (the wellbeing board asks consortia to commit to prevention). Each answers yes or no, or lets the
request lapse. A commitment is kept in the committed organisation's state: it shares the asker's needs
assessment, which its financial plan may reflect (`plans.credibility`)."""

from __future__ import annotations

from collections.abc import Container, Iterator
from functools import cache

from ...content import Scenario
from ...state import GameState, Request, evolve, new_id, pair_key, replace_org
from ...vocabulary.catalogue import BOT_PRIORITIES
from ...vocabulary.causes import Cause
from ...vocabulary.events import event
from ...vocabulary.moves import AnswerCommitment, AskForCommitment, Move
from .. import Outcome, refuse
from ..effects import change_trust
from ..registry import Judge, MoveKind, at_most, no_fields, plain_fields
from ..wording import names, possessive, short, words
from .inbox import check_addressee, open_request, open_requests, put_request

KIND = "commitment"


def check_ask(state: GameState, scenario: Scenario, move: AskForCommitment):
    if not move.to:
        return refuse("no_addressees", move, "Ask at least one organisation to commit.")
    if len(set(move.to)) != len(move.to):
        return refuse("asked_twice", move, "Each organisation is asked once.")
    for to in move.to:
        refusal = check_addressee(state, move, to)
        if refusal is not None:
            return refusal
    if move.priority not in BOT_PRIORITIES:
        return refuse(
            "unknown_priority", move, f'"{move.priority}" is not a priority; choose one of {", ".join(BOT_PRIORITIES)}.'
        )
    return None


def apply_ask(state: GameState, scenario: Scenario, move: AskForCommitment, phase: str) -> Outcome:
    rid, state = new_id(state, "R")
    request = Request(
        id=rid,
        kind=KIND,
        source=move.actor,
        to=move.to,
        topic="strategy",
        about=move.priority,
        text=move.text,
        opened=state.month_index,
    )
    state = put_request(state, request)
    return state, [
        event(
            state,
            phase,
            "CommitmentAsked",
            (move.actor,),
            (move.actor, *move.to),
            ("strategy",),
            request=rid,
            by=move.actor,
            to=move.to,
            priority=move.priority,
            text=move.text,
        )
    ]


def check_answer(state: GameState, scenario: Scenario, move: AnswerCommitment):
    request, refusal = open_request(state, scenario, move, move.request, (KIND,))
    if refusal is None and move.actor in request.attending + request.declined:
        return refuse("already_answered", move, "You have already given your answer.")
    return refusal


def apply_answer(state: GameState, scenario: Scenario, move: AnswerCommitment, phase: str) -> Outcome:
    """A commitment is recorded and builds trust with the asker; the request closes once everyone has answered."""
    request = state.requests[move.request]
    attending = request.attending + ((move.actor,) if move.commit else ())
    declined = request.declined + (() if move.commit else (move.actor,))
    done = set(attending) | set(declined) >= set(request.to)
    request = evolve(request, attending=attending, declined=declined, status="answered" if done else "open")
    state = put_request(state, request)
    events = [
        event(
            state,
            phase,
            "RequestAnswered",
            (move.actor,),
            (request.source, move.actor),
            (request.topic,),
            request=request.id,
            kind=KIND,
            answered=True,
            committed=move.commit,
        )
    ]
    if move.commit:
        org = state.orgs[move.actor]
        if request.source not in org.committed_to:
            state = replace_org(state, evolve(org, committed_to=(*org.committed_to, request.source)))
        state, more = change_trust(
            state, scenario, move.actor, request.source, scenario.balance.answer_trust, phase, Cause.answer(request.id)
        )
        events += more
    return state, events


@cache
def _routes(scenario: Scenario, role: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """(organisations, priority) for every commitment this organisation may ask for by the scenario's [routing]."""
    kind = scenario.roles[role].kind
    found = (
        (tuple(r for r in scenario.roles_of_kind(*route.to) if r != role), route.priority)
        for route in scenario.routing.commitments
        if kind in route.by
    )
    return tuple((to, priority) for to, priority in found if to)


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    """Asking those who have neither committed nor said no, and are not asked already; answering what waits."""
    waiting = open_requests(state)
    if kinds is None or AskForCommitment.__name__ in kinds:
        mine = [r for r in state.requests.values() if r.kind == KIND and r.source == role]
        asked = {(to, r.about) for r in mine if r.status == "open" for to in r.to}
        refused = {(to, r.about) for r in mine for to in r.declined}
        for to, priority in _routes(scenario, role):
            fresh = tuple(
                r for r in to if role not in state.orgs[r].committed_to and (r, priority) not in asked | refused
            )
            if fresh:
                yield AskForCommitment(actor=role, to=fresh, priority=priority)
    if kinds is None or AnswerCommitment.__name__ in kinds:
        for request in waiting:
            if request.kind == KIND and role in request.to and role not in request.attending + request.declined:
                yield AnswerCommitment(actor=role, request=request.id, commit=True)
                yield AnswerCommitment(actor=role, request=request.id, commit=False)


def describe_ask(state: GameState, scenario: Scenario, move: AskForCommitment) -> str:
    return f"Ask {names(scenario, move.to)} to commit to your priority: {words(move.priority)}"


def describe_answer(state: GameState, scenario: Scenario, move: AnswerCommitment) -> str:
    request = state.requests.get(move.request)
    asker = possessive(short(scenario, request.source)) if request else "the"
    priority = words(request.about) if request else "its priority"
    return f"{'Commit' if move.commit else 'Decline to commit'} to {asker} priority: {priority}"


def bound_ask(judge: Judge) -> float:
    """An organisation asks for commitment to what it cares about."""
    routes = _routes(judge.scenario, judge.role)
    return 1.0 + 3.5 * max((judge.weight(p) for _, p in routes), default=0.0)


def score_ask(judge: Judge, move: AskForCommitment) -> float:
    return 1.0 + 3.5 * judge.weight(move.priority)


def score_answer(judge: Judge, move: AnswerCommitment) -> float:
    """An organisation commits to a priority it holds itself, or, if it is very cooperative, to one asked by an
    organisation it trusts; the rest decline."""
    request = judge.state.requests.get(move.request)
    if request is None:
        return 0.0
    trusted = judge.state.trust.get(pair_key(judge.role, request.source), 50) >= judge.settings.attend_trust
    willing = judge.weight(request.about) > 0 or (judge.settings.cooperation >= 0.7 and trusted)
    return 5.0 if move.commit == willing else 1.0


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=AskForCommitment,
        check=check_ask,
        apply=apply_ask,
        legal=legal,
        family="voice",
        describe=describe_ask,
        fields=plain_fields(("text", "What you ask of them (optional)", str)),
        score=score_ask,
        bound=bound_ask,
    ),
    MoveKind(
        move=AnswerCommitment,
        check=check_answer,
        apply=apply_answer,
        legal=legal,
        family="inbox",
        describe=describe_answer,
        fields=no_fields,
        score=score_answer,
        bound=at_most(5.0),
        follow_up=True,
    ),
)
