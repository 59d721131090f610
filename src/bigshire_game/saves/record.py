"""What a save holds (`GameRecord`) and how it is written as TOML.

The move log is the truth; the table log beside it keeps what happened at the
table (seats, takeovers, checkpoints) and the screen and clock the room had.
The state snapshot is there so a save can be read without the engine and so
loading can prove the log still produces it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import attrs
from attrs import field, frozen
from cattrs import Converter

from .. import __version__
from ..clock import ClockState
from ..content.convert import ValueProblem, make_converter
from ..content.diagnostics import suggest
from ..session import CHECKPOINT, Table, TableEntry
from ..state import GameState
from ..vocabulary.moves import MOVE_TYPES, Move
from ..vocabulary.settings import RuleSettings
from . import layout

if TYPE_CHECKING:
    from ..content import Scenario
    from ..session import Session

FORMAT = 3

HEADER = (
    "# A saved game of {title}.\n"
    "# Read it with `bigshire debrief FILE`; play on from any point with\n"
    "# `bigshire branch FILE --at CHECKPOINT --name NEW`. [state] must be what replaying [[moves]]\n"
    "# from the seed gives, so a save edited by hand is refused when it is loaded.\n"
)
END = "# end of save\n"
TABLE_NOTE = (
    "# The table: the last turn whose news the room saw (-1: none yet), the turn whose month report is owed\n"
    "# next, the month's clock (seconds remaining), and [[table.log]]: seats given, taken over and handed\n"
    "# back, and checkpoints, each after a number of moves of the log.\n"
)  # a file without this last line was cut short


@frozen(kw_only=True)
class Checkpoint:
    """A named point in the game: `moves` is how many moves of the log had been made."""

    label: str
    moves: int
    month: str = ""


@frozen(kw_only=True)
class GameRecord:
    """One saved game: which game it is, where it came from, who sat where, what happened at the table,
    the move log and the position it reached."""

    format: int
    engine: str
    scenario: str
    scenario_folder: str = ""  # where a scenario that is not installed was played from, to find it again
    scenario_title: str = ""  # the scenario's title when it was saved, for the file's first line
    content_hash: str
    file_hashes: dict[str, str]
    seed: int
    label: str
    created: str
    month: str = ""  # the month reached, "2013-10"
    game: str  # the game's stable id: every save and autosave of one game keeps it
    name: str = ""
    parent: str = ""  # the game this one was branched from
    seats: dict[str, str]
    pins: dict[str, str] = field(factory=dict)
    table_log: tuple[TableEntry, ...] = ()
    clock: ClockState = ClockState()
    news_shown: int = -1
    reported: int = 0
    moves: tuple[Move, ...] = ()
    snapshot: GameState

    @property
    def checkpoints(self) -> tuple[Checkpoint, ...]:
        """The table log's checkpoints, for branching and listings."""
        return tuple(
            Checkpoint(label=e.label, moves=e.after, month=e.month) for e in self.table_log if e.kind == CHECKPOINT
        )

    @property
    def table(self) -> Table:
        """The table as the session takes it back (`Session.replay(..., table=record.table)`)."""
        return Table(
            game=self.game,
            name=self.name,
            parent=self.parent,
            pins=dict(self.pins),
            log=self.table_log,
            clock=self.clock,
            news_shown=self.news_shown,
            reported=self.reported,
        )


# --- the file's shape, table by table ---------------------------------------------------------


@frozen(kw_only=True)
class SaveHeader:
    """The `[save]` table."""

    format: int
    engine: str
    scenario: str
    scenario_title: str = ""
    scenario_folder: str = ""
    content_hash: str
    seed: int
    label: str
    created: str
    month: str
    game: str
    name: str = ""
    parent: str = ""
    file_hashes: dict[str, str]


@frozen(kw_only=True)
class TableFile:
    """The `[table]` table, with its `[[table.log]]` entries."""

    news_shown: int = -1
    reported: int = 0
    clock: ClockState = ClockState()
    log: tuple[TableEntry, ...] = ()


@frozen(kw_only=True)
class SaveFile:
    """The whole file, as tomllib reads it."""

    save: SaveHeader
    seats: dict[str, str]
    pins: dict[str, str] = field(factory=dict)
    table: TableFile = TableFile()
    moves: tuple[Move, ...] = ()
    state: GameState


def record_from_file(doc: SaveFile) -> GameRecord:
    h = doc.save
    return GameRecord(
        format=h.format,
        engine=h.engine,
        scenario=h.scenario,
        scenario_title=h.scenario_title,
        scenario_folder=h.scenario_folder,
        content_hash=h.content_hash,
        file_hashes=h.file_hashes,
        seed=h.seed,
        label=h.label,
        created=h.created,
        month=h.month,
        game=h.game,
        name=h.name,
        parent=h.parent,
        seats=doc.seats,
        pins=doc.pins,
        table_log=doc.table.log,
        clock=doc.table.clock,
        news_shown=doc.table.news_shown,
        reported=doc.table.reported,
        moves=doc.moves,
        snapshot=doc.state,
    )


# --- one converter for both directions ---------------------------------------------------------


def _make_converter() -> Converter:
    """The content's strict converter (no "3" for 3), writing no defaults, reading moves by their `move` name."""
    conv = make_converter(omit_if_default=True)

    def structure_move(raw: Any, _: type) -> Move:
        if not isinstance(raw, dict):
            raise ValueProblem("expected a move written as a [[moves]] table")
        name = raw.get("move")
        if not isinstance(name, str):
            raise ValueProblem('a move needs its name, as move = "EndTurn"')
        cls = MOVE_TYPES.get(name)
        if cls is None:
            hint = suggest(name, MOVE_TYPES) or ""
            raise ValueProblem(f'there is no move called "{name}".{hint}'.rstrip("."))
        return conv.structure({k: v for k, v in raw.items() if k != "move"}, cls)

    conv.register_structure_hook_func(lambda tp: tp is Move, structure_move)
    # every setting is written, defaults included, so a save shows the rules in force in full
    conv.register_unstructure_hook(RuleSettings, RuleSettings.written)
    return conv


CONVERTER = _make_converter()


def unstructure(obj: object) -> Any:
    return CONVERTER.unstructure(obj)


# --- making and writing a record ---------------------------------------------------------------


def now() -> str:
    """The current time in UTC to the second, as ISO 8601: "2026-11-22T07:18:00Z"."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def month_of(scenario: Scenario, state: GameState) -> str:
    months = scenario.months
    return months[state.month_index] if 0 <= state.month_index < len(months) else ""


def record_of(
    session: Session,
    label: str = "",
    created: str | None = None,
    checkpoints: Iterable[Checkpoint] | None = None,
    pins: Mapping[str, str] | None = None,
) -> GameRecord:
    """The record of a session as it stands, table and all; `created` is fixed by tests so files are
    byte-identical. `checkpoints` and `pins` are for front ends that still keep their own: checkpoints
    not already in the session's table log are added to it, and `pins` replace the session's."""
    scenario = session.scenario
    table = session.table_state()
    log = table.log
    if checkpoints:
        known = {(e.label, e.after) for e in log if e.kind == CHECKPOINT}
        extra = [
            TableEntry(kind=CHECKPOINT, after=c.moves, month=c.month, label=c.label)
            for c in checkpoints
            if (c.label, c.moves) not in known
        ]
        log = tuple(sorted((*log, *extra), key=lambda e: e.after))
    log = tuple(entry for entry in log if entry.after <= len(session.moves))  # never past the log it is saved with
    return GameRecord(
        format=FORMAT,
        engine=__version__,
        scenario=scenario.id,
        scenario_folder=_folder_of(scenario),
        scenario_title=scenario.title,
        content_hash=scenario.content_hash,
        file_hashes=dict(sorted(scenario.file_hashes.items())),
        seed=session.seed,
        label=label,
        created=created or now(),
        month=month_of(scenario, session.state),
        game=table.game,
        name=table.name,
        parent=table.parent,
        seats=dict(session.seats),
        pins=dict(sorted((table.pins if pins is None else pins).items())),
        table_log=log,
        clock=table.clock,
        news_shown=table.news_shown,
        reported=table.reported,
        moves=tuple(session.moves),
        snapshot=session.state,
    )


def _folder_of(scenario: Scenario) -> str:
    """The folder a scenario was read from, when it is not an installed one (those are found by name)."""
    from ..content import installed_name

    if not scenario.root or installed_name(scenario.root) is not None:
        return ""
    return os.path.abspath(scenario.root)


def checkpoint_of(session: Session, label: str) -> Checkpoint:
    """A checkpoint at the session's current point, for a front end's "mark this moment"."""
    return Checkpoint(label=label, moves=len(session.moves), month=month_of(session.scenario, session.state))


_RENDERED: dict[int, tuple[Move, str]] = {}


def _move_body(move: Move) -> str:
    """A move's lines. Each autosave writes the whole log again, so a move object is rendered once;
    the cache goes by identity, because equal moves can differ in type (value = 1 and value = true)."""
    cached = _RENDERED.get(id(move))
    if cached is not None and cached[0] is move:
        return cached[1]
    if len(_RENDERED) >= 50_000:
        _RENDERED.clear()
    text = "".join(layout.pairs({"move": move.name, **unstructure(move)}))
    _RENDERED[id(move)] = (move, text)
    return text


def dumps(record: GameRecord) -> str:
    """The save as TOML text; the same record always gives the same bytes."""
    header = {
        "format": record.format,
        "game": record.game,
        "name": record.name,
        "parent": record.parent or None,
        "engine": record.engine,
        "scenario": record.scenario,
        "scenario_title": record.scenario_title or None,
        "scenario_folder": record.scenario_folder or None,
        "content_hash": record.content_hash,
        "seed": record.seed,
        "label": record.label,
        "created": record.created,
        "month": record.month,
        "file_hashes": dict(sorted(record.file_hashes.items())),
    }
    parts = [
        HEADER.format(title=record.scenario_title or record.scenario),
        layout.section("save", header),
        layout.table("seats", record.seats),
    ]
    if record.pins:
        parts.append(layout.table("pins", dict(sorted(record.pins.items()))))
    table = {"news_shown": record.news_shown, "reported": record.reported, "clock": attrs.asdict(record.clock)}
    parts.append(TABLE_NOTE + layout.table("table", table))
    parts += (layout.table("table.log", unstructure(entry), array=True) for entry in record.table_log)
    parts += (f"[[moves]]  # {n}\n{_move_body(m)}" for n, m in enumerate(record.moves, 1))
    parts.append(layout.section("state", unstructure(record.snapshot)))
    parts.append(END)
    return "\n".join(parts)
