"""Internal decisions a role's brief offers (cutting beds, selling a site): taken on
the organisation's own initiative, once unless the brief says otherwise."""

from __future__ import annotations

from collections.abc import Container, Iterator

from ..content import Scenario
from ..content.model import Decision
from ..state import GameState, evolve, replace_org
from ..vocabulary.events import event
from ..vocabulary.moves import Move, TakeDecision
from . import Handlers, Outcome, refuse
from .conditions import describe, holds
from .effects import apply_effects


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
    condition = decision.condition
    if condition is not None and not holds(state, scenario, condition, move.actor):
        return refuse(
            "not_yet",
            move,
            f'You cannot "{decision.title}" yet: it is open only when {describe(scenario, condition, move.actor)}.',
        )
    return None


def apply_decision(state: GameState, scenario: Scenario, move: TakeDecision, phase: str) -> Outcome:
    decision = _decision(scenario, move.actor, move.decision)
    org = state.orgs[move.actor]
    state = replace_org(state, evolve(org, decisions=(*org.decisions, decision.id)))
    events = [
        event(
            state,
            phase,
            "DecisionTaken",
            (move.actor,),
            (move.actor,),
            decision.tags,
            role=move.actor,
            decision=decision.id,
            title=decision.title,
        )
    ]
    state, more = apply_effects(state, scenario, decision.effects, move.actor, (), phase, f"decision:{decision.id}")
    return state, events + more


HANDLERS: Handlers = {"TakeDecision": (check_decision, apply_decision)}


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    """Every decision of the role's brief it may take now."""
    if kinds is not None and "TakeDecision" not in kinds:
        return
    for decision in scenario.roles[role].decisions:
        move = TakeDecision(actor=role, decision=decision.id)
        if check_decision(state, scenario, move) is None:
            yield move
