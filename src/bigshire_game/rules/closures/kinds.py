"""The closure move kinds, each with everything it needs (see `rules.registry`)."""

from __future__ import annotations

from ...content import Scenario
from ...state import AnnouncedClosure, GameState
from ...vocabulary.moves import OpposeClosure, ProceedWithClosure, WithdrawClosure
from ..registry import MoveKind, no_fields, plain_fields
from ..wording import money, possessive, short
from .leanings import bound_oppose, bound_owner, score_oppose, score_proceed, score_withdraw
from .moves import (
    apply_oppose,
    apply_proceed,
    apply_withdraw,
    check_oppose,
    check_proceed,
    check_withdraw,
    legal,
)
from .record import cost_of, is_strong


def _closing(closure: AnnouncedClosure | None) -> str:
    if closure is None:
        return "closing it"
    return f"{'closing' if closure.kind == 'site' else 'withdrawing'} {closure.what}"


def describe_oppose(state: GameState, scenario: Scenario, move: OpposeClosure) -> str:
    closure = state.closures.get(move.closure)
    owner = short(scenario, closure.owner) if closure else "?"
    strength = (
        " (a strong objection: it delays the closure)" if closure and is_strong(scenario, closure, move.actor) else ""
    )
    return f"Oppose {possessive(owner)} plan: {_closing(closure)}{strength}"


def describe_proceed(state: GameState, scenario: Scenario, move: ProceedWithClosure) -> str:
    closure = state.closures.get(move.closure)
    if closure is None:
        return "Go ahead with the closure now"
    against = (
        f", against {len(closure.objectors)} objections ({money(cost_of(scenario, closure))})"
        if closure.objectors
        else ""
    )
    return f"Go ahead now with {_closing(closure)}{against}"


def describe_withdraw(state: GameState, scenario: Scenario, move: WithdrawClosure) -> str:
    closure = state.closures.get(move.closure)
    return f"Back down: stop {_closing(closure)}"


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=OpposeClosure,
        check=check_oppose,
        apply=apply_oppose,
        legal=legal,
        family="voice",
        describe=describe_oppose,
        fields=plain_fields(("grounds", "Your grounds (optional)", str)),
        score=score_oppose,
        bound=bound_oppose,
    ),
    MoveKind(
        move=ProceedWithClosure,
        check=check_proceed,
        apply=apply_proceed,
        legal=legal,
        family="decision",
        describe=describe_proceed,
        fields=no_fields,
        score=score_proceed,
        bound=bound_owner,
    ),
    MoveKind(
        move=WithdrawClosure,
        check=check_withdraw,
        apply=apply_withdraw,
        legal=legal,
        family="decision",
        describe=describe_withdraw,
        fields=no_fields,
        score=score_withdraw,
        bound=bound_owner,
    ),
)
