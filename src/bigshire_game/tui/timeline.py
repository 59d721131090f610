"""The points a trainer steps through in review: the start of every phase and of every
organisation's turn, each with the state as it was then.

Built from the engine's one replay of a save's move log, exactly as loading reads it; no rule here.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from ..content import Scenario, turn_label
from ..content.labels import span_of
from ..engine.replay import replay as engine_replay
from ..state import GameState
from ..vocabulary.events import Event
from ..vocabulary.moves import Move
from . import present


@frozen
class Point:
    index: int
    turn: int
    phase: int
    actor: str  # "" at the start of a phase with no one acting
    moves: int  # how many moves of the log had been made
    events: int  # how many events had happened
    state: GameState
    label: str


@frozen
class Replayed:
    """A whole game as points, with the full event log the points index into."""

    points: tuple[Point, ...]
    events: tuple[Event, ...]
    start: GameState


def label_of(scenario: Scenario, state: GameState, actor: str) -> str:
    if state.finished:
        return f"{span_of(scenario).title} is over"
    months = turn_label(scenario.turns[min(state.turn, len(scenario.turns) - 1)])
    phase = scenario.info.phases[state.phase].title
    return f"{months} · {phase}" + (f" · {present.short(scenario, actor)}" if actor else "")


def replay(scenario: Scenario, seed: int, moves: Sequence[Move]) -> Replayed:
    """The points of a game, from the engine's one replay of its log."""
    played = engine_replay(scenario, seed, moves, steps=True)
    points: list[Point] = []
    for step in played.steps:
        state, actor = step.state, step.state.actor or ""
        if not actor and not state.finished and scenario.info.phases[state.phase].kind == "turns":
            continue  # a turns phase whose last turn has ended: the next phase's start tells the same
        if points and (points[-1].turn, points[-1].phase, points[-1].actor, points[-1].state.finished) == (
            state.turn,
            state.phase,
            actor,
            state.finished,
        ):
            continue
        label = label_of(scenario, state, actor)
        points.append(Point(len(points), state.turn, state.phase, actor, step.moves, step.events, state, label))
    return Replayed(tuple(points), played.events, played.steps[0].state)


def month_starts(points: Sequence[Point]) -> list[int]:
    """Indexes of the first point of each turn."""
    seen: set[int] = set()
    out = []
    for p in points:
        if p.turn not in seen:
            seen.add(p.turn)
            out.append(p.index)
    return out
