"""Answering a provider's request for a single lead commissioner (`dialogue.leads`): a consortium asked offers to
lead for the other consortia asked, which is a lead-commissioner proposal to them for that provider, and the
request is answered. Whether the arrangement forms is up to the others, as with any proposal."""

from __future__ import annotations

from collections.abc import Container, Iterator

from ...content import Scenario
from ...state import GameState, Terms, pair_key
from ...vocabulary.moves import Move, OfferToLead, ProposeAgreement
from .. import Outcome, dialogue, refuse
from ..registry import NOT_AT_ALL, Judge, MoveKind, no_fields
from ..wording import names, possessive, short
from .lead import arrangement_for
from .propose import apply_propose, check_propose

KIND = "lead"
MONTHS = 12  # how long an arrangement offered in answer runs, as the bots' own offers do


def proposal(state: GameState, request_to: tuple[str, ...], provider: str, actor: str) -> ProposeAgreement:
    """The lead-commissioner proposal that answers: to the others asked not already in an arrangement for it."""
    others = tuple(
        r for r in request_to if r != actor and arrangement_for(state, (r,), "lead_commissioner", provider) is None
    )
    return ProposeAgreement(
        actor=actor, kind="lead_commissioner", parties=others, terms=Terms(months=MONTHS, provider=provider)
    )


def check_offer(state: GameState, scenario: Scenario, move: OfferToLead):
    request, refusal = dialogue.open_request(state, scenario, move, move.request, (KIND,))
    if refusal is not None:
        return refusal
    offer = proposal(state, request.to, request.about, move.actor)
    if not offer.parties:
        return refuse("nobody_to_lead", move, "Every other consortium asked already has a lead for this provider.")
    return check_propose(state, scenario, offer)


def apply_offer(state: GameState, scenario: Scenario, move: OfferToLead, phase: str) -> Outcome:
    request = state.requests[move.request]
    state, events = apply_propose(state, scenario, proposal(state, request.to, request.about, move.actor), phase)
    state, more = dialogue.answer_request(state, scenario, phase, request.id, move.actor, "offered to lead")
    return state, events + more


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    if kinds is not None and OfferToLead.__name__ not in kinds:
        return
    for request in dialogue.open_requests(state):
        if request.kind == KIND and role in request.to:
            move = OfferToLead(actor=role, request=request.id)
            if check_offer(state, scenario, move) is None:
                yield move


def describe_offer(state: GameState, scenario: Scenario, move: OfferToLead) -> str:
    request = state.requests.get(move.request)
    if request is None:
        return "Offer to lead"
    others = [r for r in request.to if r != move.actor]
    return f"Offer to lead for {names(scenario, others)} in {possessive(short(scenario, request.about))} contracts"


def bound_offer(judge: Judge) -> float:
    return 1.0 + 3.0 * judge.weight("collaborate") * judge.settings.cooperation


def score_offer(judge: Judge, move: OfferToLead) -> float | None:
    """A cooperative consortium that works with others takes the lead, one arrangement at a time, less readily
    for a provider it distrusts."""
    request = judge.state.requests.get(move.request)
    statuses = ("proposed", "agreed", "signed")
    if request is None or arrangement_for(judge.state, (judge.role,), "lead_commissioner", statuses=statuses):
        return NOT_AT_ALL
    trusted = judge.state.trust.get(pair_key(judge.role, request.about), 50) >= judge.settings.attend_trust
    return bound_offer(judge) - (0.0 if trusted else 1.0)


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=OfferToLead,
        check=check_offer,
        apply=apply_offer,
        legal=legal,
        family="inbox",
        describe=describe_offer,
        fields=no_fields,
        score=score_offer,
        bound=bound_offer,
        follow_up=True,
    ),
)
