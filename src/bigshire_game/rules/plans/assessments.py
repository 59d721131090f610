"""Judging financial plans: an assessor's verdict, given to the submitter, and its judgement in public that a plan
is unrealistic, which the whole room hears.

Only the submitter's assessors judge its plans (`plan_assessors`): the Board judges the consortia's, Monitor the
foundation trusts'; neither can judge the other's. A verdict is evidence: a plan found not credible, or called
unrealistic, puts the submitter on the assessor's agenda, on the ladder that applies to it; only the assessor's
own move then climbs it (for a trust, towards enforcement undertakings).
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from ...content import Scenario
from ...state import GameState, evolve, ladder_key, replace_org
from ...vocabulary.events import event
from ...vocabulary.moves import AssessPlan, CallPlanUnrealistic, Move
from .. import Outcome, name_of, refuse
from ..agenda import add_agenda_item, ladder_for
from ..registry import Judge, MoveKind, at_most, no_fields
from ..wording import names, possessive, short
from .credibility import judge_plan, plan_assessors, plan_verdict, plans_in_play, realistic_savings, submits_plans

NOT_CREDIBLE = "Financial plan not credible"
UNREALISTIC = "Financial plan called unrealistic in public"
CALL_FROM_STEP = 2  # a bot calls an honest plan that is not credible unrealistic only from this step of its ladder


def _check_judge(state: GameState, scenario: Scenario, move: AssessPlan | CallPlanUnrealistic):
    """The refusal for a mover who may not judge this plan, or None."""
    me = scenario.roles.get(move.actor)
    if me is None or "assess_plan" not in me.powers:
        return refuse("no_power", move, f"{name_of(scenario, move.actor)} does not judge financial plans.")
    if not submits_plans(scenario, move.submitter) or move.submitter not in state.orgs:
        return refuse("no_plans", move, f"{name_of(scenario, move.submitter)} does not submit financial plans.")
    judges = plan_assessors(scenario, move.submitter)
    if move.actor not in judges:
        who = names(scenario, judges) or "nobody in this scenario"
        return refuse(
            "not_your_plan",
            move,
            f"{name_of(scenario, move.actor)} does not judge {possessive(name_of(scenario, move.submitter))} "
            f"financial plans; {who} does.",
        )
    if state.orgs[move.submitter].plan_credibility < 0:
        return refuse("no_plan", move, f"{name_of(scenario, move.submitter)} has not submitted a financial plan yet.")
    return None


def _to_agenda(state: GameState, scenario: Scenario, phase: str, judge: str, subject: str, reason: str) -> Outcome:
    ladder = ladder_for(scenario, scenario.roles[judge].kind, state.orgs[subject].kind)
    return add_agenda_item(
        state, phase, "plan_assessment", judge, subject, reason, ladder.id if ladder else "", once=True
    )


def check_assess(state: GameState, scenario: Scenario, move: AssessPlan):
    refusal = _check_judge(state, scenario, move)
    if refusal is None and state.orgs[move.submitter].plan_assessed:
        return refuse(
            "already_assessed",
            move,
            f"{name_of(scenario, move.actor)} has already judged {possessive(name_of(scenario, move.submitter))} "
            "plan; it can judge it again once it changes.",
        )
    return refusal


def apply_assess(state: GameState, scenario: Scenario, move: AssessPlan, phase: str) -> Outcome:
    org = state.orgs[move.submitter]
    credibility = org.plan_credibility
    verdict = plan_verdict(scenario, credibility)
    state = replace_org(state, evolve(org, plan_assessed=True))
    events = [
        event(
            state,
            phase,
            "PlanAssessed",
            (move.actor, move.submitter),
            (move.submitter, move.actor),
            ("money",),
            submitter=move.submitter,
            credibility=credibility,
            verdict=verdict,
        )
    ]
    if verdict == "not credible":
        state, more = _to_agenda(state, scenario, phase, move.actor, move.submitter, NOT_CREDIBLE)
        events += more
    return state, events


def check_call(state: GameState, scenario: Scenario, move: CallPlanUnrealistic):
    refusal = _check_judge(state, scenario, move)
    if refusal is not None:
        return refusal
    org = state.orgs[move.submitter]
    whose = possessive(name_of(scenario, move.submitter))
    if not org.plan_assessed:
        return refuse("not_assessed", move, f"Assess {whose} plan before saying in public what you make of it.")
    if plan_verdict(scenario, org.plan_credibility) == "credible":
        return refuse("credible", move, f"You judged {whose} plan credible; you cannot call it unrealistic.")
    if org.plan_unrealistic:
        return refuse("already_called", move, f"You have already called {whose} plan unrealistic in public.")
    return None


def apply_call(state: GameState, scenario: Scenario, move: CallPlanUnrealistic, phase: str) -> Outcome:
    """The whole room hears it; the submitter goes on the caller's agenda, with undertakings the next steps of the
    ladder. It stands until a new plan replaces this one."""
    org = state.orgs[move.submitter]
    judged = judge_plan(state, scenario, move.submitter, org.plan_savings, False)
    ladder = ladder_for(scenario, scenario.roles[move.actor].kind, org.kind)
    state = replace_org(state, evolve(org, plan_unrealistic=True))
    events = [
        event(
            state,
            phase,
            "PlanCalledUnrealistic",
            (move.actor, move.submitter),
            topics=("money",),
            submitter=move.submitter,
            credibility=org.plan_credibility,
            savings=org.plan_savings,
            realistic=judged.realistic,
            gap=judged.gap,
            ladder=ladder.id if ladder else None,
            level=state.ladders.get(ladder_key(ladder.id, move.submitter), 0) if ladder else None,
        )
    ]
    state, more = _to_agenda(state, scenario, phase, move.actor, move.submitter, UNREALISTIC)
    return state, events + more


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    if "assess_plan" not in scenario.roles[role].powers or not plans_in_play(scenario):
        return
    for rid in scenario.roles:
        org = state.orgs[rid]
        if role not in plan_assessors(scenario, rid) or org.plan_credibility < 0:
            continue
        if not org.plan_assessed:
            yield AssessPlan(actor=role, submitter=rid)
        elif not org.plan_unrealistic and plan_verdict(scenario, org.plan_credibility) != "credible":
            yield CallPlanUnrealistic(actor=role, submitter=rid)


# --- the kinds -----------------------------------------------------------------------------------


def describe_assess(state: GameState, scenario: Scenario, move: AssessPlan) -> str:
    return f"Assess {possessive(short(scenario, move.submitter))} financial plan"


def describe_call(state: GameState, scenario: Scenario, move: CallPlanUnrealistic) -> str:
    return f"Say in public that {possessive(short(scenario, move.submitter))} financial plan is unrealistic"


def score_call(judge: Judge, move: CallPlanUnrealistic) -> float:
    """A plan that claims more than looks realistic, or a plan not credible from an organisation already two steps
    up the caller's ladder (for a trust, undertakings come next); readily only by a regulator that enforces."""
    state, scenario = judge.state, judge.scenario
    org = state.orgs[move.submitter]
    hopeful = org.plan_savings > realistic_savings(state, scenario, move.submitter)
    ladder = ladder_for(scenario, judge.me.kind, org.kind)
    climbed = state.ladders.get(ladder_key(ladder.id, move.submitter), 0) if ladder else 0
    failing = climbed >= CALL_FROM_STEP and plan_verdict(scenario, org.plan_credibility) == "not credible"
    return 3.0 + (2.0 if "enforce" in judge.wants else 0.0) if hopeful or failing else 0.0


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=AssessPlan,
        power="assess_plan",
        check=check_assess,
        apply=apply_assess,
        legal=legal,
        family="regulate",
        describe=describe_assess,
        fields=no_fields,
        score=lambda judge, move: 6.0,
        bound=at_most(6.0),
        follow_up=True,
    ),
    MoveKind(
        move=CallPlanUnrealistic,
        power="assess_plan",
        check=check_call,
        apply=apply_call,
        legal=legal,
        family="regulate",
        describe=describe_call,
        fields=no_fields,
        score=score_call,
        bound=at_most(5.0),
        follow_up=True,
    ),
)
