"""Internal decisions a role's brief offers (cutting beds, selling a site): taken on
the organisation's own initiative, once unless the brief says otherwise."""

from __future__ import annotations

from collections.abc import Container, Iterator

from ..content import Scenario
from ..content.model import Decision, Effect
from ..state import GameState, evolve, replace_org
from ..vocabulary.causes import Cause
from ..vocabulary.events import event
from ..vocabulary.moves import Move, TakeDecision
from ..vocabulary.words import month_label
from . import Handlers, Outcome, refuse
from .closures import announce, closure_doubts
from .conditions import describe, holds
from .effects import apply_effects
from .registry import Judge, MoveKind, handlers_of, no_fields
from .wording import words


def _decision(scenario: Scenario, role: str, decision_id: str) -> Decision | None:
    return next((d for d in scenario.roles[role].decisions if d.id == decision_id), None)


def check_decision(state: GameState, scenario: Scenario, move: TakeDecision):
    decision = _decision(scenario, move.actor, move.decision)
    if decision is None:
        return refuse("unknown_decision", move, "That decision is not open to your organisation.")
    if decision.once and decision.id in state.orgs[move.actor].decisions:
        return refuse(
            "already_decided",
            move,
            f'You have already decided to "{decision.title}"; it cannot be taken again.',
        )
    ready = state.orgs[move.actor].consultations.get(decision.id, 0)
    if state.month_index < ready:
        return refuse(
            "consulting",
            move,
            f'Your member practices are still being consulted on "{decision.title}"; '
            f"you can decide from {month_label(scenario.months[ready])}.",
        )
    condition = decision.condition
    if condition is not None and not holds(state, scenario, condition, move.actor):
        return refuse(
            "not_yet",
            move,
            f'You cannot "{decision.title}" yet: it is open only when {describe(scenario, condition, move.actor)}.',
        )
    return None


def apply_decision(state: GameState, scenario: Scenario, move: TakeDecision, phase: str) -> Outcome:
    """A closure is announced rather than done (`closures`); a decision its practices were consulted on
    comes with their support, in referrals."""
    decision = _decision(scenario, move.actor, move.decision)
    org = state.orgs[move.actor]
    consulted = decision.id in org.consultations
    state = replace_org(state, evolve(org, decisions=(*org.decisions, decision.id)))
    cause = Cause.decision(decision.id)
    more: list = []
    closure = None
    if decision.closure is not None:
        state, more, closure = announce(state, scenario, decision.closure, move.actor, str(cause), (), phase)
    else:
        state, more = apply_effects(state, scenario, decision.effects, move.actor, (), phase, cause)
    events = [
        event(
            state,
            phase,
            "DecisionTaken",
            (move.actor,),
            () if closure else (move.actor,),  # a closure is announced in public
            decision.tags,
            role=move.actor,
            decision=decision.id,
            title=decision.title,
            closure=closure.id if closure else None,
            what=closure.what if closure else None,
            due=closure.due if closure else None,
            consulted=consulted or None,
        )
    ]
    if consulted:
        support = Effect(kind="referrals", target="self", percent=scenario.balance.consultation_referral_percent)
        cause = Cause.consultation(decision.id)
        state, backed = apply_effects(state, scenario, (support,), move.actor, (), phase, cause)
        more = [*more, *backed]
    return state, events + more


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    """Every decision of the role's brief it may take now."""
    if kinds is not None and "TakeDecision" not in kinds:
        return
    for decision in scenario.roles[role].decisions:
        move = TakeDecision(actor=role, decision=decision.id)
        if check_decision(state, scenario, move) is None:
            yield move


def describe_decision(state: GameState, scenario: Scenario, move: TakeDecision) -> str:
    decision = next((x for x in scenario.roles[move.actor].decisions if x.id == move.decision), None)
    if decision is not None and decision.closure is not None:
        months = decision.closure.notice_months
        notice = "a month's" if months == 1 else f"{months} months'"
        return f"Announce: {decision.title} (goes ahead after {notice} notice, unless opposition delays it)"
    return f"Decide: {decision.title if decision else words(move.decision)}"


def score_decision(judge: Judge, move: TakeDecision) -> float:
    """Money decisions when the forecast is bad; rarely two at once. A closure weighs the opposition it will meet."""
    decision = next(d for d in judge.me.decisions if d.id == move.decision)
    org = judge.state.orgs[judge.role]
    taken_now = org.moved_this_turn > 0 and len(org.decisions) > judge.state.month_index // 3
    score = 1.0 + (3.0 if judge.forecast < -15_000 and "money" in decision.tags else 0.0) - (3.0 if taken_now else 0.0)
    consulted = 1.0 if decision.id in org.consultations else 0.0  # its practices expect it now
    return score + consulted - closure_doubts(judge, decision)


def bound_decision(judge: Judge) -> float:
    return 2.0 + (3.0 if judge.forecast < -15_000 else 0.0)


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=TakeDecision,
        check=check_decision,
        apply=apply_decision,
        legal=legal,
        family="decision",
        describe=describe_decision,
        fields=no_fields,
        score=score_decision,
        bound=bound_decision,
    ),
)
HANDLERS: Handlers = handlers_of(KINDS)
