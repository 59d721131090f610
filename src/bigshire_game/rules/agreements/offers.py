"""What an organisation may do about agreements now: the proposals it can make, with default terms
(used by the legal moves and, narrowed, by the bots), and the answers its open agreements call for.

Alliances of three or more are offered as a short list of sensible groupings (`groupings`), never every
combination, so a menu stays readable and the bots' lists stay short."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable, Iterator
from itertools import combinations

from ...content import Scenario
from ...state import Agreement, GameState, Terms, evolve
from ...state.memo import last_seen, per_state
from ...vocabulary.catalogue import CARE_PROVIDER_KINDS, CONTRACT_KINDS, PROVIDER_KINDS
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
from .contracts import check_counter, check_sign, check_vary
from .lead import arrangement_for, lead_for, led_by
from .review import REVIEW_OUTCOMES
from .terms import ALLIANCE_LIVE, OPEN, check_terms

SUBCONTRACT_TERMS = Terms(share_percent=20.0, price_percent=90.0)  # a fifth of the work, the prime keeping a tenth
RISK_SHARE_CAPACITY = 0.25  # a provider shares risk on at most this part of its own cost base (share x baseline)


@per_state
def expected_value(state: GameState, scenario: Scenario, consortium: str, provider: str) -> int:
    """A yearly value at tariff for what this provider could do for this consortium: a starting point for terms."""
    total = 0.0
    for activity in scenario.roles[provider].services:
        count = units(state, scenario, consortium, activity, state.month_index, provider)
        total += count * state.tariff[activity] / 1000 * 12
    return round(total)


@per_state
def yearly_value(state: GameState, scenario: Scenario, provider: str, activities: Iterable[str]) -> int:
    """A provider's yearly work in these services for every consortium, at tariff: a risk-share's baseline."""
    total = 0.0
    for activity in activities:
        for consortium in scenario.roles_of_kind("consortium"):
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
            value = expected_value(state, scenario, buyer, seller)
            found["block"] = Terms(activities=services, annual_value=value)
            found["risk_share"] = Terms(activities=services, annual_value=value, share_percent=50.0)
    below = state.rules.below_tariff_allowed
    for current in contracts_between(state.agreements).get((buyer, seller), ()):
        if current.status == "signed":
            terms = current.terms
            price = terms.price_percent if below else max(100.0, terms.price_percent)
            renewal = terms if terms.months == 12 and terms.price_percent == price else None
            found[current.kind] = renewal or evolve(terms, months=12, price_percent=price)
    return found if kinds is None else {kind: terms for kind, terms in found.items() if kind in kinds}


def provider_offers(
    state: GameState, scenario: Scenario, role: str, other: str, kinds: Container[str] | None = None
) -> Iterator[tuple[str, Terms]]:
    """Contracts this care provider could offer another: a subcontract of the work both provide, and a share of
    the risk on each service of the other's own sector that it does not provide itself (the mental health trust
    taking a share of the hospital's A&E attendances)."""
    mine, theirs = scenario.roles[role].services, scenario.roles[other].services
    if kinds is None or "subcontract" in kinds:
        common = tuple(a for a in mine if a in theirs)
        if common:
            yield "subcontract", evolve(SUBCONTRACT_TERMS, activities=common)
    if kinds is None or "risk_share" in kinds:
        setting = scenario.roles[other].kind
        for activity in theirs:
            if activity not in mine and scenario.activities[activity].setting == setting:
                value = yearly_value(state, scenario, other, (activity,))
                if value > 0:
                    share = carried_share(state.orgs[role].cost_base, value)
                    yield "risk_share", Terms(activities=(activity,), annual_value=value, share_percent=share)


def carried_share(cost_base: int, baseline: int) -> float:
    """The share of another's risk a provider can carry: its share of the baseline at most a quarter of its own
    cost base, in steps of 5%, from 5% to 50% (a small provider takes a small slice of a hospital's risk)."""
    carried = 100 * RISK_SHARE_CAPACITY * cost_base / max(1, baseline)
    return float(min(50, max(5, round(carried / 5) * 5)))


def pool_shares(scenario: Scenario, members: tuple[str, ...]) -> tuple[float, ...]:
    """Each member's share of a risk pool in proportion to its allocation, in whole tenths adding up to 100."""
    allocations = [max(0, scenario.roles[m].finance.annual_allocation) for m in members]
    total = sum(allocations)
    if not total:
        return tuple(round(100 / len(members), 1) for _ in members)
    shares = [round(100 * a / total, 1) for a in allocations]
    shares[-1] = round(100 - sum(shares[:-1]), 1)
    return tuple(shares)


def groupings(scenario: Scenario, role: str, kind: str) -> list[tuple[str, ...]]:
    """The partners this organisation is offered an alliance of three or more with (not counting itself).

    An integrated care organisation: each two care providers of two other sectors (kinds), and, for a provider
    outside hospital, every provider outside hospital. A merger of consortia: each other one, or all of them."""
    me = scenario.roles[role]
    if kind == "integrated_care":
        partners = [
            rid
            for rid, other in scenario.roles.items()
            if rid != role and other.kind in CARE_PROVIDER_KINDS and other.services
        ]
        found = [
            (a, b)
            for a, b in combinations(partners, 2)
            if len({me.kind, scenario.roles[a].kind, scenario.roles[b].kind}) == 3
        ]
        outside = tuple(p for p in partners if scenario.roles[p].kind != "acute")
        if me.kind != "acute" and len(outside) > 2:
            found.append(outside)
        return found
    if kind == "merger" and me.kind == "consortium":
        others = [rid for rid in scenario.roles_of_kind("consortium") if rid != role]
        return [(other,) for other in others] + ([tuple(others)] if len(others) > 1 else [])
    return []


@last_seen
def _suppliers(agreements: dict[str, Agreement]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for a in agreements.values():
        if a.is_contract and a.status == "signed":
            found[a.commissioner].add(a.provider)
    return {buyer: frozenset(sellers) for buyer, sellers in found.items()}


def suppliers(state: GameState) -> dict[str, frozenset[str]]:
    """The providers each organisation buys from under a signed contract."""
    return _suppliers(state.agreements)


@last_seen
def _open_pairs(agreements: dict[str, Agreement]) -> frozenset[tuple[str, frozenset[str]]]:
    """(kind, members) that can't take a new proposal now: one is open, or such an alliance is live."""
    return frozenset(
        (a.kind, frozenset(a.parties))
        for a in agreements.values()
        if a.status in OPEN or (a.is_alliance and a.status in ALLIANCE_LIVE)
    )


def _contracts(
    state: GameState, scenario: Scenario, role: str, others: Iterable[str], kinds: Container[str] | None, busy
) -> Iterator[ProposeAgreement]:
    """Contracts between a consortium and a provider, offered by either, unless a lead negotiates for the consortium;
    and a lead commissioner's offers on behalf of the consortia it leads for."""
    if kinds is not None and not any(kind in kinds for kind in CONTRACT_KINDS):
        return  # `offers` gives contracts only
    me = scenario.roles[role]
    for other_id in others:
        buyer, seller = (role, other_id) if me.kind == "consortium" else (other_id, role)
        if (
            other_id == role
            or scenario.roles[buyer].kind != "consortium"
            or scenario.roles[seller].kind not in PROVIDER_KINDS
            or (me.kind == "consortium" and lead_for(state, buyer, seller) != role)
        ):
            continue
        for kind, terms in offers(state, scenario, buyer, seller, kinds).items():
            if (kind, frozenset((buyer, seller))) not in busy:
                move = ProposeAgreement(actor=role, kind=kind, parties=(other_id,), terms=terms)
                if check_terms(state, scenario, move, kind, (buyer, seller), terms) is None:
                    yield move
    if me.kind == "consortium":
        wanted = None if others is scenario.roles else set(others)
        for member, provider in led_by(state, role):
            if wanted is not None and provider not in wanted:
                continue
            for kind, terms in offers(state, scenario, member, provider, kinds).items():
                if (kind, frozenset((member, provider))) not in busy:
                    move = ProposeAgreement(
                        actor=role, kind=kind, parties=(provider,), terms=terms, on_behalf_of=member
                    )
                    if check_terms(state, scenario, move, kind, (member, provider), terms) is None:
                        yield move


def _between_providers(
    state: GameState, scenario: Scenario, role: str, others: Iterable[str], kinds: Container[str] | None, busy
) -> Iterator[ProposeAgreement]:
    for other in others:
        if other == role or scenario.roles[other].kind not in CARE_PROVIDER_KINDS or not scenario.roles[other].services:
            continue
        for kind, terms in provider_offers(state, scenario, role, other, kinds):
            if (kind, frozenset((role, other))) not in busy:
                yield ProposeAgreement(actor=role, kind=kind, parties=(other,), terms=terms)


def _wanted(kinds: Container[str] | None, kind: str) -> bool:
    return kinds is None or kind in kinds


def _alliances(
    state: GameState, scenario: Scenario, role: str, others: Iterable[str], kinds: Container[str] | None, busy
) -> Iterator[ProposeAgreement]:
    me = scenario.roles[role]
    others = [o for o in others if o != role]
    if me.kind in CARE_PROVIDER_KINDS and me.services:
        partners = [o for o in others if scenario.roles[o].kind in CARE_PROVIDER_KINDS and scenario.roles[o].services]
        for other in partners if _wanted(kinds, "joint_venture") else ():
            if ("joint_venture", frozenset((role, other))) not in busy:
                terms = Terms(activities=me.services, months=24)
                yield ProposeAgreement(actor=role, kind="joint_venture", parties=(other,), terms=terms)
        allowed = set(partners)
        for group in groupings(scenario, role, "integrated_care") if _wanted(kinds, "integrated_care") else ():
            if set(group) <= allowed and ("integrated_care", frozenset((role, *group))) not in busy:
                yield ProposeAgreement(actor=role, kind="integrated_care", parties=group, terms=Terms(months=24))
        for other in partners if _wanted(kinds, "merger") else ():
            if ("merger", frozenset((role, other))) not in busy:
                yield ProposeAgreement(actor=role, kind="merger", parties=(other,), terms=Terms(months=36))
    if me.kind != "consortium":
        return
    consortia = [o for o in others if scenario.roles[o].kind == "consortium"]
    if _wanted(kinds, "lead_commissioner"):
        bought = suppliers(state)
        for other in consortia:
            if ("lead_commissioner", frozenset((role, other))) in busy:
                continue
            for provider in scenario.roles_of_kind(*CARE_PROVIDER_KINDS):
                if (
                    provider in bought.get(role, ())
                    and provider in bought.get(other, ())
                    and arrangement_for(state, (role, other), "lead_commissioner", provider) is None
                ):
                    terms = Terms(months=12, provider=provider)
                    yield ProposeAgreement(actor=role, kind="lead_commissioner", parties=(other,), terms=terms)
    if _wanted(kinds, "risk_pool"):
        groups = [(other,) for other in consortia]
        if len(consortia) > 1:
            groups.append(tuple(consortia))
        pooled = arrangement_for(state, (role,), "risk_pool") is not None
        for group in groups if not pooled else ():
            if ("risk_pool", frozenset((role, *group))) not in busy and not arrangement_for(state, group, "risk_pool"):
                terms = Terms(months=12, shares=pool_shares(scenario, (role, *group)))
                yield ProposeAgreement(actor=role, kind="risk_pool", parties=group, terms=terms)
    if _wanted(kinds, "merger"):
        allowed = set(consortia)
        for group in groupings(scenario, role, "merger"):
            if set(group) <= allowed and ("merger", frozenset((role, *group))) not in busy:
                yield ProposeAgreement(actor=role, kind="merger", parties=group, terms=Terms(months=36))


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
    others = scenario.roles if counterparts is None else list(counterparts)
    busy = _open_pairs(state.agreements)
    if me.kind == "consortium" or me.kind in PROVIDER_KINDS:
        yield from _contracts(state, scenario, role, others, kinds, busy)
    if me.kind in CARE_PROVIDER_KINDS and me.services:
        yield from _between_providers(state, scenario, role, others, kinds, busy)
    yield from _alliances(state, scenario, role, others, kinds, busy)


@last_seen
def _concerning(agreements: dict[str, Agreement]) -> tuple[dict[str, list[Agreement]], list[Agreement]]:
    """Agreements by party (and by the lead commissioner answering for one), and those that concern outsiders
    too (a conflict of interest, a competition review)."""
    by_party: dict[str, list[Agreement]] = defaultdict(list)
    public = []
    for agreement in agreements.values():
        for party in dict.fromkeys((*agreement.parties, *agreement.awaiting)):
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
        if role not in agreement.parties:
            continue  # a lead commissioner answers for a member; the parties sign, vary and end
        if agreement.status == "agreed":
            sign = SignAgreement(actor=role, agreement=agreement.id)
            if agreement.kind not in ("lead_commissioner", "risk_pool") or check_sign(state, scenario, sign) is None:
                yield sign
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
    monitor = "review_competition" in scenario.roles[role].powers
    for agreement in public:
        if agreement.status == "signed" and role not in agreement.parties:
            yield ChallengeConflict(actor=role, agreement=agreement.id)
        due = agreement.review_opened + state.rules.competition_review_months
        if agreement.status == "under_review" and monitor and state.month_index >= due:
            for outcome in REVIEW_OUTCOMES:
                yield DecideReview(actor=role, agreement=agreement.id, outcome=outcome)
