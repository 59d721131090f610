"""The one stateful object a front end talks to: the current state, the log of
moves and events, who sits where, bots for absent organisations, and undo of
the moves made in the turn in progress.

Everything else is pure; a session can be rebuilt exactly from its scenario,
seed and move log, which is what saves store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from . import bots
from .content import Scenario
from .engine.events import Event
from .engine.game import apply, legal_moves, new_game, run_until_input
from .engine.moves import EndTurn, Move, Rejection
from .engine.state import FACILITATOR, GameState

BOT = "computer"


class Session:
    """A game in play. `seats` maps each organisation to a seat name, `"computer"` or `"facilitator"`."""

    def __init__(
        self,
        scenario: Scenario,
        seed: int,
        seats: dict[str, str] | None = None,
        on_change: Callable[[Session], None] | None = None,
    ) -> None:
        self.scenario = scenario
        self.seed = seed
        self.seats = {rid: (seats or {}).get(rid, BOT) for rid in scenario.roles}
        self.state: GameState = new_game(scenario, seed)
        self.moves: list[Move] = []
        self.events: list[Event] = []
        self.on_change = on_change
        self._turn_start: tuple[GameState, int, int] | None = None

    # --- who is at the keyboard -------------------------------------------------------

    @property
    def actor(self) -> str | None:
        return self.state.actor

    @property
    def seat(self) -> str | None:
        """The seat that must act now, or None when the game is over."""
        return self.seats.get(self.actor) if self.actor else None

    def is_human(self, role: str) -> bool:
        return self.seats.get(role, BOT) != BOT

    def legal(self, role: str | None = None) -> list[Move]:
        role = role or self.actor
        return legal_moves(self.state, self.scenario, role) if role else []

    # --- playing ----------------------------------------------------------------------------

    def run(self) -> list[Event]:
        """Advance through automatic phases and computer turns until a person must act or the game ends."""
        new: list[Event] = []
        while True:
            self.state, more = run_until_input(self.state, self.scenario)
            self._record((), more, new)
            if self.state.finished or self.is_human(self.state.actor):
                break
            self.state, made, more = bots.play_turn(self.state, self.scenario, self.state.actor)
            self._record(made, more, new)
        self._turn_start = (self.state, len(self.moves), len(self.events)) if not self.state.finished else None
        self._changed()
        return new

    def play(self, move: Move) -> Rejection | list[Event]:
        """Make one move; a refusal changes nothing. Ending a turn runs on to the next person."""
        outcome = apply(self.state, self.scenario, move)
        if isinstance(outcome, Rejection):
            return outcome
        self.state, events = outcome
        new: list[Event] = []
        self._record((move,), events, new)
        if isinstance(move, EndTurn) or move.name == "EndPhase" or not self.state.actor:
            new += self.run()
        else:
            self._changed()
        return new

    def undo(self) -> bool:
        """Take back the last move of the turn in progress; False when there is none."""
        if self._turn_start is None:
            return False
        start, moves_at, events_at = self._turn_start
        if len(self.moves) <= moves_at:
            return False
        keep = self.moves[moves_at:-1]
        del self.moves[moves_at:]
        del self.events[events_at:]
        self.state = start
        for move in keep:
            outcome = apply(self.state, self.scenario, move)
            assert not isinstance(outcome, Rejection), "a move that was legal became illegal on replay"
            self.state, events = outcome
            self._record((move,), events, [])
        self._changed()
        return True

    def moves_this_turn(self) -> list[Move]:
        if self._turn_start is None:
            return []
        return self.moves[self._turn_start[1] :]

    # --- rebuilding -----------------------------------------------------------------------------

    @classmethod
    def replay(cls, scenario: Scenario, seed: int, seats: dict[str, str], moves: Iterable[Move]) -> Session:
        """The session that these moves produce from the start; the basis of loading a save."""
        session = cls(scenario, seed, seats)
        turn_start, turn_key = None, None
        for move in moves:
            session.state, more = run_until_input(session.state, scenario)
            session.events += more
            key = (session.state.turn, session.state.phase, session.state.actor)
            if key != turn_key:  # a new turn began: the moves from here on can be taken back
                turn_start, turn_key = (session.state, len(session.moves), len(session.events)), key
            outcome = apply(session.state, scenario, move)
            if isinstance(outcome, Rejection):
                raise ValueError(
                    f"move {len(session.moves) + 1} ({move.name} by {move.actor}) was refused on replay: {outcome.reason}"
                )
            session.state, more = outcome
            session.moves.append(move)
            session.events += more
        session.state, more = run_until_input(session.state, scenario)
        session.events += more
        still = turn_key == (session.state.turn, session.state.phase, session.state.actor)
        session._turn_start = turn_start if still else (session.state, len(session.moves), len(session.events))
        return session

    def _record(self, moves: Iterable[Move], events: list[Event], new: list[Event]) -> None:
        self.moves.extend(moves)
        self.events.extend(events)
        new.extend(events)

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change(self)


__all__ = ["BOT", "FACILITATOR", "Session"]
