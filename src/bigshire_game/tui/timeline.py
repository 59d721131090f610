"""The points a trainer steps through in review: the start of every phase and of every
organisation's turn, each with the state as it was then.

Built by replaying a save's move log with the engine (`advance` for the
automatic steps, `apply` for moves), exactly as loading does; no rule here.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from ..content import Scenario, turn_label
from ..engine.game import advance, apply, new_game
from ..state import GameState
from ..vocabulary.events import Event
from ..vocabulary.moves import Move, Rejection
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
        return "The year is over"
    months = turn_label(scenario.turns[min(state.turn, len(scenario.turns) - 1)])
    phase = scenario.info.phases[state.phase].title
    return f"{months} · {phase}" + (f" · {present.short(scenario, actor)}" if actor else "")


def replay(scenario: Scenario, seed: int, moves: Sequence[Move]) -> Replayed:
    state = new_game(scenario, seed)
    start = state
    events: list[Event] = []
    points: list[Point] = []

    def mark() -> None:
        actor = state.actor or ""
        if not actor and not state.finished and scenario.info.phases[state.phase].kind == "turns":
            return  # a turns phase whose last turn has ended: the next phase's start tells the same
        if points and (points[-1].turn, points[-1].phase, points[-1].actor, points[-1].state.finished) == (
            state.turn,
            state.phase,
            actor,
            state.finished,
        ):
            return
        label = label_of(scenario, state, actor)
        points.append(Point(len(points), state.turn, state.phase, actor, made, len(events), state, label))

    made = 0
    mark()
    while True:
        while not state.finished and not state.actor:
            state, more = advance(state, scenario)
            events += more
            mark()
        if state.finished or made >= len(moves):
            break
        outcome = apply(state, scenario, moves[made])
        if isinstance(outcome, Rejection):
            raise ValueError(f"move {made + 1} was refused on replay: {outcome.reason}")
        state, more = outcome
        events += more
        made += 1
        mark()
    return Replayed(tuple(points), tuple(events), start)


def month_starts(points: Sequence[Point]) -> list[int]:
    """Indexes of the first point of each turn."""
    seen: set[int] = set()
    out = []
    for p in points:
        if p.turn not in seen:
            seen.add(p.turn)
            out.append(p.index)
    return out
