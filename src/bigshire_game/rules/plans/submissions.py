"""Submitting financial plans, challenging a consortium's plan, and the plan deadline.

Who submits is content (the `submit_plan` power): the consortia, and the foundation trusts with their recovery
plans. Submitting a plan never puts anyone on an agenda by itself; only a judge's verdict or a trigger does.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from ...content import Scenario
from ...state import GameState, evolve, replace_org
from ...vocabulary.causes import Cause
from ...vocabulary.events import Event, event
from ...vocabulary.moves import ChallengePlan, Move, SubmitPlan
from .. import Outcome, dialogue, name_of, refuse
from ..agenda import add_agenda_item, ladder_for
from ..registry import Judge, MoveKind, no_fields, plain_fields
from ..wording import money, possessive, short
from .credibility import credibility, plan_assessors, savings_gap, submits_plans

NO_PLAN_REASON = "No financial plan by the deadline"
BETTER_BY = 15  # credibility points a new plan must gain over the standing one before a bot submits it


def _is_consortium(state: GameState, rid: str) -> bool:
    return rid in state.orgs and state.orgs[rid].kind == "consortium"


def check_submit(state: GameState, scenario: Scenario, move: SubmitPlan):
    if not submits_plans(scenario, move.actor):
        return refuse("no_plans", move, f"{name_of(scenario, move.actor)} does not submit financial plans.")
    if move.savings < 0:
        return refuse("bad_savings", move, "Savings cannot be negative.")
    return None


def _deadline(state: GameState, scenario: Scenario) -> int:
    deadline = state.rules.plan_deadline
    return scenario.months.index(deadline) if deadline in scenario.months else len(scenario.months)


def apply_submit(state: GameState, scenario: Scenario, move: SubmitPlan, phase: str) -> Outcome:
    """A new plan replaces the last, unjudged (a revision); a first plan after the deadline month is late. It goes
    to whoever assesses the submitter's plans, and puts nobody on an agenda."""
    score, parts = credibility(state, scenario, move.actor, move.savings, move.reflects_needs_assessment)
    org = state.orgs[move.actor]
    state = replace_org(
        state,
        evolve(org, plan_credibility=score, plan_savings=move.savings, plan_assessed=False, plan_unrealistic=False),
    )
    revised = org.plan_credibility >= 0
    late = not revised and state.month_index > _deadline(state, scenario)
    return state, [
        event(
            state,
            phase,
            "PlanSubmitted",
            (move.actor,),
            (move.actor, *plan_assessors(scenario, move.actor)),
            ("money", "strategy"),
            submitter=move.actor,
            savings=move.savings,
            credibility=score,
            late=late,
            revised=revised or None,
            reflects_needs_assessment=move.reflects_needs_assessment,
            **parts,
        )
    ]


def _regulates(scenario: Scenario, rid: str) -> bool:
    """Regulators judge plans only by assessing those submitted to them; they leave public challenges to others."""
    return bool({"assess_plan", "impose_sanction"} & set(scenario.roles[rid].powers))


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
        state,
        scenario,
        move.actor,
        move.consortium,
        scenario.balance.plan_challenge_trust,
        phase,
        Cause.plan_challenge(),
    )
    return state, events + more


def plan_deadline(state: GameState, scenario: Scenario, phase: str) -> Outcome:
    """At the end of the deadline month, everyone who submits plans and has none goes on its assessors' agendas."""
    if state.rules.plan_deadline not in scenario.turns[state.turn]:
        return state, []
    events: list[Event] = []
    for rid, role in scenario.roles.items():
        if state.orgs[rid].plan_credibility >= 0:
            continue
        for judge in plan_assessors(scenario, rid):
            ladder = ladder_for(scenario, scenario.roles[judge].kind, role.kind)
            state, more = add_agenda_item(
                state, phase, "missing_plan", judge, rid, NO_PLAN_REASON, ladder.id if ladder else "", once=True
            )
            events += more
    return state, events


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    me = scenario.roles[role]
    if submits_plans(scenario, role) and (kinds is None or "SubmitPlan" in kinds):
        identified = me.finance.identified_savings
        hopeful = max(savings_gap(state, scenario, role), 3 * identified)
        for savings in dict.fromkeys((identified, hopeful)):
            yield SubmitPlan(actor=role, savings=savings, reflects_needs_assessment=True)
    challenging = (kinds is None or "ChallengePlan" in kinds) and not _regulates(scenario, role)
    for cid in scenario.roles_of_kind("consortium") if challenging else ():
        if cid != role and state.orgs[cid].plan_credibility >= 0:
            yield ChallengePlan(actor=role, consortium=cid)


# --- the kinds -----------------------------------------------------------------------------------


def describe_submit(state: GameState, scenario: Scenario, move: SubmitPlan) -> str:
    return f"Submit a financial plan with {money(move.savings)} of savings"


def describe_challenge(state: GameState, scenario: Scenario, move: ChallengePlan) -> str:
    return f"Challenge {possessive(short(scenario, move.consortium))} financial plan"


def bound_submit(judge: Judge) -> float:
    """A first plan is urgent; a new one is worth drawing up after a judge has called the last unrealistic in
    public, or while a deficit lasts, but only if it would be clearly more credible (see `score_submit`)."""
    org = judge.state.orgs[judge.role]
    if org.plan_credibility < 0:
        return 8.0
    if org.plan_unrealistic:
        return 6.0
    return 5.0 if judge.forecast < 0 else 0.0


def score_submit(judge: Judge, move: SubmitPlan) -> float:
    """A cautious organisation shies from hopeful savings. A plan replaces the one standing only when it would be
    `BETTER_BY` points more credible than that one is now."""
    first = bound_submit(judge)
    org = judge.state.orgs[judge.role]
    if first and org.plan_credibility >= 0:
        state, scenario = judge.state, judge.scenario
        standing, _ = credibility(state, scenario, judge.role, org.plan_savings, move.reflects_needs_assessment)
        new, _ = credibility(state, scenario, judge.role, move.savings, move.reflects_needs_assessment)
        if new < standing + BETTER_BY:
            return 0.0
    hopeful = move.savings > judge.me.finance.identified_savings
    return first - (2.0 * judge.settings.caution if hopeful else 0.0)


def score_challenge(judge: Judge, move: ChallengePlan) -> float:
    return 1.0 + (3.0 if "speak_up" in judge.wants or "enforce" in judge.wants else 0.0)


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=SubmitPlan,
        power="submit_plan",
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
        power="scrutinise",
        check=check_challenge,
        apply=apply_challenge,
        legal=legal,
        family="plan",
        describe=describe_challenge,
        fields=no_fields,
        score=score_challenge,
        bound=lambda judge: score_challenge(judge, None),
    ),
)
