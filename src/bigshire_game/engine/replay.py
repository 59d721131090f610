"""The one replay of a move log: from the seed, every automatic step and every move, noting where each
move, turn and step began. Loading a save, the session's undo, the debrief and the review timeline all
read a game through it; a computer-played game is a game loop (`simulate.play`), not a replay."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from attrs import frozen

from ..content import Scenario
from ..state import GameState
from ..vocabulary.events import Event
from ..vocabulary.moves import Move, Rejection
from .game import MAX_STEPS, advance, apply, new_game


class ReplayRefused(ValueError):
    """A move of the log that the engine refuses (or cannot apply) at its point in the game."""

    def __init__(self, number: int, move: Move, reason: str) -> None:
        super().__init__(f"move {number} ({move.name} by {move.actor}) was refused on replay: {reason}")
        self.number, self.move, self.reason = number, move, reason


class Step(NamedTuple):
    """A state the replay passed through: after an automatic step or a move (a tuple: thousands a game)."""

    state: GameState
    moves: int  # how many moves of the log had been made
    events: int  # how many events had happened


@frozen
class Replay:
    """A game rebuilt from its move log."""

    state: GameState  # where the log leads, run on until someone must act
    events: tuple[Event, ...]
    moves: tuple[Move, ...]
    at_move: tuple[tuple[GameState, int], ...]  # before move k+1 (as a save of k moves holds it), with events so far
    at_turn: dict[int, tuple[GameState, int]]  # as each turn began, before its news
    steps: tuple[Step, ...]  # the start, then every automatic step and every move
    turn_began: int  # the move the acting organisation's turn began at (its moves since can be undone)
    turn_start: tuple[GameState, int]  # the state that turn began in, with the events so far

    def window(self, first_turn: int, last_turn: int, after: int = 0) -> tuple[GameState, GameState, tuple[Event, ...]]:
        """The states at the ends of turns first..last and the events between; not before event `after`."""
        start, begin = self.at_turn.get(first_turn, (self.state, len(self.events)))
        if begin < after:
            begin = after
            start = next(state for state, count in self.at_move if count >= after)
        end, stop = self.at_turn.get(last_turn + 1, (self.state, len(self.events)))
        return start, end, self.events[begin : max(begin, stop)]


def replay(scenario: Scenario, seed: int, moves: Sequence[Move], trace: bool = True, steps: bool = False) -> Replay:
    """Replay `moves` from the start; raises ReplayRefused at the first move the engine will not make.
    Without `trace`, the positions along the way (`at_move`, `at_turn`) are not kept: loading a save needs
    only where the log leads, and keeping every position slows the collector. `steps` keeps every position
    after each automatic step and each move too (the review timeline's points)."""
    state = new_game(scenario, seed)
    events: list[Event] = []
    at_move: list[tuple[GameState, int]] = []
    at_turn: dict[int, tuple[GameState, int]] = {0: (state, 0)}
    passed: list[Step] = [Step(state, 0, 0)]
    made = 0
    turn_key: tuple[int, int, str | None] | None = None
    turn_began = 0
    turn_start = (state, 0)

    def settle(state: GameState) -> GameState:
        for _ in range(MAX_STEPS):
            if state.finished or state.actor:
                return state
            state, more = advance(state, scenario)
            events.extend(more)
            if trace:
                at_turn.setdefault(state.turn, (state, len(events)))
            if steps:
                passed.append(Step(state, made, len(events)))
        raise RuntimeError("the phase list never reaches a turn; check the scenario's phases")

    for move in moves:
        try:
            state = settle(state)
            key = (state.turn, state.phase, state.actor)
            if key != turn_key:  # a new turn began: the moves from here on can be taken back
                turn_key, turn_began, turn_start = key, made, (state, len(events))
            if trace:
                at_move.append((state, len(events)))
            outcome = apply(state, scenario, move)
        except Exception as exc:  # a hand-edited move the rules cannot even read
            raise ReplayRefused(made + 1, move, f"the engine could not apply it ({type(exc).__name__}: {exc})") from exc
        if isinstance(outcome, Rejection):
            raise ReplayRefused(made + 1, move, outcome.reason)
        state, more = outcome
        events.extend(more)
        made += 1
        if steps:
            passed.append(Step(state, made, len(events)))
    state = settle(state)
    at_move.append((state, len(events)))
    if turn_key != (state.turn, state.phase, state.actor):
        turn_began, turn_start = made, (state, len(events))
    return Replay(state, tuple(events), tuple(moves), tuple(at_move), at_turn, tuple(passed), turn_began, turn_start)
