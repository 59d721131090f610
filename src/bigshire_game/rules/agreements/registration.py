"""Registering a new integrated body: when care providers form an integrated care organisation or merge, the
holder of the inspection power (the CQC) is asked whether the new body may treat patients as one organisation,
and decides: registered, registered on conditions, or refused, in which case the body cannot operate and the
alliance ends."""

from __future__ import annotations

from collections.abc import Container, Iterator

from ...content import Scenario
from ...state import Agreement, GameState, evolve
from ...vocabulary.catalogue import CARE_PROVIDER_KINDS
from ...vocabulary.events import Event, event
from ...vocabulary.moves import DecideRegistration, Move
from .. import Outcome, refuse
from ..agenda import add_agenda_item, close_question
from .terms import NEW_BODIES, put, with_trust

REGISTRATION_OUTCOMES = ("registered", "registered_with_conditions", "refused")
CONDITIONS = "quality reported to the Commission every month, and no service closed without notice"
POWER = "inspect"


def registrar(scenario: Scenario) -> str | None:
    """The organisation that registers providers: the first holder of the inspection power, if any."""
    return next((rid for rid, role in scenario.roles.items() if POWER in role.powers), None)


def needs_registration(scenario: Scenario, agreement: Agreement) -> bool:
    """A new body that would provide care: an integrated care organisation, or care providers merging."""
    return agreement.kind in NEW_BODIES and all(
        scenario.roles[p].kind in CARE_PROVIDER_KINDS for p in agreement.parties
    )


def raise_question(state: GameState, scenario: Scenario, agreement: Agreement, phase: str) -> Outcome:
    """The new body formed: the registrar is asked whether it must register before it treats patients."""
    cqc = registrar(scenario)
    if cqc is None or not needs_registration(scenario, agreement):
        return state, []
    agreement = evolve(agreement, registration="pending")
    state = put(state, agreement)
    events: list[Event] = [
        event(
            state,
            phase,
            "RegistrationQuestionRaised",
            (cqc, *agreement.parties),
            topics=("quality", "governance"),
            agreement=agreement.id,
            kind=agreement.kind,
        )
    ]
    noun = scenario.narrative.agreements.get(agreement.kind, agreement.kind.replace("_", " "))
    state, more = add_agenda_item(
        state, phase, "registration", cqc, agreement.proposer, f"Registration of the new {noun}", topics=("quality",),
        audience=(cqc, *agreement.parties), agreement=agreement.id,
    )  # fmt: skip
    return state, events + more


def pending(state: GameState) -> Iterator[Agreement]:
    """New bodies in force waiting for the registrar's decision."""
    return (a for a in state.agreements.values() if a.registration == "pending" and a.status == "signed")


def weakest(state: GameState, agreement: Agreement) -> int:
    """The lowest quality among the members: what a registrar looks at first."""
    return min(state.orgs[p].quality for p in agreement.parties)


def check_registration(state: GameState, scenario: Scenario, move: DecideRegistration):
    if POWER not in scenario.roles[move.actor].powers:
        return refuse("no_power", move, "Only the Care Quality Commission registers providers.")
    agreement = state.agreements.get(move.agreement)
    if agreement is None or agreement.registration != "pending" or agreement.status != "signed":
        return refuse("not_pending", move, "That organisation is not waiting to be registered.")
    if move.outcome not in REGISTRATION_OUTCOMES:
        return refuse("bad_outcome", move, "A registration ends in registered, registered with conditions, or refused.")
    return None


def apply_registration(state: GameState, scenario: Scenario, move: DecideRegistration, phase: str) -> Outcome:
    agreement = state.agreements[move.agreement]
    state = close_question(state, agreement.id, move.actor)
    refused = move.outcome == "refused"
    conditions = CONDITIONS if move.outcome == "registered_with_conditions" else ""
    if refused:
        agreement = evolve(agreement, registration="refused", status="ended", ends=state.month_index)
    else:
        agreement = evolve(agreement, registration=move.outcome)
    state = put(state, agreement)
    decided = event(
        state,
        phase,
        "RegistrationDecided",
        (move.actor, *agreement.parties),
        topics=("quality", "governance"),
        agreement=agreement.id,
        kind=agreement.kind,
        outcome=move.outcome,
        quality=weakest(state, agreement),
        conditions=conditions or None,
    )
    amount = -4 if refused else 2  # the members built it together: a refusal costs the regulator their trust
    return with_trust((state, [decided]), scenario, phase, [(move.actor, m, amount) for m in agreement.parties])


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    """The registrar's three answers to each new body waiting for it."""
    if POWER not in scenario.roles[role].powers or (kinds is not None and "DecideRegistration" not in kinds):
        return
    for agreement in pending(state):
        for outcome in REGISTRATION_OUTCOMES:
            yield DecideRegistration(actor=role, agreement=agreement.id, outcome=outcome)
