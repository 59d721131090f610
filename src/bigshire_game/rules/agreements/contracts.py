"""Contracts and alliances after their proposal (`propose`): counter, accept or reject, sign, vary and end;
and at each month's end, proposals that lapse, agreements that expire and contracts rolled over at the deadline."""

from __future__ import annotations

from ...content import Scenario
from ...state import Agreement, GameState, evolve
from ...vocabulary.events import Event, event
from ...vocabulary.moves import (
    AcceptProposal,
    CounterProposal,
    EndAgreement,
    Move,
    RejectProposal,
    SignAgreement,
    VaryContract,
)
from .. import Outcome, name_of, refuse
from ..agenda import add_agenda_item, overseers
from .lead import arrangement_for, others_to_answer, told
from .propose import already_arranged
from .review import sign_alliance
from .terms import OPEN, check_terms, pairs, put, with_trust

# --- answer -------------------------------------------------------------------------------


def _awaiting(state: GameState, move: Move, agreement_id: str):
    agreement = state.agreements.get(agreement_id)
    if agreement is None:
        return None, refuse("unknown_agreement", move, "There is no such proposal.")
    if move.actor not in agreement.awaiting:
        return None, refuse("not_awaiting", move, "This proposal is not waiting for your answer.")
    return agreement, None


def check_counter(state: GameState, scenario: Scenario, move: CounterProposal):
    agreement, refusal = _awaiting(state, move, move.agreement)
    if refusal:
        return refusal
    if agreement.status != "proposed":
        return refuse("not_open", move, "Only an open proposal can be countered.")
    return check_terms(state, scenario, move, agreement.kind, agreement.parties, move.terms)


def apply_counter(state: GameState, scenario: Scenario, move: CounterProposal, phase: str) -> Outcome:
    agreement = state.agreements[move.agreement]
    agreement = evolve(
        agreement,
        terms=move.terms,
        awaiting=others_to_answer(state, agreement, move.actor),
        proposed_month=state.month_index,
    )
    state = put(state, agreement)
    return state, [
        event(
            state,
            phase,
            "AgreementCountered",
            (move.actor,),
            told(agreement),
            ("money",),
            agreement=agreement.id,
            kind=agreement.kind,
            annual_value=move.terms.annual_value,
            price_percent=move.terms.price_percent,
            share_percent=move.terms.share_percent,
        )
    ]


def check_answer(state: GameState, scenario: Scenario, move: AcceptProposal | RejectProposal):
    _, refusal = _awaiting(state, move, move.agreement)
    return refusal


def apply_accept(state: GameState, scenario: Scenario, move: AcceptProposal, phase: str) -> Outcome:
    agreement = state.agreements[move.agreement]
    seen = told(agreement)
    awaiting = tuple(p for p in agreement.awaiting if p != move.actor)
    if agreement.variation is not None:
        agreement = evolve(agreement, terms=agreement.variation, variation=None, awaiting=())
        state = put(state, agreement)
        return state, [
            event(
                state,
                phase,
                "ContractVaried",
                agreement.parties,
                topics=("money",),
                agreement=agreement.id,
                annual_value=agreement.terms.annual_value,
                price_percent=agreement.terms.price_percent,
            )
        ]
    agreement = evolve(agreement, awaiting=awaiting, status="agreed" if not awaiting else agreement.status)
    state = put(state, agreement)
    return with_trust(
        (
            state,
            [
                event(
                    state,
                    phase,
                    "AgreementAccepted",
                    (move.actor,),
                    seen,
                    agreement=agreement.id,
                    kind=agreement.kind,
                    complete=not awaiting,
                )
            ],
        ),
        scenario,
        phase,
        [(move.actor, agreement.proposer, 2)],
    )


def apply_reject(state: GameState, scenario: Scenario, move: RejectProposal, phase: str) -> Outcome:
    agreement = state.agreements[move.agreement]
    seen = told(agreement)
    if agreement.variation is not None:
        agreement = evolve(agreement, variation=None, awaiting=())
    else:
        agreement = evolve(agreement, status="rejected", awaiting=())
    state = put(state, agreement)
    return with_trust(
        (
            state,
            [
                event(
                    state,
                    phase,
                    "AgreementRejected",
                    (move.actor,),
                    seen,
                    agreement=agreement.id,
                    kind=agreement.kind,
                )
            ],
        ),
        scenario,
        phase,
        [(move.actor, agreement.proposer, -3)],
    )


# --- sign ----------------------------------------------------------------------------------


def check_sign(state: GameState, scenario: Scenario, move: SignAgreement):
    agreement = state.agreements.get(move.agreement)
    if agreement is None or move.actor not in agreement.parties:
        return refuse("not_party", move, "You can only sign agreements you are party to.")
    if agreement.status != "agreed":
        return refuse(
            "not_agreed",
            move,
            f"This agreement cannot be signed while it is {agreement.status.replace('_', ' ')}; every party must accept it first.",
        )
    if agreement.kind in ("lead_commissioner", "risk_pool"):
        found = arrangement_for(
            state, agreement.parties, agreement.kind, agreement.terms.provider, ("signed",), besides=agreement.id
        )
        return already_arranged(scenario, move, agreement.kind, agreement.parties, found)
    return None


def apply_sign(state: GameState, scenario: Scenario, move: SignAgreement, phase: str) -> Outcome:
    """A contract starts next month, or after the one it renews; an alliance goes to `sign_alliance`."""
    agreement = state.agreements[move.agreement]
    if not agreement.is_contract:
        return sign_alliance(state, scenario, agreement, phase)
    start = state.month_index + 1
    for other in state.agreements.values():
        if (
            other.id != agreement.id
            and other.is_contract
            and other.parties == agreement.parties
            and set(other.terms.activities) & set(agreement.terms.activities)
            and other.status == "signed"
            and other.ends >= start
        ):
            start = max(start, other.ends + 1)
    agreement = evolve(agreement, status="signed", starts=start, ends=start + agreement.terms.months - 1)
    state = put(state, agreement)
    events = [
        event(
            state,
            phase,
            "ContractSigned",
            agreement.parties,
            topics=("money",),
            agreement=agreement.id,
            kind=agreement.kind,
            annual_value=agreement.terms.annual_value,
            starts=start,
            price_percent=agreement.terms.price_percent,
            share_percent=agreement.terms.share_percent,
            conflict=agreement.conflict,
            declared=agreement.declared,
            proposer=agreement.proposer,
            months_to_sign=state.month_index - agreement.proposed_month,
            **_against_first_offer(agreement),
        )
    ]
    return with_trust((state, events), scenario, phase, [(a, b, 3) for a, b in pairs(agreement.parties)])


def _against_first_offer(agreement: Agreement) -> dict[str, object]:
    """For a priced contract, the value first proposed and whether the signed value held to it or rose above it."""
    if not agreement.first_value or not agreement.terms.annual_value:
        return {"priced": False}
    return {
        "priced": True,
        "first_offer": agreement.first_value,
        "kept_first_offer": agreement.terms.annual_value >= agreement.first_value,
    }


# --- vary, end ----------------------------------------------------------------------------


def _signed_party(state: GameState, move: Move, agreement_id: str):
    agreement = state.agreements.get(agreement_id)
    if agreement is None or move.actor not in agreement.parties:
        return None, refuse("not_party", move, "You are not party to that agreement.")
    if agreement.status != "signed":
        return None, refuse("not_signed", move, "Only an agreement in force can be varied or ended.")
    return agreement, None


def check_vary(state: GameState, scenario: Scenario, move: VaryContract):
    agreement, refusal = _signed_party(state, move, move.agreement)
    if refusal:
        return refusal
    if not agreement.is_contract:
        return refuse(
            "not_contract", move, "Only contracts can be varied; end the alliance and form a new one instead."
        )
    if agreement.variation is not None:
        return refuse("already_varying", move, "A variation of this contract is already waiting for an answer.")
    return check_terms(state, scenario, move, agreement.kind, agreement.parties, move.terms)


def apply_vary(state: GameState, scenario: Scenario, move: VaryContract, phase: str) -> Outcome:
    agreement = state.agreements[move.agreement]
    other = others_to_answer(state, agreement, move.actor)
    agreement = evolve(agreement, variation=move.terms, awaiting=other, proposer=move.actor)
    state = put(state, agreement)
    return state, [
        event(
            state,
            phase,
            "AgreementProposed",
            (move.actor, *other),
            agreement.parties,
            ("money",),
            agreement=agreement.id,
            kind=agreement.kind,
            variation=True,
            annual_value=move.terms.annual_value,
            price_percent=move.terms.price_percent,
            parties=agreement.parties,
        )
    ]


def check_end(state: GameState, scenario: Scenario, move: EndAgreement):
    _, refusal = _signed_party(state, move, move.agreement)
    return refusal


def apply_end(state: GameState, scenario: Scenario, move: EndAgreement, phase: str) -> Outcome:
    agreement = state.agreements[move.agreement]
    agreement = evolve(agreement, status="ended", ends=state.month_index, awaiting=(), variation=None)
    state = put(state, agreement)
    broken = [(move.actor, other, -8) for other in agreement.parties if other != move.actor]
    kind = "ContractEnded" if agreement.is_contract else "AllianceEnded"
    return with_trust(
        (
            state,
            [
                event(
                    state,
                    phase,
                    kind,
                    agreement.parties,
                    topics=("money",) if agreement.is_contract else ("strategy",),
                    agreement=agreement.id,
                    kind=agreement.kind,
                    ended_by=move.actor,
                    reason="ended early",
                )
            ],
        ),
        scenario,
        phase,
        broken,
    )


# --- month end ------------------------------------------------------------------------------


def month_end(state: GameState, scenario: Scenario, month: int, phase: str) -> Outcome:
    """Proposals lapse, contracts expire, and at the deadline unsigned contracts roll over."""
    events: list[Event] = []
    deadline = (
        scenario.months.index(state.rules.contract_deadline) if state.rules.contract_deadline in scenario.months else -1
    )
    for agreement in list(state.agreements.values()):
        if agreement.status in OPEN and month - agreement.proposed_month >= scenario.balance.proposal_lapse_months:
            state = put(state, evolve(agreement, status="lapsed", awaiting=()))
            events.append(
                event(
                    state,
                    phase,
                    "AgreementLapsed",
                    agreement.parties,
                    agreement.parties,
                    agreement=agreement.id,
                    kind=agreement.kind,
                    proposer=agreement.proposer,
                    waited_for=agreement.awaiting,
                )
            )
    if month == deadline:
        state, more = _roll_over(state, scenario, month, phase)
        events += more
    for agreement in list(state.agreements.values()):
        if agreement.status == "signed" and agreement.ends == month:
            state = put(state, evolve(agreement, status="ended"))
            kind = "ContractEnded" if agreement.is_contract else "AllianceEnded"
            events.append(
                event(
                    state,
                    phase,
                    kind,
                    agreement.parties,
                    agreement=agreement.id,
                    kind=agreement.kind,
                    reason="term ended",
                )
            )
    return state, events


def _roll_over(state: GameState, scenario: Scenario, month: int, phase: str) -> Outcome:
    """Contracts ending by the deadline with no successor signed carry on, on the same terms, and are flagged to
    the body that oversees the commissioner (its `assess_plan` holder with a ladder for it)."""
    events: list[Event] = []
    for agreement in list(state.agreements.values()):
        if not (agreement.is_contract and agreement.status == "signed" and agreement.ends <= month):
            continue
        if scenario.roles[agreement.commissioner].kind != "consortium":
            continue  # the deadline is the commissioners': contracts between providers simply end
        successor = any(
            other.is_contract
            and other.status == "signed"
            and other.parties == agreement.parties
            and other.starts > agreement.ends
            and bool(set(other.terms.activities) & set(agreement.terms.activities) or agreement.kind == "support")
            for other in state.agreements.values()
        )
        if successor:
            continue
        rolled = evolve(agreement, ends=agreement.ends + 12, rolled_over=True)
        state = put(state, rolled)
        events.append(
            event(
                state,
                phase,
                "ContractRolledOver",
                agreement.parties,
                topics=("money",),
                agreement=agreement.id,
                kind=agreement.kind,
                until=scenario.months[min(rolled.ends, len(scenario.months) - 1)],
            )
        )
        overseer = next(iter(overseers(scenario, agreement.commissioner)), None)
        if overseer:
            reason = f"Contract with {name_of(scenario, agreement.provider)} not signed by the deadline"
            state, more = add_agenda_item(state, phase, "unsigned_contract", overseer, agreement.commissioner, reason)
            events += more
    return state, events
