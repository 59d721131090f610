"""What makes a financial plan credible, and who submits plans to whom.

Credibility rewards savings that are backed (identified, invested in, supported by analysts, shared with the
wellbeing board) and marks down hopeful claims. Content decides who takes part: organisations holding the
`submit_plan` power submit plans; each is judged by the holders of `assess_plan` with a ladder that applies to
it (the Board for consortia, Monitor for the foundation trusts), and by nobody else.
"""

from __future__ import annotations

from functools import cache

from attrs import frozen

from ...content import Scenario
from ...state import GameState, pair_key
from ...state.memo import per_state
from ..agenda import ladder_for
from ..economy import baseline, forecast, is_active

# --- who submits, who assesses -----------------------------------------------------------------


def plans_in_play(scenario: Scenario) -> bool:
    """Whether the scenario has financial plans at all: only one that sets a plan deadline does."""
    return scenario.info.rules.plan_deadline is not None


def submits_plans(scenario: Scenario, rid: str) -> bool:
    role = scenario.roles.get(rid)
    return role is not None and "submit_plan" in role.powers and plans_in_play(scenario)


@cache
def _assessors(scenario: Scenario) -> dict[str, tuple[str, ...]]:
    if not plans_in_play(scenario):
        return {}
    judges = [(rid, role.kind) for rid, role in scenario.roles.items() if "assess_plan" in role.powers]
    return {
        rid: tuple(judge for judge, kind in judges if ladder_for(scenario, kind, role.kind))
        for rid, role in scenario.roles.items()
        if "submit_plan" in role.powers
    }


def plan_assessors(scenario: Scenario, rid: str) -> tuple[str, ...]:
    """The bodies that judge this organisation's plans: those with `assess_plan` and a ladder that applies to it."""
    return _assessors(scenario).get(rid, ())


def plan_verdict(scenario: Scenario, credibility: int) -> str:
    """The verdict on a plan of this credibility, by the scenario's verdict bands."""
    bands = scenario.balance
    if credibility >= bands.verdict_credible_from:
        return "credible"
    return "needs work" if credibility >= bands.verdict_needs_work_from else "not credible"


# --- what makes a plan credible ----------------------------------------------------------------


def savings_gap(state: GameState, scenario: Scenario, cid: str) -> int:
    return max(0, -forecast(state, scenario, cid))


def scheme_savings(state: GameState, scenario: Scenario, cid: str) -> int:
    """Yearly savings at tariff the consortium's live schemes should release once delivering."""
    base = baseline(scenario)
    total = 0.0
    for investment in state.schemes.values():
        if investment.investor == cid and investment.status != "failed":
            scheme = scenario.schemes[investment.scheme]
            yearly = base.get((cid, scheme.activity), 0.0) * state.tariff[scheme.activity] / 1000 * 12
            total += yearly * scheme.reduction_percent / 100
    return round(total)


@per_state
def realistic_savings(state: GameState, scenario: Scenario, cid: str) -> int:
    """Claims above this look hopeful: `plan_realistic_factor` (1.5) times identified savings plus what
    schemes should release."""
    identified = scenario.roles[cid].finance.identified_savings
    return round(scenario.balance.plan_realistic_factor * (identified + scheme_savings(state, scenario, cid)))


@per_state
def has_analytics(state: GameState, scenario: Scenario, cid: str) -> bool:
    """Analysts behind the numbers: support from the CSU or a private analyst, or referral analytics."""
    for agreement in state.agreements.values():
        if agreement.kind == "support" and agreement.commissioner == cid and is_active(agreement, state.month_index):
            seller = scenario.roles[agreement.provider]
            if seller.kind == "csu" or (seller.kind == "private" and not seller.services):
                return True
    return any(
        s.investor == cid
        and "analytics" in scenario.schemes[s.scheme].purposes
        and s.status in ("maturing", "delivering")
        for s in state.schemes.values()
    )


@cache
def _priority_setters(scenario: Scenario, kind: str) -> tuple[str, ...]:
    """The organisations that may ask one of this kind to commit to their priorities (Bigshire's wellbeing board)."""
    return tuple(
        dict.fromkeys(
            rid
            for route in scenario.routing.commitments
            if kind in route.to
            for rid in scenario.roles_of_kind(*route.by)
        )
    )


@per_state
def shares_needs_assessment(state: GameState, scenario: Scenario, cid: str) -> bool:
    """Its plans already follow the wellbeing board's needs assessment, or it has met, trusts or committed to the
    priorities of the board: the bodies content's commitment routes let ask it to commit to a priority."""
    population = scenario.roles[cid].population
    if population is not None and population.needs_assessment_aligned:
        return True
    boards = _priority_setters(scenario, scenario.roles[cid].kind)
    met = any(
        r.kind == "meeting" and r.status == "closed" and r.source in boards and cid in r.attending
        for r in state.requests.values()
    )
    committed = any(b in state.orgs[cid].committed_to for b in boards)
    return (
        met
        or committed
        or any(state.trust.get(pair_key(cid, b), 50) >= scenario.balance.plan_needs_trust for b in boards)
    )


def credibility(
    state: GameState, scenario: Scenario, cid: str, savings: int, reflects_needs: bool
) -> tuple[int, dict[str, int]]:
    """credibility = 10 + 50 × min(1, min(savings, realistic) / gap) + 20 with analysts + 20 if it truly
    reflects the needs assessment − up to 30 for claims beyond realistic (all 30 at double it), in 0..100
    (the points are the `plan_points_*` numbers of [balance]; these are their defaults)."""
    points = scenario.balance
    gap = savings_gap(state, scenario, cid)
    realistic = realistic_savings(state, scenario, cid)
    coverage = min(1.0, min(savings, realistic) / gap) if gap else 1.0
    hopeful = max(0, savings - realistic)
    parts = {
        "coverage": round(points.plan_points_coverage * coverage),
        "analytics": points.plan_points_analytics if has_analytics(state, scenario, cid) else 0,
        "needs": points.plan_points_needs if reflects_needs and shares_needs_assessment(state, scenario, cid) else 0,
        "hopeful": -min(points.plan_points_hopeful, round(points.plan_points_hopeful * hopeful / max(1, realistic))),
    }
    total = max(0, min(100, points.plan_points_base + sum(parts.values())))
    return total, {**parts, "gap": gap, "realistic": realistic}


@frozen
class PlanJudgement:
    """What a plan assumes and the credibility the rules would give it now, part by part."""

    savings: int
    gap: int  # the savings the forecast to the game's end says are needed
    realistic: int  # claims above this look hopeful
    analytics: bool  # analysts stand behind the numbers
    needs: bool  # the plan gets credit for reflecting the wellbeing board's needs assessment
    credibility: int  # 0..100
    parts: dict[str, int]


def judge_plan(state: GameState, scenario: Scenario, cid: str, savings: int, reflects_needs: bool) -> PlanJudgement:
    """`credibility` with its assumptions spelled out, for a front end to show before a plan is submitted."""
    score, parts = credibility(state, scenario, cid, savings, reflects_needs)
    return PlanJudgement(
        savings=savings,
        gap=parts["gap"],
        realistic=parts["realistic"],
        analytics=parts["analytics"] > 0,
        needs=parts["needs"] > 0,
        credibility=score,
        parts={k: v for k, v in parts.items() if k not in ("gap", "realistic")},
    )
