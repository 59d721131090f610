"""A provider's request for a single lead commissioner: a provider the scenario's [routing] lead routes allow asks
the consortia buying from it, and not yet under one lead for it, to deal with it through one of them. A consortium
answers by offering to lead (`agreements.asked`, a lead-commissioner proposal to the others); unanswered, the
request lapses."""

from __future__ import annotations

from collections.abc import Container, Iterator

from ...content import Scenario
from ...state import GameState, Request, new_id
from ...vocabulary.events import event
from ...vocabulary.moves import AskForLeadCommissioner, Move
from .. import Outcome, name_of, refuse
from ..registry import NOT_AT_ALL, Judge, MoveKind, no_fields
from ..wording import names
from .inbox import open_requests, put_request

KIND = "lead"


def unled_buyers(state: GameState, scenario: Scenario, provider: str) -> tuple[str, ...]:
    """The commissioners of the lead routes' kinds with a signed contract with this provider and no lead
    commissioner for it yet."""
    kind = scenario.roles[provider].kind
    kinds = {k for route in scenario.routing.leads if kind in route.by for k in route.to}
    led = {
        p
        for a in state.agreements.values()
        if a.kind == "lead_commissioner" and a.status == "signed" and a.terms.provider == provider
        for p in a.parties
    }
    buyers = (
        a.commissioner
        for a in state.agreements.values()
        if a.is_contract and a.status == "signed" and a.provider == provider
    )
    return tuple(dict.fromkeys(b for b in buyers if b not in led and scenario.roles[b].kind in kinds))


def check_ask(state: GameState, scenario: Scenario, move: AskForLeadCommissioner):
    kind = scenario.roles[move.actor].kind
    if not any(kind in route.by for route in scenario.routing.leads):
        return refuse("not_a_provider", move, f"{name_of(scenario, move.actor)} has no commissioners to ask.")
    if len(unled_buyers(state, scenario, move.actor)) < 2:
        return refuse("one_commissioner", move, "Fewer than two of the consortia buying from you lack a lead already.")
    if any(r.kind == KIND and r.source == move.actor for r in open_requests(state)):
        return refuse("already_asked", move, "Your request for a lead commissioner is still waiting for an answer.")
    return None


def apply_ask(state: GameState, scenario: Scenario, move: AskForLeadCommissioner, phase: str) -> Outcome:
    rid, state = new_id(state, "R")
    to = unled_buyers(state, scenario, move.actor)
    request = Request(
        id=rid, kind=KIND, source=move.actor, to=to, topic="strategy", about=move.actor, opened=state.month_index
    )
    state = put_request(state, request)
    return state, [
        event(
            state,
            phase,
            "LeadCommissionerAsked",
            (move.actor,),
            (move.actor, *to),
            ("strategy",),
            request=rid,
            by=move.actor,
            to=to,
        )
    ]


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    if kinds is not None and AskForLeadCommissioner.__name__ not in kinds:
        return
    move = AskForLeadCommissioner(actor=role)
    if check_ask(state, scenario, move) is None:
        yield move


def describe_ask(state: GameState, scenario: Scenario, move: AskForLeadCommissioner) -> str:
    return f"Ask {names(scenario, unled_buyers(state, scenario, move.actor))} to deal with you through one lead commissioner"


def bound_ask(judge: Judge) -> float:
    return 1.0 + 2.0 * max(judge.weight("collaborate"), judge.weight("protect_income"))


def score_ask(judge: Judge, move: AskForLeadCommissioner) -> float | None:
    """A provider that works with others or guards its income would rather negotiate once than with each
    consortium: it asks once in the game, at the start of a quarter."""
    if judge.state.month_index % 3 != 1 or any(
        r.kind == KIND and r.source == judge.role for r in judge.state.requests.values()
    ):
        return NOT_AT_ALL
    return bound_ask(judge)


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=AskForLeadCommissioner,
        check=check_ask,
        apply=apply_ask,
        legal=legal,
        family="voice",
        describe=describe_ask,
        fields=no_fields,
        score=score_ask,
        bound=bound_ask,
    ),
)
