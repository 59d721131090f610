"""Conflicts of interest: a consortium buying from a company its own members own must declare it;
anyone outside the contract may challenge it, and an undeclared conflict ends the contract."""

from __future__ import annotations

from ...content import Scenario
from ...state import GameState, evolve
from ...vocabulary.events import Event, event
from ...vocabulary.moves import ChallengeConflict, DeclareConflict
from .. import Outcome, name_of, refuse
from ..agenda import add_agenda_item
from .terms import put, with_trust


def check_declare(state: GameState, scenario: Scenario, move: DeclareConflict):
    agreement = state.agreements.get(move.agreement)
    if agreement is None or not agreement.conflict or agreement.commissioner != move.actor:
        return refuse("no_conflict", move, "You have no conflict of interest to declare on that agreement.")
    if agreement.declared:
        return refuse("already_declared", move, "You have already declared this conflict of interest.")
    return None


def apply_declare(state: GameState, scenario: Scenario, move: DeclareConflict, phase: str) -> Outcome:
    agreement = evolve(state.agreements[move.agreement], declared=True)
    state = put(state, agreement)
    return state, [
        event(
            state,
            phase,
            "ConflictDeclared",
            (move.actor,),
            topics=("governance",),
            agreement=agreement.id,
            provider=agreement.provider,
        )
    ]


def check_challenge(state: GameState, scenario: Scenario, move: ChallengeConflict):
    agreement = state.agreements.get(move.agreement)
    if agreement is None or not agreement.conflict or agreement.status not in ("signed", "agreed", "proposed"):
        return refuse("no_conflict", move, "There is no conflict of interest on that agreement to challenge.")
    if move.actor in agreement.parties:
        return refuse("own_agreement", move, "You cannot challenge an agreement you are party to.")
    return None


def apply_challenge(state: GameState, scenario: Scenario, move: ChallengeConflict, phase: str) -> Outcome:
    agreement = state.agreements[move.agreement]
    commissioner = agreement.commissioner
    upheld = not agreement.declared
    events: list[Event] = []
    if upheld:
        status = "ended" if agreement.status == "signed" else "rejected"
        ends = state.month_index  # a contract that had not yet begun ends before it started: never in force
        agreement = evolve(agreement, status=status, starts=min(agreement.starts, ends), ends=ends, awaiting=())
        state = put(state, agreement)
        reason = (
            f"Undeclared conflict of interest: {name_of(scenario, commissioner)} "
            f"and {name_of(scenario, agreement.provider)}"
        )
        for regulator in scenario.addressees(power="assess_plan"):  # the bodies that hold organisations to account
            state, more = add_agenda_item(
                state, phase, "conflict", regulator, commissioner, reason, topics=("governance",)
            )
            events += more
    events.insert(
        0,
        event(
            state,
            phase,
            "ConflictChallenged",
            (move.actor, commissioner),
            topics=("governance",),
            agreement=agreement.id,
            upheld=upheld,
            declared=agreement.declared,
        ),
    )
    return with_trust((state, events), scenario, phase, [(move.actor, commissioner, -10 if upheld else -3)])
