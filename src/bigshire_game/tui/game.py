"""A game at the shared terminal: the session, the seats' PINs, the month clock,
and which shared screen comes next (news, handover curtain, desk, month report).

Plain Python, no Textual: the app asks `next_step()` what to show and calls
`play`, `undo`, `end_turn` and the facilitator's actions; every change of the
game itself goes through the session, so the engine decides and saves follow.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from attrs import frozen

from ..content import Scenario
from ..engine.events import Event
from ..engine.moves import EndPhase, EndTurn, Move, Rejection
from ..engine.state import FACILITATOR
from ..session import BOT, Session
from . import seating
from .clock import MonthClock


@frozen
class Step:
    """What the shared screen shows next."""

    kind: str  # news | curtain | desk | report | over
    turn: int = 0
    role: str = ""
    seat: str = ""


class Game:
    """One game in play at the terminal. Owns the session; screens only read it and call these methods."""

    def __init__(
        self,
        session: Session,
        *,
        pins: dict[str, str] | None = None,
        saves_dir: Path | None = None,
        label: str = "",
        checkpoints: tuple[Any, ...] = (),
        clock: MonthClock | None = None,
        resumed: bool = False,
        autosave: bool = True,
    ) -> None:
        self.session = session
        self.pins = dict(pins or {})
        self.saves_dir = saves_dir
        self.label = label
        self.checkpoints = list(checkpoints)
        self.clock = clock or MonthClock()
        self.save_problem = ""
        self.first_seats = dict(session.seats)  # to give a taken-over organisation back
        self._saver: Callable[[Session], None] | None = None
        state = session.state
        # A resumed game picks up at the desk: its news and earlier reports were already shown.
        self.news_turn = state.turn if resumed else -1
        self.reported_turn = state.turn
        self.over_shown = False
        self.last_seat: str | None = None
        if autosave and saves_dir is not None:
            try:
                self._saver = make_autosaver(self, saves_dir)
            except Exception as exc:  # an unwritable folder: play on, and say so in the header
                self.save_problem = str(exc)
            session.on_change = self._autosave

    # --- reading ----------------------------------------------------------------------------

    @property
    def scenario(self) -> Scenario:
        return self.session.scenario

    @property
    def state(self):
        return self.session.state

    @property
    def seats(self) -> dict[str, str]:
        return self.session.seats

    def seat_of(self, role: str) -> str:
        return self.session.seats.get(role, BOT)

    def needs_pin(self, seat: str) -> bool:
        return bool(self.pins.get(seat))

    def pin_ok(self, seat: str, pin: str) -> bool:
        hashed = self.pins.get(seat)
        return not hashed or seating.check_pin(pin, hashed)

    def legal(self, role: str | None = None) -> list[Move]:
        return self.session.legal(role)

    # --- what comes next on the shared screen -----------------------------------------------------

    def next_step(self) -> Step:
        """Month reports owed first, then the end of the year, the month's news, a curtain, or the desk."""
        state = self.session.state
        if state.turn > self.reported_turn or (state.finished and not self.over_shown):
            turn = self.reported_turn
            if state.turn > self.reported_turn:
                self.reported_turn += 1
            else:
                self.over_shown = True
            self.last_seat = None
            return Step("report", turn=turn)
        if state.finished:
            return Step("over", turn=state.turn)
        if self.news_turn < state.turn:
            self.news_turn = state.turn
            self.last_seat = None
            self.clock.restart()
            return Step("news", turn=state.turn)
        role = self.session.actor or ""
        seat = self.seat_of(role)
        if seat != self.last_seat:
            return Step("curtain", turn=state.turn, role=role, seat=seat)
        return Step("desk", turn=state.turn, role=role, seat=seat)

    def passed_curtain(self, seat: str) -> None:
        self.last_seat = seat

    # --- playing -------------------------------------------------------------------------------

    def play(self, move: Move) -> Rejection | list[Event]:
        return self.session.play(move)

    def undo(self) -> bool:
        return self.session.undo()

    def end_turn(self) -> Rejection | list[Event]:
        actor = self.session.actor
        if actor is None:
            return []
        return self.session.play(EndTurn(actor=actor))

    def start(self) -> list[Event]:
        """Run the bots and automatic phases up to the first person's turn."""
        return self.session.run()

    # --- the facilitator --------------------------------------------------------------------------

    def facilitate(self, move: Move) -> Rejection | list[Event]:
        """A facilitator's move (publish a card, rule, adjust a figure, close the phase)."""
        return self.session.play(move)

    def close_phase(self) -> Rejection | list[Event]:
        return self.session.play(EndPhase(actor=FACILITATOR))

    def skip_turn(self) -> Rejection | list[Event]:
        """End the acting organisation's turn now, as if its seat had pressed End turn."""
        return self.end_turn()

    def reseat(self, role: str, seat: str) -> list[Event]:
        """Give an organisation to another seat, the facilitator or the computer; a computer plays at once if it is its turn."""
        self.session.seats[role] = seat
        if self.session.actor == role and seat == BOT:
            return self.session.run()
        self._autosave(self.session)
        return []

    def checkpoint(self, label: str) -> Path | None:
        """Save a labelled checkpoint into the saves folder; returns the file written, or None without saves."""
        from ..saves import record as records

        self.checkpoints.append(records.checkpoint_of(self.session, label))
        self._autosave(self.session)
        return save_named(self, label)

    # --- saving ----------------------------------------------------------------------------------

    def _autosave(self, session: Session) -> None:
        if self._saver is None:
            return
        try:
            self._saver(session)
            self.save_problem = ""
        except Exception as exc:  # a full disk must not end the game; the header says saving failed
            self.save_problem = str(exc)


# --- the saves module, imported only when a game is saved ----------------------------------------------


def make_autosaver(game: Game, saves_dir: Path) -> Callable[[Session], None]:
    from .. import saves

    autosaver = saves.Autosaver(saves_dir / "autosave", keep=10, label=game.label or "autosave", pins=game.pins)

    def save(session: Session) -> None:
        autosaver.pins = dict(game.pins)
        autosaver.checkpoints = list(game.checkpoints)
        autosaver.label = game.label or "autosave"
        autosaver(session)

    return save


def save_named(game: Game, label: str) -> Path | None:
    """A named save (a checkpoint's label is its name) beside the autosaves; replaces one of the same name."""
    if game.saves_dir is None:
        return None
    from .. import saves

    record = saves.record_of(game.session, label or game.label, checkpoints=tuple(game.checkpoints), pins=game.pins)
    path = saves.save_path(game.saves_dir, label or "checkpoint")
    return saves.write_record(record, path, force=True)
