"""The facilitator's hand on the game: changing a figure, with a reason that the debrief will show."""

from __future__ import annotations

from collections.abc import Container, Iterator

from ..content import Scenario
from ..state import FACILITATOR, GameState, evolve
from ..vocabulary.catalogue import CARE_PROVIDER_KINDS
from ..vocabulary.causes import Cause
from ..vocabulary.events import event
from ..vocabulary.moves import AdjustFigure, Move
from . import Handlers, Outcome, name_of, refuse
from .economy import external
from .registry import MoveKind, handlers_of, never, no_fields
from .wording import figure_change, possessive, short

FIGURES = ("balance", "quality", "action_points")


def check_adjust(state: GameState, scenario: Scenario, move: AdjustFigure):
    if move.actor != FACILITATOR:
        return refuse("not_facilitator", move, "Only the facilitator can adjust a figure.")
    if move.role not in state.orgs:
        return refuse("unknown_role", move, f"There is no organisation called {move.role}.")
    if move.figure not in FIGURES:
        return refuse("unknown_figure", move, "The facilitator can adjust money (balance), quality or action points.")
    if not move.reason.strip():
        return refuse("no_reason", move, "Give a reason: the players and the debrief will see it.")
    if move.amount == 0:
        return refuse("no_change", move, "An adjustment of nothing changes nothing.")
    if move.figure == "quality" and state.orgs[move.role].kind not in CARE_PROVIDER_KINDS:
        return refuse(
            "no_quality", move, f"{name_of(scenario, move.role)} has no quality score: only care providers do."
        )
    return None


def apply_adjust(state: GameState, scenario: Scenario, move: AdjustFigure, phase: str) -> Outcome:
    org = state.orgs[move.role]
    if move.figure == "balance":
        state = external(state, move.role, move.amount)  # new money, counted like any outside flow
        value = state.orgs[move.role].balance
    elif move.figure == "quality":
        value = max(0, min(100, org.quality + move.amount))
        state = evolve(state, orgs={**state.orgs, move.role: evolve(org, quality=value)})
    else:
        value = max(0, org.action_points + move.amount)
        state = evolve(state, orgs={**state.orgs, move.role: evolve(org, action_points=value)})
    topics = ("money",) if move.figure == "balance" else ("quality",) if move.figure == "quality" else ()
    return state, [
        event(
            state, phase, "FigureAdjusted", (FACILITATOR, move.role), (), topics,
            role=move.role, figure=move.figure, amount=move.amount, value=value, reason=move.reason,
            source=Cause.facilitator(),
        )
    ]  # fmt: skip


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    return iter(())  # only the facilitator adjusts figures, from the console


def describe_adjust(state: GameState, scenario: Scenario, move: AdjustFigure) -> str:
    return f"Adjust {possessive(short(scenario, move.role))} {figure_change(move.figure, move.amount)}: {move.reason}"


KINDS: tuple[MoveKind, ...] = (
    MoveKind(
        move=AdjustFigure,
        check=check_adjust,
        apply=apply_adjust,
        legal=legal,
        family="facilitator",
        describe=describe_adjust,
        fields=no_fields,
        score=never,
        bound=never,
    ),
)
HANDLERS: Handlers = handlers_of(KINDS)
