"""Plans: consortia's financial plans, their credibility and challenges to them, the
Board's plan deadline, and bids for transitional funding from the top-slice.

Credibility rewards savings that are backed (identified, invested in, supported by
analysts, shared with the wellbeing board) and marks down hopeful claims.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from attrs import frozen

from ..content import Scenario
from ..state import GameState, Request, evolve, new_id, pair_key, replace_org
from ..vocabulary.events import Event, event
from ..vocabulary.moves import BidForFunding, ChallengePlan, DecideFunding, Move, SubmitPlan
from . import Handlers, Outcome, dialogue, name_of, refuse, regulation
from .economy import baseline, forecast, is_active, transfer
from .registry import Judge, MoveKind, at_most, handlers_of, no_fields, plain_fields
from .wording import money, possessive, short

ANALYTICS_SCHEMES = frozenset({"referral_analytics"})
MAX_BID = 10_000
DEFAULT_BID = 2_000
FUNDING_REASON = "Bid for transitional funding"
NO_PLAN_REASON = "No financial plan by the deadline"


def _board(scenario: Scenario) -> str | None:
    """The body holding the top-slice: the first with the power to award funding."""
    return next((rid for rid, role in scenario.roles.items() if "award_funding" in role.powers), None)


def _is_consortium(state: GameState, rid: str) -> bool:
    return rid in state.orgs and state.orgs[rid].kind == "consortium"


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


def realistic_savings(state: GameState, scenario: Scenario, cid: str) -> int:
    """Claims above this look hopeful: `plan_realistic_factor` (1.5) times identified savings plus what
    schemes should release."""
    identified = scenario.roles[cid].finance.identified_savings
    return round(scenario.balance.plan_realistic_factor * (identified + scheme_savings(state, scenario, cid)))


def has_analytics(state: GameState, scenario: Scenario, cid: str) -> bool:
    """Analysts behind the numbers: support from the CSU or a private analyst, or referral analytics."""
    for agreement in state.agreements.values():
        if agreement.kind == "support" and agreement.commissioner == cid and is_active(agreement, state.month_index):
            seller = scenario.roles[agreement.provider]
            if seller.kind == "csu" or (seller.kind == "private" and not seller.services):
                return True
    return any(
        s.investor == cid and s.scheme in ANALYTICS_SCHEMES and s.status in ("maturing", "delivering")
        for s in state.schemes.values()
    )


def shares_needs_assessment(state: GameState, scenario: Scenario, cid: str) -> bool:
    """Its plans already follow the wellbeing board's needs assessment, or it has met or trusts the board."""
    population = scenario.roles[cid].population
    if population is not None and population.needs_assessment_aligned:
        return True
    boards = scenario.roles_of_kind("hwb")
    met = any(
        r.kind == "meeting" and r.status == "closed" and r.source in boards and cid in r.attending
        for r in state.requests.values()
    )
    return met or any(state.trust.get(pair_key(cid, b), 50) >= scenario.balance.plan_needs_trust for b in boards)


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
    gap: int  # the savings the year-end forecast says are needed
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


# --- plans -----------------------------------------------------------------------------------


def check_submit(state: GameState, scenario: Scenario, move: SubmitPlan):
    if not _is_consortium(state, move.actor):
        return refuse("not_a_consortium", move, "Only consortia submit financial plans.")
    if move.savings < 0:
        return refuse("bad_savings", move, "Savings cannot be negative.")
    return None


def _deadline(state: GameState, scenario: Scenario) -> int:
    deadline = str(state.rules["plan_deadline"])
    return scenario.months.index(deadline) if deadline in scenario.months else len(scenario.months)


def apply_submit(state: GameState, scenario: Scenario, move: SubmitPlan, phase: str) -> Outcome:
    """A new plan replaces the last; one submitted after the deadline month is marked late."""
    score, parts = credibility(state, scenario, move.actor, move.savings, move.reflects_needs_assessment)
    org = state.orgs[move.actor]
    state = replace_org(state, evolve(org, plan_credibility=score, plan_savings=move.savings, plan_assessed=False))
    board = _board(scenario)
    audience = (move.actor, board) if board else (move.actor,)
    late = state.month_index > _deadline(state, scenario)
    return state, [
        event(
            state,
            phase,
            "PlanSubmitted",
            (move.actor,),
            audience,
            ("money", "strategy"),
            consortium=move.actor,
            savings=move.savings,
            credibility=score,
            late=late,
            reflects_needs_assessment=move.reflects_needs_assessment,
            **parts,
        )
    ]


def check_challenge(state: GameState, scenario: Scenario, move: ChallengePlan):
    if not _is_consortium(state, move.consortium) or state.orgs[move.consortium].plan_credibility < 0:
        return refuse("no_plan", move, f"{name_of(scenario, move.consortium)} has no financial plan to challenge.")
    if move.consortium == move.actor:
        return refuse("own_plan", move, "You cannot challenge your own plan; submit a new one instead.")
    if _regulates(scenario, move.actor):
        return refuse(
            "regulator",
            move,
            f"{name_of(scenario, move.actor)} is a regulator: it judges only the plans it assesses, by assessing them, "
            "and does not challenge others' plans in public.",
        )
    return None


def _regulates(scenario: Scenario, rid: str) -> bool:
    """Regulators judge plans only by assessing those submitted to them; they leave public challenges to others."""
    return bool({"assess_plan", "impose_sanction"} & set(scenario.roles[rid].powers))


def apply_challenge(state: GameState, scenario: Scenario, move: ChallengePlan, phase: str) -> Outcome:
    """A public challenge dents the plan's credibility and the relationship."""
    org = state.orgs[move.consortium]
    score = max(0, org.plan_credibility - scenario.balance.plan_challenge_cost)
    state = replace_org(state, evolve(org, plan_credibility=score, plan_assessed=False))
    events = [
        event(
            state,
            phase,
            "PlanChallenged",
            (move.actor, move.consortium),
            topics=("money",),
            consortium=move.consortium,
            by=move.actor,
            credibility=score,
            change=score - org.plan_credibility,
        )
    ]
    state, more = dialogue.change_trust(
        state, scenario, move.actor, move.consortium, scenario.balance.plan_challenge_trust, phase, "plan challenged"
    )
    return state, events + more


def plan_deadline(state: GameState, scenario: Scenario, phase: str) -> Outcome:
    """At the end of the deadline month, every consortium without a plan goes on the Board's agenda."""
    board = _board(scenario)
    if board is None or str(state.rules["plan_deadline"]) not in scenario.turns[state.turn]:
        return state, []
    ladder = regulation.ladder_for(scenario, state.orgs[board].kind, "consortium")
    events: list[Event] = []
    for cid in scenario.roles_of_kind("consortium"):
        if state.orgs[cid].plan_credibility < 0:
            state, more = regulation.add_agenda_item(
                state, phase, board, cid, NO_PLAN_REASON, ladder.id if ladder else "", once=True
            )
            events += more
    return state, events


# --- transitional funding --------------------------------------------------------------------


def _open_bid(state: GameState, cid: str) -> Request | None:
    return next(
        (r for r in dialogue.open_requests(state) if r.kind == "funding" and r.source == cid),
        None,
    )


def check_bid(state: GameState, scenario: Scenario, move: BidForFunding):
    if not _is_consortium(state, move.actor):
        return refuse("not_a_consortium", move, "Only consortia can bid for transitional funding.")
    if _board(scenario) is None:
        return refuse("no_board", move, "Nobody holds a top-slice to bid for in this scenario.")
    if not 0 < move.amount <= MAX_BID:
        return refuse("bad_amount", move, f"A bid must be for more than £0k and at most £{MAX_BID:,}k.")
    if _open_bid(state, move.actor):
        return refuse("bid_open", move, "Your last bid is still waiting for the Board's decision.")
    return None


def apply_bid(state: GameState, scenario: Scenario, move: BidForFunding, phase: str) -> Outcome:
    """The bid waits in the Board's inbox and on its agenda until decided: a request for help, never grounds for
    a sanction."""
    board = _board(scenario)
    bid, state = new_id(state, "R")
    request = Request(
        id=bid,
        kind="funding",
        source=move.actor,
        to=(board,),
        topic="money",
        amount=move.amount,
        opened=state.month_index,
    )
    state = dialogue.put_request(state, request)
    events = [
        event(
            state,
            phase,
            "FundingBid",
            (move.actor,),
            (move.actor, board),
            ("money",),
            bid=bid,
            by=move.actor,
            to=(board,),
            amount=move.amount,
        )
    ]
    state, more = regulation.add_agenda_item(
        state, phase, board, move.actor, f"{FUNDING_REASON}: £{move.amount:,}k", kind="help"
    )
    return state, events + more


def check_decide(state: GameState, scenario: Scenario, move: DecideFunding):
    if "award_funding" not in scenario.roles[move.actor].powers:
        return refuse("no_power", move, "Only the NHS Commissioning Board awards transitional funding.")
    bid, refusal = dialogue.open_request(state, scenario, move, move.bid, ("funding",))
    if refusal is not None:
        return refusal
    if not 0 <= move.award <= bid.amount:
        return refuse("bad_award", move, f"Award between £0k and the £{bid.amount:,}k asked for.")
    pool = state.orgs[move.actor].balance
    if move.award > pool:
        return refuse(
            "pool_too_small",
            move,
            f"The top-slice pool holds only £{max(0, pool):,}k, not enough to award £{move.award:,}k.",
            pool=pool,
        )
    return None


def apply_decide(state: GameState, scenario: Scenario, move: DecideFunding, phase: str) -> Outcome:
    """The award moves from the pool to the consortium; nothing is created. The bid is answered either way."""
    bid = state.requests[move.bid]
    state = transfer(state, move.actor, bid.source, move.award)
    done = {
        k: evolve(item, status="acted")
        for k, item in state.agendas.items()
        if item.status == "open" and item.regulator == move.actor and item.subject == bid.source and item.kind == "help"
    }
    state = evolve(state, agendas={**state.agendas, **done})
    events = [
        event(
            state,
            phase,
            "FundingAwarded",
            (move.actor, bid.source),
            topics=("money",),
            bid=bid.id,
            consortium=bid.source,
            requested=bid.amount,
            awarded=move.award,
        )
    ]
    answer = f"Awarded £{move.award:,}k of £{bid.amount:,}k" if move.award else "Bid refused"
    state, more = dialogue.answer_request(state, scenario, phase, bid.id, move.actor, answer)
    return state, events + more


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    me = scenario.roles[role]
    if me.kind == "consortium":
        if kinds is None or "SubmitPlan" in kinds:
            identified = me.finance.identified_savings
            hopeful = max(savings_gap(state, scenario, role), 3 * identified)
            for savings in dict.fromkeys((identified, hopeful)):
                yield SubmitPlan(actor=role, savings=savings, reflects_needs_assessment=True)
        wanted = kinds is None or "BidForFunding" in kinds
        if wanted and _board(scenario) and forecast(state, scenario, role) < 0 and not _open_bid(state, role):
            yield BidForFunding(actor=role, amount=DEFAULT_BID)
    challenging = (kinds is None or "ChallengePlan" in kinds) and not _regulates(scenario, role)
    for cid in scenario.roles_of_kind("consortium") if challenging else ():
        if cid != role and state.orgs[cid].plan_credibility >= 0:
            yield ChallengePlan(actor=role, consortium=cid)
    if "award_funding" in me.powers:
        pool = state.orgs[role].balance
        for bid in dialogue.open_requests(state):
            if bid.kind == "funding" and role in bid.to:
                for award in dict.fromkeys((min(bid.amount, max(0, pool)), bid.amount // 2, 0)):
                    if award <= pool:
                        yield DecideFunding(actor=role, bid=bid.id, award=award)


# --- the kinds -----------------------------------------------------------------------------------


def describe_submit(state: GameState, scenario: Scenario, move: SubmitPlan) -> str:
    return f"Submit a financial plan with {money(move.savings)} of savings"


def describe_challenge(state: GameState, scenario: Scenario, move: ChallengePlan) -> str:
    return f"Challenge {possessive(short(scenario, move.consortium))} financial plan"


def describe_bid(state: GameState, scenario: Scenario, move: BidForFunding) -> str:
    return f"Bid for {money(move.amount)} of transitional funding"


def describe_decide(state: GameState, scenario: Scenario, move: DecideFunding) -> str:
    bid = state.requests.get(move.bid)
    who = short(scenario, bid.source) if bid else "?"
    return f"Award {who} {money(move.award)}" if move.award else f"Refuse {possessive(who)} bid"


def bound_submit(judge: Judge) -> float:
    return 8.0 if judge.state.orgs[judge.role].plan_credibility < 0 else 0.0


def score_submit(judge: Judge, move: SubmitPlan) -> float:
    """A first plan is urgent; a cautious consortium shies from hopeful savings."""
    hopeful = move.savings > judge.me.finance.identified_savings
    return bound_submit(judge) + (-2.0 * judge.settings.caution if hopeful else 0.0)


def score_challenge(judge: Judge, move: ChallengePlan) -> float:
    return 1.0 + (3.0 if "speak_up" in judge.wants or "enforce" in judge.wants else 0.0)


def bound_bid(judge: Judge) -> float:
    return 4.0 + (2.0 if "look_to_centre" in judge.wants else 0.0) if judge.forecast < -5_000 else 0.0


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=SubmitPlan,
        check=check_submit,
        apply=apply_submit,
        legal=legal,
        family="plan",
        describe=describe_submit,
        fields=plain_fields(("savings", "Savings in the plan, £k", int)),
        score=score_submit,
        bound=bound_submit,
    ),
    MoveKind(
        move=ChallengePlan,
        check=check_challenge,
        apply=apply_challenge,
        legal=legal,
        family="plan",
        describe=describe_challenge,
        fields=no_fields,
        score=score_challenge,
        bound=lambda judge: score_challenge(judge, None),
    ),
    MoveKind(
        move=BidForFunding,
        check=check_bid,
        apply=apply_bid,
        legal=legal,
        family="plan",
        describe=describe_bid,
        fields=plain_fields(("amount", "Amount to bid for, £k", int)),
        score=lambda judge, move: bound_bid(judge),
        bound=bound_bid,
    ),
    MoveKind(
        move=DecideFunding,
        check=check_decide,
        apply=apply_decide,
        legal=legal,
        family="inbox",
        describe=describe_decide,
        fields=plain_fields(("award", "Award, £k", int)),
        score=lambda judge, move: 6.0 if move.award > 0 else 2.0,
        bound=at_most(6.0),
        follow_up=True,
    ),
)
HANDLERS: Handlers = handlers_of(KINDS)
