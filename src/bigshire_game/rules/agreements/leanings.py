"""How a computer player leans on agreements: which offers it likes, which it proposes itself, and how it
rules on a competition review or a registration. Used by the agreement kinds' scorers in `kinds`.

Alliances and deals between providers are proposed now and then, not at every chance: a hesitation fixed by
the seed, the organisation and the month (`_this_month`) decides whether this is the month it acts."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from ...content import Scenario
from ...state import Agreement, GameState, pair_key
from ...state.memo import last_seen, per_state
from ...vocabulary.catalogue import CARE_PROVIDER_KINDS, PROVIDER_KINDS
from ...vocabulary.moves import Move, ProposeAgreement
from ..economy import contracts_between, forecast
from ..effects import DEFAULT_TRUST
from ..registry import Judge
from ..regulation.inspections import inspection_rating
from .lead import arrangement_for, led_by
from .offers import expected_value, groupings, proposals, provider_offers
from .pools import shares_of
from .registration import weakest
from .review import combined_share
from .terms import between_providers

ICO_CHANCE = 0.035  # each month, the chance a provider keen on integration floats an integrated care organisation
RISK_SHARE_CHANCE = 0.012  # ... that a provider offers to share the dominant provider's unplanned risk
SUBCONTRACT_CHANCE = 0.15  # ... that a provider working beyond its capacity subcontracts some of the work
LEAD_CHANCE = 0.08  # ... that a collaborating consortium offers to lead another's contracts with a provider
LIVE = ("proposed", "agreed", "under_review", "signed")


@last_seen
def _signed_by_pair(agreements: dict) -> dict[tuple[str, ...], list]:
    return {
        pair: signed
        for pair, found in contracts_between(agreements).items()
        if (signed := [a for a in found if a.status == "signed"])
    }


@last_seen
def _allied(agreements: dict) -> frozenset[str]:
    """Organisations in an alliance that is proposed, under way or in force."""
    return frozenset(
        party
        for a in agreements.values()
        if a.is_alliance and a.status not in ("rejected", "lapsed", "ended")
        for party in a.parties
    )


@last_seen
def _committed(agreements: dict) -> dict[str, frozenset[str]]:
    """Providers in a care alliance of each kind that is agreed, under review or in force."""
    found: dict[str, set[str]] = {}
    for a in agreements.values():
        if a.kind in ("joint_venture", "integrated_care", "merger") and a.status in (
            "agreed",
            "under_review",
            "signed",
        ):
            found.setdefault(a.kind, set()).update(a.parties)
    return {kind: frozenset(parties) for kind, parties in found.items()}


@last_seen
def _integrating(agreements: dict) -> bool:
    """Whether an integrated care organisation is being negotiated, reviewed or in force in the county."""
    return any(a.kind == "integrated_care" and a.status in LIVE for a in agreements.values())


def signed_contracts(state: GameState) -> dict[tuple[str, ...], list]:
    """Signed contracts by (buyer, seller)."""
    return _signed_by_pair(state.agreements)


def _keen_between_providers(judge: Judge, agreement: Agreement | None, kind: str) -> float:
    """A provider sharing its risk is insured, more gladly when it is losing money; the one taking a share of
    another's risk does it to collaborate; a subcontractor gains work it wants if it is out to expand."""
    if agreement is None:
        return 0.0
    if kind == "subcontract":
        return 2.0 * judge.weight("expand") if judge.role == agreement.parties[1] else 0.5
    if judge.role == agreement.parties[0]:
        return 1.0 + (1.5 if judge.forecast < 0 else 0.0)
    return 1.5 * judge.weight("collaborate") - judge.settings.caution


def keenness(judge: Judge, kind: str, price_percent: float, agreement: Agreement | None = None) -> float:
    """Positive when the organisation likes this kind of deal: the acute trust defends tariff income, consortia want certainty."""
    me, wants, role = judge.me, judge.wants, judge.role
    keen = 4 * (me.bot.cooperation - 0.5)
    if agreement is not None and agreement.is_contract and between_providers(judge.scenario, agreement.parties):
        return keen + _keen_between_providers(judge, agreement, kind)
    if me.kind == "acute" and kind in ("block", "risk_share"):
        keen -= 3.0 if "protect_income" in wants else 1.0
    if me.kind == "consortium" and kind in ("block", "risk_share"):
        keen += 1.5 if "seek_savings" in wants or judge.forecast < 0 else 0.5
    if price_percent < 100 and me.kind in ("acute", "community", "mental_health"):
        keen -= 2.0
    if kind in ("joint_venture", "integrated_care", "lead_commissioner", "risk_pool"):
        keen += 1.5 if "collaborate" in wants or "expand" in wants else -0.5
    if kind == "merger":  # giving up independence: only for an organisation losing money
        keen += 1.0 if judge.forecast < 0 else -2.5
    if kind in ("joint_venture", "integrated_care") and role in _committed(judge.state.agreements).get(kind, ()):
        keen -= 5.0  # a provider already agreed to one care alliance of a kind does not sign up to every other
    if kind == "risk_pool" and agreement is not None and _pool_payment(judge, agreement) > 0:
        # collaboration weakens when finances diverge: one that would pay into the pool shies from it, unless
        # it values collaboration for itself
        keen -= 1.0 if "collaborate" in wants else 3.0
    return keen


def _pool_payment(judge: Judge, agreement: Agreement) -> int:
    """What this consortium expects to pay into a pool at the year's end (negative: to receive), judged from
    every member's forecast: its share of the pooled forecasts against its own."""
    state, scenario = judge.state, judge.scenario
    outlook = [judge.forecast if p == judge.role else forecast(state, scenario, p) for p in agreement.parties]
    shares = shares_of(scenario, agreement)
    mine = agreement.parties.index(judge.role)
    return round(outlook[mine] - sum(outlook) * shares[mine] / 100)


def score_answer(judge: Judge, move: Any) -> float:
    """Accepting is as keen as the organisation likes the deal; rejecting as keen as it dislikes it."""
    agreement = judge.state.agreements[move.agreement]
    keen = keenness(judge, agreement.kind, agreement.terms.price_percent, agreement)
    return 5.0 + keen if move.name == "AcceptProposal" else 5.0 - keen


def _this_month(state: GameState, role: str, idea: str, chance: float) -> bool:
    """Whether this is a month the organisation acts on an idea: a hesitation fixed by the seed, the organisation,
    the month and the idea, never the game's own dice (so a bot that does not act on it need not work it out)."""
    key = f"{state.seed}:{role}:{state.month_index}:{idea}".encode()
    return int.from_bytes(hashlib.blake2b(key, digest_size=4).digest(), "big") / 2**32 < chance


def _score_contract(judge: Judge, move: ProposeAgreement) -> float:
    state, scenario, role, wants, me = judge.state, judge.scenario, judge.role, judge.wants, judge.me
    other = move.parties[0]
    deadline = state.rules.contract_deadline
    deadline_index = scenario.months.index(deadline) if deadline in scenario.months else len(scenario.months)
    if move.on_behalf_of:
        buyer, seller = move.on_behalf_of, other
    else:
        buyer, seller = (role, other) if me.kind == "consortium" else (other, role)
    current = signed_contracts(state).get((buyer, seller), [])
    ending = current and max(a.ends for a in current) <= deadline_index
    near = state.month_index >= deadline_index - 3
    renewal = bool(ending) and near and not any(a.starts > state.month_index for a in current)
    if renewal:
        preferred = (
            "tariff" if scenario.roles[seller].kind == "acute" else ("support" if move.kind == "support" else "block")
        )
        if me.kind == "consortium" and "seek_savings" in wants and scenario.roles[seller].kind == "acute":
            preferred = "risk_share"
        return 7.5 if move.kind == preferred else 1.0
    if move.on_behalf_of:
        return 0.5
    modest = move.terms.annual_value <= 0.02 * scenario.roles[buyer].finance.annual_allocation
    eager = "seek_savings" in wants or ("expand" in wants and me.kind == "private")
    if not current and modest and eager and scenario.roles[seller].kind == "private" and move.kind == "risk_share":
        return 3.5
    return 0.5


def _own_idea(judge: Judge, move: ProposeAgreement, ideas) -> bool:
    """Whether the move is the one the bot has in mind itself (its short list), not any other the menu offers."""
    return move in _ideas(judge.state, judge.scenario, judge.role, ideas)


@per_state
def _ideas(state: GameState, scenario: Scenario, role: str, ideas) -> frozenset[Move]:
    """A short list worked out once for every move of its kind the bot weighs in one position."""
    return frozenset(ideas(state, scenario, role))


def score_proposal(judge: Judge, move: ProposeAgreement) -> float:
    state, scenario, role, wants = judge.state, judge.scenario, judge.role, judge.wants
    other = move.parties[0]
    if move.kind in ("subcontract", "risk_share") and between_providers(scenario, (role, other)):
        ready = _own_idea(judge, move, _relief if move.kind == "subcontract" else _shared_risk)
        return 1.0 + 3.0 * judge.weight("collaborate") if ready else 0.5
    if move.kind in ("tariff", "block", "risk_share", "support"):
        return _score_contract(judge, move)
    if move.kind == "joint_venture":
        already = role in _allied(state.agreements)
        return (
            0.5
            if already
            else 1.0
            + (2.2 if "collaborate" in wants or "expand" in wants else 0.0)
            * (1.0 if state.month_index % 4 == 1 else 0.5)
        )
    if move.kind == "integrated_care":
        keen = max(judge.weight("collaborate"), judge.weight("expand"))
        ready = _own_idea(judge, move, _integrated_care)
        return 1.0 + 3.0 * keen if ready else 0.5
    if move.kind == "lead_commissioner":
        partner_forecast = forecast(state, scenario, other)
        diverged = (judge.forecast >= 0) != (partner_forecast >= 0)
        ready = not diverged and _own_idea(judge, move, _lead)
        return 1.0 + 2.5 * judge.weight("collaborate") if ready else 0.5
    if move.kind == "risk_pool" and len(move.parties) == 1:
        partner_forecast = forecast(state, scenario, other)
        diverged = (judge.forecast >= 0) != (partner_forecast >= 0)
        ready = "collaborate" in wants and not diverged and not _turned_down(state, move)
        return 1.0 + (2.2 if ready else 0.0)
    return 0.5


def _turned_down(state: GameState, move: ProposeAgreement, months: int = 6) -> bool:
    """Whether the same members turned down (or let lapse) this kind of alliance lately: no asking every month."""
    members = {move.actor, *move.parties}
    return any(
        a.kind == move.kind
        and a.status in ("rejected", "lapsed")
        and set(a.parties) == members
        and state.month_index - a.proposed_month < months
        for a in state.agreements.values()
    )


def score_review(judge: Judge, move: Any) -> float:
    """Monitor blocks an alliance that would dominate a service line, sets conditions on one above the
    threshold, and approves one below it (a new body of providers is reviewed whatever its share): a model of
    care everyone likes can still be anti-competitive."""
    state = judge.state
    agreement = state.agreements[move.agreement]
    share, _ = combined_share(state, judge.scenario, agreement)
    threshold = state.rules.competition_share_threshold_percent / 100
    wanted = (
        "blocked"
        if share > min(0.95, threshold + 0.25)
        else "approved_with_conditions"
        if share > threshold
        else "approved"
    )
    if wanted == "blocked" and judge.weight("enforce") < 0.5:
        wanted = "approved_with_conditions"  # a regulator loath to use its powers sets conditions instead
    return 9.0 if move.outcome == wanted else 0.0


def score_registration(judge: Judge, move: Any) -> float:
    """The registrar registers a body whose weakest member is rated good; one that enforces sets conditions when a
    member requires improvement and refuses one with an inadequate member, a lenient one is a step gentler."""
    agreement = judge.state.agreements[move.agreement]
    rating = inspection_rating(judge.scenario, weakest(judge.state, agreement))
    steps = ("registered", "registered_with_conditions", "refused")
    strict = judge.weight("enforce") >= 0.5
    severity = {"good": 0, "requires improvement": 1}.get(rating, 2)
    wanted = steps[severity if strict else max(0, severity - 1)]
    return 8.0 if move.outcome == wanted else 0.0


# --- the bots' own short lists ------------------------------------------------------------------


def _renewals(state: GameState, scenario: Scenario, role: str) -> Iterator[Move]:
    """Renewals near the contract deadline: its own contracts ending, and those of consortia it leads for."""
    me = scenario.roles[role]
    side = 0 if me.kind == "consortium" else 1
    signed = {pair[1 - side]: found for pair, found in signed_contracts(state).items() if pair[side] == role}
    deadline = state.rules.contract_deadline
    deadline_index = scenario.months.index(deadline) if deadline in scenario.months else len(scenario.months)
    if state.month_index < deadline_index - 3:
        return

    def ending(current: list) -> bool:
        return max(a.ends for a in current) <= deadline_index and not any(a.starts > state.month_index for a in current)

    yield from proposals(state, scenario, role, [other for other, current in signed.items() if ending(current)])
    if me.kind == "consortium":
        for member, provider in led_by(state, role):
            current = signed_contracts(state).get((member, provider), [])
            if current and ending(current):
                yield from (m for m in proposals(state, scenario, role, (provider,)) if m.on_behalf_of == member)


def _trust(state: GameState, role: str, other: str) -> int:
    return state.trust.get(pair_key(role, other), DEFAULT_TRUST)


def _trusted(state: GameState, role: str, others: tuple[str, ...]) -> float:
    return sum(_trust(state, role, other) for other in others)


def _integrated_care(state: GameState, scenario: Scenario, role: str) -> Iterator[Move]:
    """Now and then, one integrated care organisation outside hospital, with the two partners of other sectors
    it trusts most; never while another is being formed or in force."""
    if (
        scenario.roles[role].kind not in ("community", "mental_health", "private")
        or not _this_month(state, role, "integrated_care", ICO_CHANCE)
        or _integrating(state.agreements)
    ):
        return
    groups = [
        g for g in groupings(scenario, role, "integrated_care") if len(g) == 2 and not any(
            scenario.roles[p].kind == "acute" for p in g
        )
    ]  # fmt: skip
    if groups:
        best = max(groups, key=lambda g: _trusted(state, role, g))
        yield from proposals(state, scenario, role, best, ("integrated_care",))


def _dominant(state: GameState, scenario: Scenario, role: str) -> str | None:
    """The provider with the largest cost base: the hospital whose risk others may share."""
    others = [p for p in scenario.roles_of_kind(*CARE_PROVIDER_KINDS) if p != role and scenario.roles[p].services]
    return max(others, key=lambda p: state.orgs[p].cost_base, default=None)


def _shared_risk(state: GameState, scenario: Scenario, role: str) -> Iterator[Move]:
    """Now and then, a share of the dominant provider's unplanned work (its A&E attendances): the line with the
    most patients."""
    if not _this_month(state, role, "shared_risk", RISK_SHARE_CHANCE):
        return
    other = _dominant(state, scenario, role)
    if other is None or any(
        a.kind == "risk_share" and set(a.parties) == {role, other} and a.status in LIVE
        for a in state.agreements.values()
    ):
        return
    unplanned = [
        (terms, a)
        for kind, terms in provider_offers(state, scenario, role, other, ("risk_share",))
        for a in terms.activities
        if not scenario.activities[a].referral_driven
    ]
    if unplanned:
        terms, _ = max(unplanned, key=lambda found: scenario.activities[found[1]].per_1000_per_month)
        yield ProposeAgreement(actor=role, kind="risk_share", parties=(other,), terms=terms)  # a share it can carry


def _relief(state: GameState, scenario: Scenario, role: str) -> Iterator[Move]:
    """Now and then, a provider working beyond its capacity subcontracts a share of the work to the partner it
    trusts most."""
    org = state.orgs[role]
    if (
        not _this_month(state, role, "relief", SUBCONTRACT_CHANCE)
        or not org.baseline_units
        or org.units <= org.baseline_units * scenario.balance.quality_strain
    ):
        return
    found = [
        (other, terms)
        for other in scenario.roles_of_kind(*CARE_PROVIDER_KINDS)
        if other != role
        for kind, terms in provider_offers(state, scenario, role, other, ("subcontract",))
    ]
    busy = any(a.kind == "subcontract" and a.parties[0] == role and a.status in LIVE for a in state.agreements.values())
    if found and not busy:
        other, terms = max(found, key=lambda f: _trust(state, role, f[0]))
        yield ProposeAgreement(actor=role, kind="subcontract", parties=(other,), terms=terms)


def _lead(state: GameState, scenario: Scenario, role: str) -> Iterator[Move]:
    """Now and then, an offer to lead each other consortium's contracts with the provider it buys most from of
    those both use."""
    if not _this_month(state, role, "lead", LEAD_CHANCE) or arrangement_for(
        state, (role,), "lead_commissioner", statuses=("proposed", "agreed", "signed")
    ):
        return
    best: dict[str, ProposeAgreement] = {}
    for move in proposals(state, scenario, role, kinds=("lead_commissioner",)):
        other = move.parties[0]
        value = expected_value(state, scenario, role, move.terms.provider)
        if other not in best or value > expected_value(state, scenario, role, best[other].terms.provider):
            best[other] = move
    yield from best.values()


def bot_proposals(state: GameState, scenario: Scenario, role: str) -> Iterator[Move]:
    """The proposals that could score: renewals near the contract deadline (for itself and the consortia it leads
    for), a first risk-share between a consortium seeking savings and a private provider, alliances for those who
    want to collaborate or grow, and deals between providers."""
    me = scenario.roles[role]
    wants = frozenset(me.bot.priorities) | frozenset(m for m, w in me.bot.motives.items() if w > 0)
    if state.orgs[role].action_points <= 0:
        return
    if me.kind == "consortium" or me.kind in PROVIDER_KINDS:
        yield from _renewals(state, scenario, role)
        if (me.kind == "consortium" and "seek_savings" in wants) or (
            me.kind == "private" and wants & {"seek_savings", "expand"}
        ):
            side = 0 if me.kind == "consortium" else 1
            signed = {pair[1 - side] for pair in signed_contracts(state) if pair[side] == role}
            wanted = "private" if me.kind == "consortium" else "consortium"
            fresh = [r for r in scenario.roles_of_kind(wanted) if r not in signed]
            yield from proposals(state, scenario, role, fresh, ("risk_share",))
    if me.kind in CARE_PROVIDER_KINDS and me.services:
        if wants & {"collaborate", "expand"}:
            yield from _integrated_care(state, scenario, role)
        if "collaborate" in wants:
            yield from _shared_risk(state, scenario, role)
            yield from _relief(state, scenario, role)
    if wants & {"collaborate", "expand"} and role not in _allied(state.agreements):
        yield from proposals(state, scenario, role, kinds=("joint_venture",))
    if "collaborate" in wants and me.kind == "consortium":
        yield from _lead(state, scenario, role)
        others = [r for r in scenario.roles_of_kind("consortium") if r != role]
        pairs = (m for m in proposals(state, scenario, role, others, ("risk_pool",)) if len(m.parties) == 1)
        yield from pairs
