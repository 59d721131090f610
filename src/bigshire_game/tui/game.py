"""A game at the shared terminal: which shared screen comes next (news, handover
curtain, desk, month report), and the saves folder the session writes into.

Plain Python, no Textual. The session owns the game and the table (seats, PINs,
takeovers, checkpoints, the clock, what the room has seen); this class only
decides the next screen and wires the session to its autosaves and its lock.
"""

from __future__ import annotations

from pathlib import Path

from attrs import frozen

from ..clock import MonthClock
from ..content import Scenario
from ..session import BOT, Session, TableEntry, Undone
from ..state import FACILITATOR
from ..vocabulary.events import Event
from ..vocabulary.moves import EndPhase, EndTurn, Move, Rejection
from . import seating


@frozen
class Step:
    """What the shared screen shows next."""

    kind: str  # news | curtain | desk | report | over
    turn: int = 0
    role: str = ""
    seat: str = ""


class Game:
    """One game in play at the terminal. Screens only read it and call these methods."""

    def __init__(
        self,
        session: Session,
        *,
        saves_dir: Path | None = None,
        clock: MonthClock | None = None,
        autosave: bool = True,
    ) -> None:
        self.session = session
        if clock is not None:  # the app's time source (a still one in tests); a resumed clock keeps its time left
            fresh = not session.moves and session.news_shown < 0
            session.clock = clock if fresh else MonthClock.resumed(session.clock.state(), clock.now)
        self.saves_dir = saves_dir
        self.save_problem = ""
        self.over_shown = False
        self.last_seat: str | None = None  # who passed the curtain last; a resumed game starts at a curtain
        self._on_screen: tuple[str, int] | None = None  # the news or report the room is reading now
        self.console_org: str | None = None  # the organisation last chosen to adjust in the facilitator's console
        self._saver = None  # a saves.Autosaver
        self._lock = None
        if autosave and saves_dir is not None:
            self._open_saves(saves_dir)

    def _open_saves(self, saves_dir: Path) -> None:
        """Take the game's lock (refused if another process has it open) and start autosaving."""
        from .. import saves

        lock = saves.GameLock(saves_dir, self.session.game_id)
        try:
            lock.acquire()  # GameInUse reaches the app, which says who holds the game
        except saves.GameInUse:
            raise
        except saves.SaveError as exc:  # an unwritable or full folder: play on unsaved, and say so in the header
            self.save_problem = str(exc)
            return
        self._lock = lock
        try:
            self._saver = saves.Autosaver(saves_dir / saves.AUTOSAVE, keep=10, lock=False)  # the game holds the lock
        except Exception as exc:  # an unwritable folder: play on, and say so in the header
            self.save_problem = str(exc)
        self.session.on_change = self._autosave
        self._autosave(self.session)  # a game just opened or branched is on disk before anyone moves

    def close(self) -> None:
        """The game leaves the terminal: let go of its lock (its saves are already written)."""
        if self._saver is not None:
            self._saver.close()
            self._saver = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        if self.session.on_change == self._autosave:
            self.session.on_change = None

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

    @property
    def pins(self) -> dict[str, str]:
        return self.session.pins

    @property
    def clock(self) -> MonthClock:
        return self.session.clock

    @property
    def checkpoints(self) -> list[TableEntry]:
        return self.session.checkpoints

    def seat_of(self, role: str) -> str:
        return self.session.seats.get(role, BOT)

    def needs_pin(self, seat: str) -> bool:
        return bool(self.session.pins.get(seat))

    def pin_ok(self, seat: str, pin: str) -> bool:
        hashed = self.session.pins.get(seat)
        return not hashed or seating.check_pin(pin, hashed)

    def legal(self, role: str | None = None) -> list[Move]:
        return self.session.legal(role)

    # --- what comes next on the shared screen -----------------------------------------------------

    def next_step(self) -> Step:
        """Month reports owed first, then the end of the game, the month's news, a curtain, or the desk.
        A report or the news counts as seen once the room moves past it, so a resumed game shows it again."""
        session = self.session
        state = session.state
        if self._on_screen is not None:
            kind, turn = self._on_screen
            self._on_screen = None
            session.shown(news=turn) if kind == "news" else session.shown(reported=turn + 1)
        if state.turn > session.reported or (state.finished and not self.over_shown):
            turn = session.reported
            if state.turn > session.reported:
                self._on_screen = ("report", turn)
            else:
                self.over_shown = True
            self.last_seat = None
            return Step("report", turn=turn)
        if state.finished:
            return Step("over", turn=state.turn)
        if session.news_shown < state.turn:
            self.last_seat = None
            session.clock.restart(session.scenario.turn_minutes)
            self._on_screen = ("news", state.turn)
            return Step("news", turn=state.turn)
        role = session.actor or ""
        seat = self.seat_of(role)
        if seat != self.last_seat:
            return Step("curtain", turn=state.turn, role=role, seat=seat)
        return Step("desk", turn=state.turn, role=role, seat=seat)

    def passed_curtain(self, seat: str) -> None:
        self.last_seat = seat

    # --- playing -------------------------------------------------------------------------------

    def play(self, move: Move) -> Rejection | list[Event]:
        return self.session.play(move)

    def undo(self) -> Undone:
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

    def undo_intervention(self) -> Undone:
        return self.session.undo_intervention()

    def close_phase(self) -> Rejection | list[Event]:
        return self.session.play(EndPhase(actor=FACILITATOR))

    def skip_turn(self) -> Rejection | list[Event]:
        """End the acting organisation's turn now, as if its seat had pressed End turn."""
        return self.end_turn()

    def reseat(self, role: str, seat: str | None) -> list[Event]:
        """Give an organisation to another seat, the facilitator or the computer (None: back to its own seat);
        a computer plays at once if it is its turn."""
        return self.session.reseat(role, self.session.home_seat(role) if seat is None else seat)

    def clock_action(self, how: str) -> None:
        """Pause or resume the month's clock, or add minutes ("+5", "-5"); a save keeps where it stood."""
        clock = self.session.clock
        if how == "toggle":
            clock.toggle()
        else:
            clock.extend(float(how))
        self.session.touch()

    def checkpoint(self, label: str) -> Path | None:
        """Mark this moment, and save it by its label beside the autosaves; the file written, or None without
        saves. A label whose file belongs to another game is refused, and nothing is marked unless it is saved."""
        if self.saves_dir is None:
            self.session.checkpoint(label)
            return None
        from .. import saves

        path = saves.save_path(self.saves_dir, label)  # a bad name is refused before anything is marked
        if path.exists():
            try:
                owner = saves.read_record(path, self.saves_dir)
            except saves.SaveError:
                owner = None
            if owner is None or owner.game != self.session.game_id:
                whose = (
                    f"the game {owner.name or owner.game}" if owner is not None else "a file that is not this game's"
                )
                raise saves.SaveError(
                    path, 0, f"a save called “{label}” already belongs to {whose}; choose another label"
                )
        entry = self.session.checkpoint(label)
        try:
            saves.write_record(saves.record_of(self.session, label), path, force=True)
        except saves.SaveError:
            self.session.unmark(entry)
            raise
        return path

    # --- saving ----------------------------------------------------------------------------------

    def _autosave(self, session: Session) -> None:
        if self._saver is None:
            return
        try:
            self._saver(session)
            self.save_problem = ""
        except Exception as exc:  # a full disk must not end the game; the header says saving failed
            self.save_problem = str(exc)
