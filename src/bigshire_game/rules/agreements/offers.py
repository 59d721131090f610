"""What an organisation may do about agreements now: the proposals it can make, with default terms
(used by the legal moves and, narrowed, by the bots), and the answers its open agreements call for."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable, Iterator

from ...content import Scenario
from ...state import Agreement, GameState, Terms, evolve
from ...state.memo import last_seen
from ...vocabulary.catalogue import CARE_PROVIDER_KINDS, PROVIDER_KINDS
from ...vocabulary.moves import (
    AcceptProposal,
    ChallengeConflict,
    CounterProposal,
    DecideReview,
    DeclareConflict,
    EndAgreement,
    Move,
    ProposeAgreement,
    RejectProposal,
    SignAgreement,
    VaryContract,
)
from ..economy import contracts_between, units
from .contracts import check_counter, check_vary
from .review import REVIEW_OUTCOMES
from .terms import ALLIANCE_LIVE, OPEN, check_terms


def _expected_value(state: GameState, scenario: Scenario, consortium: str, provider: str) -> int:
    """A yearly value at tariff for what this provider could do for this consortium: a starting point for terms."""
    total = 0.0
    for activity in scenario.roles[provider].services:
        count = units(state, scenario, consortium, activity, state.month_index, provider)
        total += count * state.tariff[activity] / 1000 * 12
    return round(total)


def offers(
    state: GameState, scenario: Scenario, buyer: str, seller: str, kinds: Container[str] | None = None
) -> dict[str, Terms]:
    """Default terms for each kind of contract this pair could sign (or only `kinds`): fresh offers at tariff
    value, and renewals of the contracts in force on their current terms (below tariff only while rules allow)."""
    services = scenario.roles[seller].services
    found: dict[str, Terms] = {}
    if not services:
        found["support"] = Terms(annual_value=1200)
    else:
        if kinds is None or "tariff" in kinds:
            found["tariff"] = Terms(activities=services)
        if kinds is None or "block" in kinds or "risk_share" in kinds:
            value = _expected_value(state, scenario, buyer, seller)
            found["block"] = Terms(activities=services, annual_value=value)
            found["risk_share"] = Terms(activities=services, annual_value=value, share_percent=50.0)
    below = state.rules["below_tariff_allowed"]
    for current in contracts_between(state.agreements).get((buyer, seller), ()):
        if current.status == "signed":
            terms = current.terms
            price = terms.price_percent if below else max(100.0, terms.price_percent)
            renewal = terms if terms.months == 12 and terms.price_percent == price else None
            found[current.kind] = renewal or evolve(terms, months=12, price_percent=price)
    return found if kinds is None else {kind: terms for kind, terms in found.items() if kind in kinds}


@last_seen
def _open_pairs(agreements: dict[str, Agreement]) -> frozenset[tuple[str, frozenset[str]]]:
    """(kind, members) that can't take a new proposal now: one is open, or such an alliance is live."""
    return frozenset(
        (a.kind, frozenset(a.parties))
        for a in agreements.values()
        if a.status in OPEN or (a.is_alliance and a.status in ALLIANCE_LIVE)
    )


def proposals(
    state: GameState,
    scenario: Scenario,
    role: str,
    counterparts: Iterable[str] | None = None,
    kinds: Container[str] | None = None,
) -> Iterator[ProposeAgreement]:
    """Every proposal this organisation may make now, with default terms; narrowed, for bots, to some
    counterparts and kinds of agreement (the same proposals either way, so a narrowed one is always legal)."""
    me = scenario.roles[role]
    others = scenario.roles if counterparts is None else counterparts
    open_pairs = _open_pairs(state.agreements)
    if me.kind == "consortium" or me.kind in PROVIDER_KINDS:
        for other_id in others:
            buyer, seller = (role, other_id) if me.kind == "consortium" else (other_id, role)
            if (
                other_id == role
                or scenario.roles[buyer].kind != "consortium"
                or scenario.roles[seller].kind not in PROVIDER_KINDS
            ):
                continue
            for kind, terms in offers(state, scenario, buyer, seller, kinds).items():
                if (kind, frozenset((buyer, seller))) not in open_pairs:
                    move = ProposeAgreement(actor=role, kind=kind, parties=(other_id,), terms=terms)
                    if check_terms(state, scenario, move, kind, (buyer, seller), terms) is None:
                        yield move
    if me.kind in CARE_PROVIDER_KINDS and me.services and (kinds is None or "joint_venture" in kinds):
        for other in others:
            partner = scenario.roles[other]
            fits = other != role and partner.kind in CARE_PROVIDER_KINDS and partner.services
            if fits and ("joint_venture", frozenset((role, other))) not in open_pairs:
                yield ProposeAgreement(
                    actor=role, kind="joint_venture", parties=(other,), terms=Terms(activities=me.services, months=24)
                )
    if me.kind == "consortium":
        for other in others:
            if other != role and scenario.roles[other].kind == "consortium":
                for kind in ("lead_commissioner", "risk_pool"):
                    if (kinds is None or kind in kinds) and (kind, frozenset((role, other))) not in open_pairs:
                        yield ProposeAgreement(actor=role, kind=kind, parties=(other,), terms=Terms(months=12))


@last_seen
def _concerning(agreements: dict[str, Agreement]) -> tuple[dict[str, list[Agreement]], list[Agreement]]:
    """Agreements by party, and those that concern outsiders too (a conflict of interest, a competition review)."""
    by_party: dict[str, list[Agreement]] = defaultdict(list)
    public = []
    for agreement in agreements.values():
        for party in agreement.parties:
            by_party[party].append(agreement)
        if (agreement.conflict and agreement.status == "signed") or agreement.status == "under_review":
            public.append(agreement)
    return by_party, public


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    """Proposals, then the answers, signatures, variations and challenges that open agreements call for."""
    if kinds is None or "ProposeAgreement" in kinds:
        yield from proposals(state, scenario, role)
    by_party, public = _concerning(state.agreements)
    for agreement in by_party.get(role, ()):
        if role in agreement.awaiting:
            yield AcceptProposal(actor=role, agreement=agreement.id)
            yield RejectProposal(actor=role, agreement=agreement.id)
            if (
                agreement.status == "proposed"
                and agreement.is_contract
                and (kinds is None or "CounterProposal" in kinds)
            ):
                terms = agreement.variation or agreement.terms
                softer = evolve(terms, annual_value=round(terms.annual_value * 1.03), price_percent=100.0)
                counter = CounterProposal(actor=role, agreement=agreement.id, terms=softer)
                if check_counter(state, scenario, counter) is None:  # terms a card offered may not pass
                    yield counter
        if agreement.status == "agreed":
            yield SignAgreement(actor=role, agreement=agreement.id)
        elif agreement.status == "signed":
            variable = agreement.is_contract and agreement.variation is None and agreement.kind != "support"
            if variable and (kinds is None or "VaryContract" in kinds):
                vary = VaryContract(actor=role, agreement=agreement.id, terms=evolve(agreement.terms, months=12))
                if check_vary(state, scenario, vary) is None:
                    yield vary
            yield EndAgreement(actor=role, agreement=agreement.id)
        if (
            agreement.conflict
            and agreement.commissioner == role
            and not agreement.declared
            and agreement.status in (*OPEN, "signed")
        ):
            yield DeclareConflict(actor=role, agreement=agreement.id)
    monitor = scenario.roles[role].kind == "monitor"
    for agreement in public:
        if agreement.status == "signed" and role not in agreement.parties:
            yield ChallengeConflict(actor=role, agreement=agreement.id)
        due = agreement.review_opened + int(state.rules["competition_review_months"])
        if agreement.status == "under_review" and monitor and state.month_index >= due:
            for outcome in REVIEW_OUTCOMES:
                yield DecideReview(actor=role, agreement=agreement.id, outcome=outcome)
