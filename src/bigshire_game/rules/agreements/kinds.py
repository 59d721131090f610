"""The agreement move kinds, each with everything it needs (see `rules.registry`)."""

from __future__ import annotations

from typing import Any

from ...content import Scenario
from ...state import GameState
from ...vocabulary.catalogue import CONTRACT_KINDS
from ...vocabulary.moves import (
    AcceptProposal,
    ChallengeConflict,
    CounterProposal,
    DecideRegistration,
    DecideReview,
    DeclareConflict,
    EndAgreement,
    ProposeAgreement,
    RejectProposal,
    SignAgreement,
    VaryContract,
)
from ..registry import NOT_AT_ALL, Judge, MoveKind, at_most, never, no_fields, terms_fields
from ..wording import activities, agreement_words, kind_words, names, short, terms_words, words
from . import conflicts, contracts, propose, registration, review
from .leanings import bot_proposals, score_answer, score_proposal, score_registration, score_review
from .offers import legal


def _about(state: GameState, scenario: Scenario, move: Any) -> str:
    agreement = state.agreements.get(move.agreement)
    return agreement_words(scenario, agreement, move.actor) if agreement else ""


def describe_propose(state: GameState, scenario: Scenario, move: ProposeAgreement) -> str:
    kind, terms = move.kind, move.terms
    if kind in CONTRACT_KINDS:
        services = f" for {activities(scenario, terms.activities)}" if terms.activities else ""
        behalf = f" on behalf of {short(scenario, move.on_behalf_of)}" if move.on_behalf_of else ""
        if kind == "subcontract":
            return (
                f"Subcontract {terms.share_percent:g}% of your {activities(scenario, terms.activities)} to "
                f"{names(scenario, move.parties)}: {terms_words(scenario, kind, terms)}"
            )
        return f"Offer {names(scenario, move.parties)} a {kind_words(kind)} contract{services}{behalf}: {terms_words(scenario, kind, terms)}"
    what = f"Propose {'an' if kind_words(kind)[0] in 'aeiou' else 'a'} {kind_words(kind)} with {names(scenario, move.parties)}"
    if kind == "lead_commissioner" and terms.provider:
        return f"{what}: you negotiate their contracts with {short(scenario, terms.provider)} ({terms.months} months)"
    if kind == "risk_pool" and terms.shares:
        shares = "/".join(f"{share:g}" for share in terms.shares)
        return f"{what}: year-end surpluses and deficits shared {shares}% ({terms.months} months)"
    return f"{what} ({terms.months} months)"


def describe_counter(state: GameState, scenario: Scenario, move: CounterProposal) -> str:
    agreement = state.agreements.get(move.agreement)
    kind = agreement.kind if agreement else "tariff"
    return f"Counter with new terms: {terms_words(scenario, kind, move.terms)}"


def _saying(verb: str):
    """ "Accept the tariff contract with ...": a verb before the agreement the move is about."""

    def describe(state: GameState, scenario: Scenario, move: Any) -> str:
        return f"{verb} the {_about(state, scenario, move)}"

    return describe


def describe_review(state: GameState, scenario: Scenario, move: DecideReview) -> str:
    return f"Competition review of the {_about(state, scenario, move)}: {words(move.outcome)}"


def describe_registration(state: GameState, scenario: Scenario, move: DecideRegistration) -> str:
    agreement = state.agreements.get(move.agreement)
    members = names(scenario, agreement.parties) if agreement else "the new body"
    kind = kind_words(agreement.kind) if agreement else "integrated body"
    return f"Registration of the {kind} of {members}: {words(move.outcome)}"


def family_of_proposal(move: ProposeAgreement) -> str:
    return "contract" if move.kind in CONTRACT_KINDS else "alliance"


def score_counter(judge: Judge, move: Any) -> float:
    return 2.0 + 2 * judge.settings.caution


def score_declare(judge: Judge, move: Any) -> float:
    return 3.0 + 4 * judge.settings.caution


def score_challenge(judge: Judge, move: Any) -> float | None:
    """Those who speak up or enforce challenge a conflict of interest, unless it is declared: then it is on the
    record and a challenge would fail."""
    agreement = judge.state.agreements.get(move.agreement) if move is not None else None
    if agreement is not None and agreement.declared:
        return NOT_AT_ALL
    return 1.0 + (3.0 if "speak_up" in judge.wants or "enforce" in judge.wants else 0.0)


def _answer_bound(judge: Judge) -> float:
    return 5.0 + 12.5  # keenness lies between -12.5 and +7.5


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=ProposeAgreement,
        check=propose.check_propose,
        apply=propose.apply_propose,
        legal=legal,
        family=family_of_proposal,
        describe=describe_propose,
        fields=terms_fields,
        score=score_proposal,
        bound=at_most(7.5),
        proposes=bot_proposals,
    ),
    MoveKind(
        move=CounterProposal,
        check=contracts.check_counter,
        apply=contracts.apply_counter,
        legal=legal,
        family="inbox",
        describe=describe_counter,
        fields=terms_fields,
        score=score_counter,
        bound=lambda judge: score_counter(judge, None),
    ),
    MoveKind(
        move=AcceptProposal,
        check=contracts.check_answer,
        apply=contracts.apply_accept,
        legal=legal,
        family="inbox",
        describe=_saying("Accept"),
        fields=no_fields,
        score=score_answer,
        bound=_answer_bound,
    ),
    MoveKind(
        move=RejectProposal,
        check=contracts.check_answer,
        apply=contracts.apply_reject,
        legal=legal,
        family="inbox",
        describe=_saying("Reject"),
        fields=no_fields,
        score=score_answer,
        bound=_answer_bound,
    ),
    MoveKind(
        move=SignAgreement,
        check=contracts.check_sign,
        apply=contracts.apply_sign,
        legal=legal,
        family="manage",
        describe=_saying("Sign"),
        fields=no_fields,
        score=lambda judge, move: 10.0,
        bound=at_most(10.0),
        follow_up=True,
    ),
    MoveKind(
        move=VaryContract,
        check=contracts.check_vary,
        apply=contracts.apply_vary,
        legal=legal,
        family="manage",
        describe=_saying("Vary"),
        fields=terms_fields,
        score=never,
        bound=never,
    ),
    MoveKind(
        move=EndAgreement,
        check=contracts.check_end,
        apply=contracts.apply_end,
        legal=legal,
        family="manage",
        describe=_saying("End"),
        fields=no_fields,
        score=never,
        bound=never,
    ),
    MoveKind(
        move=DeclareConflict,
        check=conflicts.check_declare,
        apply=conflicts.apply_declare,
        legal=legal,
        family="manage",
        describe=_saying("Declare your members' interest in"),
        fields=no_fields,
        score=score_declare,
        bound=at_most(7.0),
    ),
    MoveKind(
        move=ChallengeConflict,
        check=conflicts.check_challenge,
        apply=conflicts.apply_challenge,
        legal=legal,
        family="manage",
        describe=_saying("Challenge the undeclared conflict of interest in"),
        fields=no_fields,
        score=score_challenge,
        bound=lambda judge: score_challenge(judge, None),
    ),
    MoveKind(
        move=DecideReview,
        power="review_competition",
        check=review.check_review,
        apply=review.apply_review,
        legal=legal,
        family="regulate",
        describe=describe_review,
        fields=no_fields,
        score=score_review,
        bound=at_most(9.0),
        follow_up=True,
    ),
    MoveKind(
        move=DecideRegistration,
        power=registration.POWER,
        check=registration.check_registration,
        apply=registration.apply_registration,
        legal=registration.legal,
        family="regulate",
        describe=describe_registration,
        fields=no_fields,
        score=score_registration,
        bound=at_most(8.0),
        follow_up=True,
    ),
)
