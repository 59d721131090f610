"""The moves about a closure: opposing it, going ahead before its date anyway, and backing down."""

from __future__ import annotations

from collections.abc import Container, Iterator

from ...content import Scenario
from ...state import GameState, evolve
from ...vocabulary.events import event
from ...vocabulary.moves import Move, OpposeClosure, ProceedWithClosure, WithdrawClosure
from .. import Outcome, refuse
from .record import OPEN, TOPICS, about, cost_of, go_ahead, is_strong, last_month, may_object, put


def _announced(state: GameState, move: Move, closure_id: str):
    closure = state.closures.get(closure_id)
    if closure is None:
        return None, refuse("unknown_closure", move, "There is no such closure.")
    if closure.status != OPEN:
        done = "has already gone ahead" if closure.status == "done" else "has been withdrawn"
        return None, refuse("closure_settled", move, f"The closure of {closure.what} {done}.")
    return closure, None


# --- the moves ------------------------------------------------------------------------------------


def check_oppose(state: GameState, scenario: Scenario, move: OpposeClosure):
    closure, refusal = _announced(state, move, move.closure)
    if refusal:
        return refusal
    if move.actor == closure.owner:
        return refuse("own_closure", move, "You cannot oppose your own closure; withdraw it instead.")
    if move.actor in closure.objectors:
        return refuse("already_opposed", move, f"You have already registered opposition to closing {closure.what}.")
    if not may_object(scenario, closure, move.actor):
        return refuse(
            "cannot_object",
            move,
            f"Your organisation has no standing to oppose closing {closure.what}: "
            "it is for those whose population it affects and those who scrutinise in public.",
        )
    return None


def apply_oppose(state: GameState, scenario: Scenario, move: OpposeClosure, phase: str) -> Outcome:
    """Every objection adds to the cost; a strong one puts the date back a month, up to the limit."""
    closure = state.closures[move.closure]
    strong = is_strong(scenario, closure, move.actor)
    closure = evolve(
        closure,
        objectors=(*closure.objectors, move.actor),
        strong=(*closure.strong, move.actor) if strong else closure.strong,
    )
    limit = scenario.balance.closure_delay_limit
    delayed = strong and closure.delay < limit
    if delayed:
        closure = evolve(closure, due=closure.due + 1, delay=closure.delay + 1)
    state = put(state, closure)
    events = [
        event(
            state,
            phase,
            "ClosureOpposed",
            (move.actor,),
            (),
            TOPICS,
            **about(closure),
            by=move.actor,
            strong=strong,
            grounds=move.grounds,
            cost=cost_of(scenario, closure),
            objections=len(closure.objectors),
        )
    ]
    if delayed:
        events.append(
            event(
                state,
                phase,
                "ClosureDelayed",
                (closure.owner,),
                (),
                TOPICS,
                **about(closure),
                due=closure.due,
                delay=closure.delay,
                limit=limit,
            )
        )
    return state, events


def _owned(state: GameState, move: Move, closure_id: str):
    closure, refusal = _announced(state, move, closure_id)
    if refusal is None and closure.owner != move.actor:
        return None, refuse("not_your_closure", move, "Only the organisation that announced it can decide this.")
    return closure, refusal


def check_proceed(state: GameState, scenario: Scenario, move: ProceedWithClosure):
    closure, refusal = _owned(state, move, move.closure)
    if refusal:
        return refusal
    if closure.due <= last_month(state, scenario):
        return refuse("already_due", move, f"The closure of {closure.what} goes ahead at this month's end anyway.")
    return None


def apply_proceed(state: GameState, scenario: Scenario, move: ProceedWithClosure, phase: str) -> Outcome:
    return go_ahead(state, scenario, state.closures[move.closure], phase, anyway=True)


def check_withdraw(state: GameState, scenario: Scenario, move: WithdrawClosure):
    _, refusal = _owned(state, move, move.closure)
    return refusal


def apply_withdraw(state: GameState, scenario: Scenario, move: WithdrawClosure, phase: str) -> Outcome:
    closure = evolve(state.closures[move.closure], status="withdrawn")
    state = put(state, closure)
    return state, [
        event(
            state,
            phase,
            "ClosureWithdrawn",
            (closure.owner,),
            (),
            TOPICS,
            **about(closure),
            objectors=closure.objectors,
        )
    ]


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    """Opposition to others' closures this organisation has standing to oppose; its own closures to decide."""
    last = None
    for closure in state.closures.values():
        if closure.status != OPEN:
            continue
        if closure.owner == role:
            last = last_month(state, scenario) if last is None else last
            if closure.due > last:
                yield ProceedWithClosure(actor=role, closure=closure.id)
            yield WithdrawClosure(actor=role, closure=closure.id)
        elif role not in closure.objectors and may_object(scenario, closure, role):
            yield OpposeClosure(actor=role, closure=closure.id)
