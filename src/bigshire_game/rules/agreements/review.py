"""Monitor's competition review: an alliance or merger of care providers that would together hold more than
the threshold share of a service line waits for Monitor's decision before it forms."""

from __future__ import annotations

from collections import defaultdict

from ...content import Scenario, month_label
from ...state import Agreement, GameState, evolve
from ...vocabulary.catalogue import CARE_PROVIDER_KINDS
from ...vocabulary.events import event
from ...vocabulary.moves import DecideReview
from .. import Outcome, refuse
from ..agenda import add_agenda_item, close_question
from ..economy import contract_shares, contracts_for, default_providers, units
from ..wording import short
from .registration import needs_registration, raise_question
from .terms import PROVIDER_ALLIANCES, pairs, put, with_trust

REVIEW_OUTCOMES = ("approved", "approved_with_conditions", "blocked")


def market_shares(state: GameState, scenario: Scenario, activity: str) -> dict[str, float]:
    """Each provider's share of the county's units of one activity this month."""
    delivered: dict[str, float] = defaultdict(float)
    month = state.month_index
    for cid in scenario.roles_of_kind("consortium"):
        contracts = contracts_for(state, cid, activity, month)
        if contracts:
            for contract, share in zip(
                contracts, contract_shares(state, scenario, cid, activity, month, contracts), strict=True
            ):
                delivered[contract.provider] += units(state, scenario, cid, activity, month, contract.provider) * share
        elif activity in default_providers(scenario):
            provider = default_providers(scenario)[activity]
            delivered[provider] += units(state, scenario, cid, activity, month, provider)
    total = sum(delivered.values())
    return {p: n / total for p, n in delivered.items()} if total else {}


def combined_share(state: GameState, scenario: Scenario, agreement: Agreement) -> tuple[float, str]:
    """The largest share of a service line the alliance's members would hold together, counting only lines two or
    more of them offer: joining a partner that cannot do the work removes no competition, actual or potential."""
    lines = agreement.terms.activities or tuple(
        sorted({a for p in agreement.parties for a in scenario.roles[p].services})
    )
    best, where = 0.0, ""
    for activity in lines:
        shares = market_shares(state, scenario, activity)
        rivals = [p for p in agreement.parties if activity in scenario.roles[p].services]
        share = sum(shares.get(p, 0.0) for p in rivals)
        if len(rivals) >= 2 and share > best:
            best, where = share, activity
    return best, where


def needs_review(state: GameState, scenario: Scenario, agreement: Agreement, share: float) -> bool:
    """A new body of care providers (an integrated care organisation, a merger) always goes to Monitor; a joint
    venture only when its members would together hold more than the threshold share of a service line."""
    if needs_registration(scenario, agreement):
        return True
    threshold = state.rules.competition_share_threshold_percent / 100
    return (
        agreement.kind in PROVIDER_ALLIANCES | {"merger"}
        and any(scenario.roles[p].kind in CARE_PROVIDER_KINDS for p in agreement.parties)
        and share > threshold
    )


def sign_alliance(state: GameState, scenario: Scenario, agreement: Agreement, phase: str) -> Outcome:
    """An alliance every member has signed forms at once, unless it must wait for a competition review (by the
    first holder of `review_competition`; none in the scenario, none needed)."""
    share, line = combined_share(state, scenario, agreement)
    monitor = scenario.first_addressee(power="review_competition")
    if monitor is not None and needs_review(state, scenario, agreement, share):
        agreement = evolve(agreement, status="under_review", review_opened=state.month_index)
        state = put(state, agreement)
        events = [
            event(
                state,
                phase,
                "CompetitionReviewOpened",
                agreement.parties,
                topics=("competition",),
                agreement=agreement.id,
                kind=agreement.kind,
                share=round(share * 100),
                service=line,
            )
        ]
        noun = scenario.narrative.agreements.get(agreement.kind, agreement.kind.replace("_", " "))
        reason = f"Competition review of the proposed {noun}"
        state, more = add_agenda_item(
            state, phase, "competition_review", monitor, agreement.proposer, reason, topics=("competition",),
            audience=(monitor, *agreement.parties), agreement=agreement.id,
        )  # fmt: skip
        return state, events + more
    return _form(state, scenario, agreement, phase, share, line)


def _form(state: GameState, scenario: Scenario, agreement: Agreement, phase: str, share: float, line: str) -> Outcome:
    agreement = evolve(
        agreement, status="signed", starts=state.month_index, ends=state.month_index + agreement.terms.months - 1
    )
    state = put(state, agreement)
    state, events = with_trust(
        (
            state,
            [
                event(
                    state,
                    phase,
                    "AllianceFormed",
                    agreement.parties,
                    topics=("strategy",),
                    agreement=agreement.id,
                    kind=agreement.kind,
                    share=round(share * 100),
                    service=line,
                    conditions=agreement.conditions,
                    provider=agreement.terms.provider or None,
                )
            ],
        ),
        scenario,
        phase,
        [(a, b, 5) for a, b in pairs(agreement.parties)],
    )
    state, more = raise_question(state, scenario, agreement, phase)
    return state, events + more


def check_review(state: GameState, scenario: Scenario, move: DecideReview):
    agreement = state.agreements.get(move.agreement)
    if "review_competition" not in scenario.roles[move.actor].powers:
        deciders = " or ".join(
            short(scenario, rid) for rid, r in scenario.roles.items() if "review_competition" in r.powers
        )
        return refuse("no_power", move, f"Only {deciders or 'the competition regulator'} decides competition reviews.")
    if agreement is None or agreement.status != "under_review":
        return refuse("not_under_review", move, "That alliance is not under competition review.")
    if move.outcome not in REVIEW_OUTCOMES:
        return refuse("bad_outcome", move, "A review ends in approved, approved with conditions, or blocked.")
    ready = agreement.review_opened + state.rules.competition_review_months
    if state.month_index < ready:
        when = scenario.months[min(ready, len(scenario.months) - 1)]
        return refuse(
            "review_running", move, f"The review takes until {month_label(when)}; it cannot be decided before then."
        )
    return None


def apply_review(state: GameState, scenario: Scenario, move: DecideReview, phase: str) -> Outcome:
    agreement = state.agreements[move.agreement]
    share, line = combined_share(state, scenario, agreement)
    state = close_question(state, agreement.id, move.actor)
    reviewed = event(
        state,
        phase,
        "AllianceReviewed",
        (move.actor, *agreement.parties),
        topics=("competition",),
        agreement=agreement.id,
        kind=agreement.kind,
        outcome=move.outcome,
        share=round(share * 100),
        service=line,
    )
    if move.outcome == "blocked":
        agreement = evolve(agreement, status="blocked", review_outcome="blocked")
        return put(state, agreement), [reviewed]
    conditions = (
        "prices held and services kept open to other providers" if move.outcome == "approved_with_conditions" else ""
    )
    agreement = evolve(agreement, review_outcome=move.outcome, conditions=conditions)
    state, events = _form(state, scenario, agreement, phase, share, line)
    return state, [reviewed, *events]
