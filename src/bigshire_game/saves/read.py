"""Reading a save's text into a `GameRecord`, refusing anything broken with `file:line: reason`.

Only the file itself is checked here; whether it fits the scenario and its own
move log is `load`'s business.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from attrs import define

from ..content.convert import structure
from ..content.diagnostics import KeyPath, dotted
from ..content.guards import hostile_values, parse_toml
from ..content.load import syntax_diagnostic
from ..content.locate import PositionIndex
from ..session import TABLE_KINDS
from . import layout
from .errors import SaveError
from .migrate import migrate, original_path, readable
from .pins import hash_problem
from .record import CONVERTER, END, FORMAT, GameRecord, SaveFile, record_from_file

GAME_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")  # a game's id names its autosave folder
MAX_CLOCK_MINUTES = 24 * 60
MAX_SAVE_BYTES = 16 * 1024 * 1024  # a whole year's save is well under 1 MB


@define
class Parsed:
    """A record with what it took to read it: notes for the user and the text, for locating keys later."""

    record: GameRecord
    notes: list[str]
    text: str
    shown: str
    found: int = FORMAT  # the format the file was written in
    _index: PositionIndex | None = None

    def line(self, path: KeyPath) -> int:
        if self._index is None:
            self._index = PositionIndex(self.text)
        return self._index.nearest(original_path(path, self.found))[0]

    def where(self, path: KeyPath) -> str:
        """A key as the file names it (an older format may keep it elsewhere), quoted when it is not plain."""
        return dotted(tuple(p if isinstance(p, int) else layout.key(p) for p in original_path(path, self.found)))

    def error(self, path: KeyPath, reason: str) -> SaveError:
        return SaveError(self.shown, self.line(path), reason)

    def problem(self, path: KeyPath, reason: str) -> SaveError:
        """`file:line: key: reason`."""
        return self.error(path, f"{self.where(path)}: {reason}")


def parse_bytes(data: bytes, shown: str) -> Parsed:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        reason = (
            f"this file is not UTF-8 text (unreadable byte 0x{data[exc.start]:02x}): "
            "a save is always written as UTF-8, so it is damaged or it is not a save"
        )
        raise SaveError(shown, line, reason) from None
    return parse(text, shown)


def loads(text: str, shown_path: str) -> GameRecord:
    """The record in this text, or SaveError naming the line at fault."""
    return parse(text, shown_path).record


def parse(text: str, shown: str) -> Parsed:
    if not text.strip("\ufeff \t\r\n"):
        raise SaveError(shown, 1, "the file is empty")
    cut = not text.rstrip("\r\n \t").endswith(END.strip())
    try:
        raw, failure = parse_toml(text)
    except tomllib.TOMLDecodeError as exc:
        if cut:
            raise _cut_short(shown, text) from None
        d = syntax_diagnostic(shown, text, exc)
        raise SaveError(shown, d.line, d.message) from None
    if raw is None:
        raise SaveError(shown, failure[0], failure[2])
    hostile = hostile_values(raw, texts=False)  # texts are checked where they are used, and shown escaped
    if hostile:
        path, message = hostile[0]
        raise SaveError(shown, PositionIndex(text).nearest(path)[0], f"{dotted(path)}: {message}" if path else message)
    save = raw.get("save")
    if not isinstance(save, dict):
        raise SaveError(shown, 1, "this is not a Bigshire save: it has no [save] table")
    if cut:
        raise _cut_short(shown, text)
    found = save.get("format")
    raw, notes = _migrated(raw, found, shown, text)
    doc, problems = structure(raw, SaveFile, CONVERTER)
    if doc is None:
        index = PositionIndex(text)
        located = sorted(
            (
                (index.nearest(original_path(path, found))[0], original_path(path, found), message)
                for path, message in problems
            ),
            key=lambda p: p[0],
        )
        line, path, message = located[0]
        more = f" (and {len(located) - 1} more problem{'s' if len(located) > 2 else ''})" if len(located) > 1 else ""
        raise SaveError(shown, line, f"{_where(path, message)}{more}")
    parsed = Parsed(record_from_file(doc), notes, text, shown, found)
    _check_game(parsed)
    _check_pins(parsed)
    _check_table(parsed)
    return parsed


def _where(path: KeyPath, message: str) -> str:
    """The problem with its place, as the file shows it: moves are numbered from 1, as in their headers."""
    if len(path) == 1 and message.startswith("the required key"):
        return f"the [{path[0]}] table is missing"
    if len(path) >= 2 and path[0] == "moves" and isinstance(path[1], int):
        rest = f", {dotted(path[2:])}" if len(path) > 2 else ""
        return f"move {path[1] + 1}{rest}: {message}"
    return f"{dotted(path)}: {message}"


def _cut_short(shown: str, text: str) -> SaveError:
    last = text.count("\n") + (0 if text.endswith("\n") else 1)
    reason = (
        f'the file ends early: a save\'s last line is "{END.strip()}" (was it cut short while being copied '
        "or written?); an earlier save or an autosave from the same game may be whole"
    )
    return SaveError(shown, last, reason)


def _migrated(raw: dict[str, Any], found: object, shown: str, text: str) -> tuple[dict[str, Any], list[str]]:
    line = PositionIndex(text).nearest(("save", "format"))[0] if found != FORMAT else 0
    if not isinstance(found, int) or isinstance(found, bool):
        raise SaveError(
            shown, line, f"save.format: expected the save's format as a whole number, such as format = {FORMAT}"
        )
    if found > FORMAT:
        reason = (
            f"this save was made by a newer version of Bigshire (format {found}); "
            f"this version reads format {FORMAT} or older: update Bigshire to open it"
        )
        raise SaveError(shown, line, reason)
    if not readable(found):
        raise SaveError(shown, line, f"save.format: there is no save format {found}; this version reads 0 to {FORMAT}")
    return migrate(raw, found)


def _check_game(parsed: Parsed) -> None:
    record = parsed.record
    for key, value in (("game", record.game), ("parent", record.parent)):
        if (value or key == "game") and not GAME_ID.fullmatch(value):
            reason = "a game's id is 1 to 64 letters, digits, - or _ (it names the game's autosave folder)"
            raise parsed.problem(("save", key), reason)


def _check_pins(parsed: Parsed) -> None:
    for seat, stored in parsed.record.pins.items():
        problem = hash_problem(stored)
        if problem:
            raise parsed.problem(("pins", seat), problem)


def _check_table(parsed: Parsed) -> None:
    """The table log can never point past the move log: an entry after move N needs N moves."""
    record = parsed.record
    count = len(record.moves)
    for i, entry in enumerate(record.table_log):
        if entry.kind not in TABLE_KINDS:
            known = ", ".join(f'"{k}"' for k in TABLE_KINDS)
            raise parsed.problem(
                ("table", "log", i, "kind"), f'there is no kind of table entry "{entry.kind}": use {known}'
            )
        if not 0 <= entry.after <= count:
            what = f'the checkpoint "{entry.label}"' if entry.kind == "checkpoint" else f"this {entry.kind} entry"
            reason = f"{what} is after move {entry.after}, but the log has {count} moves"
            raise parsed.problem(("table", "log", i, "after"), reason)
    turn = record.snapshot.turn
    if not -1 <= record.news_shown <= turn:
        raise parsed.problem(("table", "news_shown"), f"the month whose news was shown must be from -1 to {turn}")
    if not 0 <= record.reported <= turn:
        raise parsed.problem(("table", "reported"), f"the month report owed next must be from 0 to {turn}")
    clock = record.clock
    if not 1 <= clock.minutes <= MAX_CLOCK_MINUTES:
        raise parsed.problem(("table", "clock"), f"the clock's minutes must be from 1 to {MAX_CLOCK_MINUTES}")
    if abs(clock.remaining) > MAX_CLOCK_MINUTES * 60:
        raise parsed.problem(
            ("table", "clock"), f"the clock's remaining seconds must be within a day ({MAX_CLOCK_MINUTES * 60})"
        )
