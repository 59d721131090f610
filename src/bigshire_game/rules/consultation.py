"""Consulting member practices: a consortium may put a decision to its practices before taking it. The decision
waits a month; when it is taken, the practices back it, and their referrals fall (`decisions` applies that).

Only an organisation with member practices (a consortium, by its role file) can consult them.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from ..content import Scenario
from ..state import GameState, evolve, replace_org
from ..vocabulary.events import event
from ..vocabulary.moves import ConsultPractices, Move, TakeDecision
from . import Handlers, Outcome, refuse
from .closures import last_month
from .decisions import check_decision, score_decision
from .registry import NOT_AT_ALL, Judge, MoveKind, handlers_of, no_fields

_PRACTICE_EFFECTS = ("referrals", "demand")  # effects on what practices do


def check_consult(state: GameState, scenario: Scenario, move: ConsultPractices):
    role = scenario.roles[move.actor]
    if not role.practices:
        return refuse("no_practices", move, "Your organisation has no member practices to consult.")
    decision = next((d for d in role.decisions if d.id == move.decision), None)
    if decision is None:
        return refuse("unknown_decision", move, "That decision is not open to your organisation.")
    if decision.id in state.orgs[move.actor].consultations:
        return refuse("already_consulted", move, f'Your practices have already been consulted on "{decision.title}".')
    if last_month(state, scenario) + 1 >= len(scenario.months):
        return refuse("no_time", move, "There is no month left to consult your practices and still decide.")
    return check_decision(state, scenario, TakeDecision(actor=move.actor, decision=move.decision))


def apply_consult(state: GameState, scenario: Scenario, move: ConsultPractices, phase: str) -> Outcome:
    org = state.orgs[move.actor]
    ready = last_month(state, scenario) + 1
    state = replace_org(state, evolve(org, consultations={**org.consultations, move.decision: ready}))
    decision = next(d for d in scenario.roles[move.actor].decisions if d.id == move.decision)
    return state, [
        event(
            state,
            phase,
            "PracticesConsulted",
            (move.actor,),
            (move.actor,),
            ("governance",),
            role=move.actor,
            decision=decision.id,
            title=decision.title,
            until=ready,
        )
    ]


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    """Every open decision of a consortium's brief not yet put to its practices."""
    if (kinds is not None and "ConsultPractices" not in kinds) or not scenario.roles[role].practices:
        return
    for decision in scenario.roles[role].decisions:
        move = ConsultPractices(actor=role, decision=decision.id)
        if check_consult(state, scenario, move) is None:
            yield move


def describe_consult(state: GameState, scenario: Scenario, move: ConsultPractices) -> str:
    decision = next((d for d in scenario.roles[move.actor].decisions if d.id == move.decision), None)
    title = decision.title if decision else move.decision
    return f'Consult your practices first: "{title}" (decide next month, with their backing)'


def score_consult(judge: Judge, move: ConsultPractices) -> float | None:
    """A collaborator consults on what it means to decide anyway and what touches its practices' work (their
    referrals, the care they can offer), the more so the more cautious it is."""
    collaborate = judge.weight("collaborate")
    decision = next((d for d in judge.me.decisions if d.id == move.decision), None)
    if not collaborate or decision is None or not any(e.kind in _PRACTICE_EFFECTS for e in decision.effects):
        return NOT_AT_ALL
    keen = score_decision(judge, TakeDecision(actor=judge.role, decision=move.decision))
    return keen - 1.0 + 2.0 * collaborate * (0.5 + judge.settings.caution)


def bound_consult(judge: Judge) -> float:
    return 4.0 - 1.0 + 2.0 * judge.weight("collaborate") * (0.5 + judge.settings.caution)


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=ConsultPractices,
        check=check_consult,
        apply=apply_consult,
        legal=legal,
        family="decision",
        describe=describe_consult,
        fields=no_fields,
        score=score_consult,
        bound=bound_consult,
    ),
)
HANDLERS: Handlers = handlers_of(KINDS)
