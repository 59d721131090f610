"""How a computer player leans on agreements: which offers it likes, which it proposes itself, and how it
rules on a competition review. Used by the agreement kinds' scorers in `kinds`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...content import Scenario
from ...state import GameState
from ...state.memo import last_seen
from ...vocabulary.catalogue import PROVIDER_KINDS
from ...vocabulary.moves import Move, ProposeAgreement
from ..economy import contracts_between, forecast
from ..registry import Judge
from .offers import proposals
from .review import combined_share


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
def _committed(agreements: dict) -> frozenset[str]:
    """Providers in a care alliance that is agreed, under review or in force."""
    return frozenset(
        party
        for a in agreements.values()
        if a.kind in ("joint_venture", "integrated_care") and a.status in ("agreed", "under_review", "signed")
        for party in a.parties
    )


def signed_contracts(state: GameState) -> dict[tuple[str, ...], list]:
    """Signed contracts by (buyer, seller)."""
    return _signed_by_pair(state.agreements)


def keenness(judge: Judge, kind: str, price_percent: float) -> float:
    """Positive when the organisation likes this kind of deal: the acute trust defends tariff income, consortia want certainty."""
    me, wants, role = judge.me, judge.wants, judge.role
    keen = 4 * (me.bot.cooperation - 0.5)
    if me.kind == "acute" and kind in ("block", "risk_share"):
        keen -= 3.0 if "protect_income" in wants else 1.0
    if me.kind == "consortium" and kind in ("block", "risk_share"):
        keen += 1.5 if "seek_savings" in wants or judge.forecast < 0 else 0.5
    if price_percent < 100 and me.kind in ("acute", "community", "mental_health"):
        keen -= 2.0
    if kind in ("joint_venture", "integrated_care", "lead_commissioner", "risk_pool"):
        keen += 1.5 if "collaborate" in wants or "expand" in wants else -0.5
    if kind in ("joint_venture", "integrated_care") and role in _committed(judge.state.agreements):
        keen -= 5.0  # a provider already agreed to one care alliance does not sign up to every other
    return keen


def score_answer(judge: Judge, move: Any) -> float:
    """Accepting is as keen as the organisation likes the deal; rejecting as keen as it dislikes it."""
    agreement = judge.state.agreements[move.agreement]
    keen = keenness(judge, agreement.kind, agreement.terms.price_percent)
    return 5.0 + keen if move.name == "AcceptProposal" else 5.0 - keen


def score_proposal(judge: Judge, move: ProposeAgreement) -> float:
    state, scenario, role, wants, me = judge.state, judge.scenario, judge.role, judge.wants, judge.me
    other = move.parties[0]
    deadline = str(state.rules["contract_deadline"])
    deadline_index = scenario.months.index(deadline) if deadline in scenario.months else len(scenario.months)
    if move.kind in ("tariff", "block", "risk_share", "support"):
        buyer, seller = (role, other) if me.kind == "consortium" else (other, role)
        current = signed_contracts(state).get((buyer, seller), [])
        ending = current and max(a.ends for a in current) <= deadline_index
        near = state.month_index >= deadline_index - 3
        renewal = bool(ending) and near and not any(a.starts > state.month_index for a in current)
        if renewal:
            preferred = (
                "tariff"
                if scenario.roles[seller].kind == "acute"
                else ("support" if move.kind == "support" else "block")
            )
            if me.kind == "consortium" and "seek_savings" in wants and scenario.roles[seller].kind == "acute":
                preferred = "risk_share"
            return 7.5 if move.kind == preferred else 1.0
        modest = move.terms.annual_value <= 0.02 * scenario.roles[buyer].finance.annual_allocation
        eager = "seek_savings" in wants or ("expand" in wants and me.kind == "private")
        if not current and modest and eager and scenario.roles[seller].kind == "private" and move.kind == "risk_share":
            return 3.5
        return 0.5
    if move.kind == "joint_venture":
        already = role in _allied(state.agreements)
        return (
            0.5
            if already
            else 1.0
            + (2.2 if "collaborate" in wants or "expand" in wants else 0.0)
            * (1.0 if state.month_index % 4 == 1 else 0.5)
        )
    if move.kind in ("lead_commissioner", "risk_pool"):
        partner_forecast = forecast(state, scenario, other)
        diverged = (judge.forecast >= 0) != (partner_forecast >= 0)
        return 1.0 + (2.2 if "collaborate" in wants and not diverged else 0.0)
    return 0.5


def score_review(judge: Judge, move: Any) -> float:
    state = judge.state
    agreement = state.agreements[move.agreement]
    share, _ = combined_share(state, judge.scenario, agreement)
    threshold = float(state.rules["competition_share_threshold_percent"]) / 100
    wanted = (
        "blocked"
        if share > min(0.95, threshold + 0.25)
        else "approved_with_conditions"
        if share > threshold
        else "approved"
    )
    return 9.0 if move.outcome == wanted else 0.0


def bot_proposals(state: GameState, scenario: Scenario, role: str) -> Iterator[Move]:
    """The proposals that could score: renewals near the contract deadline, a first risk-share between a
    consortium seeking savings and a private provider, and alliances for those who want to collaborate or grow."""
    me = scenario.roles[role]
    wants = frozenset(me.bot.priorities)
    if state.orgs[role].action_points <= 0:
        return
    if me.kind == "consortium" or me.kind in PROVIDER_KINDS:
        side = 0 if me.kind == "consortium" else 1
        signed = {pair[1 - side]: found for pair, found in signed_contracts(state).items() if pair[side] == role}
        deadline = str(state.rules["contract_deadline"])
        deadline_index = scenario.months.index(deadline) if deadline in scenario.months else len(scenario.months)
        if state.month_index >= deadline_index - 3:  # renewals, as `score_proposal` judges them
            ending = [
                other
                for other, current in signed.items()
                if max(a.ends for a in current) <= deadline_index
                and not any(a.starts > state.month_index for a in current)
            ]
            yield from proposals(state, scenario, role, ending)
        if (me.kind == "consortium" and "seek_savings" in wants) or (
            me.kind == "private" and wants & {"seek_savings", "expand"}
        ):
            wanted = "private" if me.kind == "consortium" else "consortium"
            fresh = [r for r in scenario.roles_of_kind(wanted) if r not in signed]
            yield from proposals(state, scenario, role, fresh, ("risk_share",))
    if wants & {"collaborate", "expand"} and role not in _allied(state.agreements):
        yield from proposals(state, scenario, role, kinds=("joint_venture",))
    if "collaborate" in wants:
        yield from proposals(state, scenario, role, kinds=("lead_commissioner", "risk_pool"))
