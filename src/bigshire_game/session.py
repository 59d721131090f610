"""The one stateful object a front end talks to: the game (state, move log, events)
and the table around it (who sits where, PINs, takeovers, checkpoints, the month
clock, which shared screen the room has seen), with undo and autosaving.

Everything else is pure; a session can be rebuilt exactly from its scenario,
seed and move log plus its table log, which is what saves store. The session
never imports saves: a front end injects the saver (`on_change`).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable

from attrs import field, frozen

from . import bots
from .clock import ClockState, MonthClock
from .content import Scenario
from .engine.game import apply, legal_moves, new_game, run_until_input
from .engine.replay import replay
from .state import FACILITATOR, GameState
from .vocabulary.events import Event
from .vocabulary.moves import EndTurn, Move, Rejection

BOT = "computer"

# The kinds of table entry: what happened at the table rather than in the game.
SEATED = "seated"  # an organisation given to another seat (a person, the computer)
TAKEN_OVER = "taken_over"  # the facilitator took an organisation's seat
HANDED_BACK = "handed_back"  # ... and gave it back
CHECKPOINT = "checkpoint"  # a labelled moment for the debrief and for branching
TABLE_KINDS = (SEATED, TAKEN_OVER, HANDED_BACK, CHECKPOINT)


@frozen(kw_only=True)
class TableEntry:
    """One entry of the table log. `after` is how many moves of the log had been made when it happened,
    so it can never point past the log: undo stops at it."""

    kind: str
    after: int
    month: str = ""
    role: str = ""
    seat: str = ""  # the seat the organisation went to
    previous: str = ""  # the seat it came from, so a takeover can be handed back after a reload
    label: str = ""  # a checkpoint's label


@frozen(kw_only=True)
class Table:
    """Everything of a game that is not the game itself, as a save keeps it."""

    game: str  # a stable id, kept by every save and autosave of this game
    name: str = ""
    parent: str = ""  # the game this one was branched from
    pins: dict[str, str] = field(factory=dict)  # seat -> salted PIN hash
    log: tuple[TableEntry, ...] = ()
    clock: ClockState = ClockState()
    news_shown: int = -1  # the last turn whose news the room has seen
    reported: int = 0  # the turn whose month report is owed next


@frozen
class Undone:
    """What an undo did: the move taken back, or why nothing was (`bool(undone)` says which)."""

    move: Move | None
    reason: str = ""

    def __bool__(self) -> bool:
        return self.move is not None


def new_game_id() -> str:
    """A short id that tells this game's saves from another table's in the same folder."""
    return secrets.token_hex(4)


class Session:
    """A game in play. `seats` maps each organisation to a seat name, `"computer"` or `"facilitator"`."""

    def __init__(
        self,
        scenario: Scenario,
        seed: int,
        seats: dict[str, str] | None = None,
        on_change: Callable[[Session], None] | None = None,
        *,
        game_id: str | None = None,
        name: str = "",
        parent: str = "",
        pins: dict[str, str] | None = None,
        clock: MonthClock | None = None,
    ) -> None:
        self.scenario = scenario
        self.seed = seed
        self.seats = {rid: (seats or {}).get(rid, BOT) for rid in scenario.roles}
        self.state: GameState = new_game(scenario, seed)
        self.moves: list[Move] = []
        self.events: list[Event] = []
        self.on_change = on_change
        self.game_id = game_id or new_game_id()
        self.name = name
        self.parent = parent
        self.pins: dict[str, str] = dict(pins or {})
        self.table: list[TableEntry] = []
        self.clock = clock or MonthClock(scenario.turn_minutes)
        self.news_shown = -1
        self.reported = 0
        self.revision = 0  # goes up with every change a save would show, so an autosaver can skip repeats
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

    @property
    def month(self) -> str:
        months = self.scenario.months
        index = self.state.month_index
        return months[index] if 0 <= index < len(months) else ""

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

    def undo(self) -> Undone:
        """Take back the acting organisation's last move of its turn; never a facilitator's intervention,
        and never past a checkpoint or a seat change (the reason says which)."""
        last = self._last_of_turn()
        if isinstance(last, str):
            return Undone(None, last)
        if last.actor == FACILITATOR:
            return Undone(
                None,
                "The facilitator's intervention came after your last move; only the facilitator can take it back (F2).",
            )
        return self._take_back()

    def undo_intervention(self) -> Undone:
        """The facilitator takes back its own last intervention, if nothing has been played since."""
        last = self._last_of_turn(whose="the facilitator's")
        if isinstance(last, str):
            return Undone(None, last)
        if last.actor != FACILITATOR:
            return Undone(
                None, "A move has been made since the facilitator's last intervention; it can no longer be taken back."
            )
        return self._take_back()

    def _last_of_turn(self, whose: str = "") -> Move | str:
        """The last move of the turn in progress, or why there is nothing that may be taken back."""
        if self._turn_start is None or len(self.moves) <= self._turn_start[1]:
            return (
                f"There is nothing of {whose or 'this turn'} to take back in this turn."
                if whose
                else "Nothing to undo in this turn."
            )
        for entry in reversed(self.table):
            if entry.after >= len(self.moves):
                return f"The table moved on after the last move ({self._entry_words(entry)}); it cannot be undone."
        return self.moves[-1]

    def _take_back(self) -> Undone:
        assert self._turn_start is not None
        start, moves_at, events_at = self._turn_start
        taken = self.moves[-1]
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
        return Undone(taken)

    def moves_this_turn(self) -> list[Move]:
        if self._turn_start is None:
            return []
        return self.moves[self._turn_start[1] :]

    def turn_so_far(self) -> list[tuple[GameState, Move]]:
        """Each move of the turn in progress with the state it was made in (replayed from the turn's start),
        so a move can be told as it was chosen rather than against what it changed."""
        if self._turn_start is None:
            return []
        state, moves_at, _ = self._turn_start
        made: list[tuple[GameState, Move]] = []
        for move in self.moves[moves_at:]:
            made.append((state, move))
            outcome = apply(state, self.scenario, move)
            if isinstance(outcome, Rejection):  # cannot happen for moves the session made; stop rather than guess
                break
            state = outcome[0]
        return made

    # --- the table -----------------------------------------------------------------------------

    @property
    def checkpoints(self) -> list[TableEntry]:
        return [entry for entry in self.table if entry.kind == CHECKPOINT]

    def checkpoint(self, label: str) -> TableEntry:
        """Mark this moment with a label, for the debrief and for branching; undo cannot cross it."""
        entry = TableEntry(kind=CHECKPOINT, after=len(self.moves), month=self.month, label=label)
        self.table.append(entry)
        self._changed()
        return entry

    def unmark(self, entry: TableEntry) -> None:
        """Take back a checkpoint that could not be saved (the last entry of the table log)."""
        if self.table and self.table[-1] is entry:
            self.table.pop()
            self._changed()

    def home_seat(self, role: str) -> str:
        """The seat an organisation goes back to when the facilitator hands it back."""
        for entry in reversed(self.table):
            if entry.role == role and entry.kind == TAKEN_OVER:
                return entry.previous
        return self.seats.get(role, BOT)

    def taken_over(self, role: str) -> bool:
        for entry in reversed(self.table):
            if entry.role == role and entry.kind in (TAKEN_OVER, HANDED_BACK, SEATED):
                return entry.kind == TAKEN_OVER
        return False

    def reseat(self, role: str, seat: str) -> list[Event]:
        """Give an organisation to another seat: the facilitator takes it over, hands it back, or a new seat
        (a person or the computer) takes it. A computer plays at once if it is its turn."""
        previous = self.seats.get(role, BOT)
        if seat == previous:
            return []
        if seat == FACILITATOR:
            kind = TAKEN_OVER
        elif self.taken_over(role) and seat == self.home_seat(role):
            kind = HANDED_BACK
        else:
            kind = SEATED
        self.table.append(
            TableEntry(kind=kind, after=len(self.moves), month=self.month, role=role, seat=seat, previous=previous)
        )
        self.seats[role] = seat
        if self.actor == role and seat == BOT:
            return self.run()
        self._changed()
        return []

    def set_pin(self, seat: str, hashed: str | None) -> None:
        """A seat's PIN hash (None or "" removes it)."""
        if hashed:
            self.pins[seat] = hashed
        else:
            self.pins.pop(seat, None)
        self._changed()

    def shown(self, news: int | None = None, reported: int | None = None) -> None:
        """The room has seen a month's news or report: a resumed game does not show it again."""
        changed = False
        if news is not None and news != self.news_shown:
            self.news_shown, changed = news, True
        if reported is not None and reported != self.reported:
            self.reported, changed = reported, True
        if changed:
            self._changed()

    def touch(self) -> None:
        """Something of the table changed that a save shows (the clock paused or extended): autosave it."""
        self._changed()

    def table_state(self) -> Table:
        """The table as a save keeps it."""
        return Table(
            game=self.game_id,
            name=self.name,
            parent=self.parent,
            pins=dict(sorted(self.pins.items())),
            log=tuple(self.table),
            clock=self.clock.state(),
            news_shown=self.news_shown,
            reported=self.reported,
        )

    def restore_table(self, table: Table, now: Callable[[], float] | None = None) -> None:
        """Put back a saved table: seats stay as saved, the clock comes back paused at the time it had left.
        Entries after the move log's end are dropped, so the table never points at moves it does not hold."""
        self.game_id = table.game or self.game_id
        self.name = table.name
        self.parent = table.parent
        self.pins = dict(table.pins)
        self.table = [entry for entry in table.log if entry.after <= len(self.moves)]
        self.clock = MonthClock.resumed(table.clock, now) if now else MonthClock.resumed(table.clock)
        turn = self.state.turn
        self.news_shown = max(-1, min(table.news_shown, turn))
        self.reported = max(0, min(table.reported, turn))

    def branched(self, name: str = "") -> Session:
        """This session as a new game that records where it came from (its own id, its own autosaves)."""
        self.parent, self.game_id, self.name = self.game_id, new_game_id(), name
        self._changed()
        return self

    @staticmethod
    def _entry_words(entry: TableEntry) -> str:
        if entry.kind == CHECKPOINT:
            return f'the checkpoint "{entry.label}" was saved'
        if entry.kind == TAKEN_OVER:
            return "the facilitator took over a seat"
        if entry.kind == HANDED_BACK:
            return "the facilitator handed a seat back"
        return "a seat changed hands"

    # --- rebuilding -----------------------------------------------------------------------------

    @classmethod
    def of_played(cls, scenario: Scenario, seed: int, played) -> Session:
        """A game the computer has just played (`simulate.play`), as a session a save can be made of,
        without replaying what was just played."""
        session = cls(scenario, seed)
        session.state, session.moves, session.events = played.state, list(played.moves), list(played.events)
        session._turn_start = None if played.state.finished else (played.state, len(session.moves), len(session.events))
        return session

    @classmethod
    def replay(
        cls,
        scenario: Scenario,
        seed: int,
        seats: dict[str, str],
        moves: Iterable[Move],
        table: Table | None = None,
    ) -> Session:
        """The session that these moves produce from the start; the basis of loading a save."""
        session = cls(scenario, seed, seats, game_id=table.game if table else None)
        played = replay(scenario, seed, list(moves), trace=False)
        session.state, session.moves, session.events = played.state, list(played.moves), list(played.events)
        begun_at, events_then = played.turn_start
        session._turn_start = (begun_at, played.turn_began, events_then)
        if table is not None:
            session.restore_table(table)
        return session

    def _record(self, moves: Iterable[Move], events: list[Event], new: list[Event]) -> None:
        self.moves.extend(moves)
        self.events.extend(events)
        new.extend(events)

    def _changed(self) -> None:
        self.revision += 1
        if self.on_change is not None:
            self.on_change(self)


__all__ = [
    "BOT",
    "CHECKPOINT",
    "FACILITATOR",
    "HANDED_BACK",
    "SEATED",
    "TABLE_KINDS",
    "TAKEN_OVER",
    "Session",
    "Table",
    "TableEntry",
    "Undone",
    "new_game_id",
]
