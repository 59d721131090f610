"""Games into files: what a sweep's worker keeps of each game for the trainer's files, and the files it goes to,
written in game order whichever worker finished first."""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from ..content import Scenario
from ..vocabulary.moves import Move
from . import events as ev
from .files import Output, csv_header, csv_text
from .outcomes import ORGANISATION_COLUMNS, THEME_COLUMNS, organisation_rows, theme_rows


@frozen
class Wanted:
    """Which files a sweep writes, so a worker makes only what will be kept."""

    events: bool = False
    outcomes: bool = False

    def __bool__(self) -> bool:
        return self.events or self.outcomes


@frozen
class Exported:
    """One game as the files hold it, made in the worker that played it (text and rows travel cheaply)."""

    events: str
    count: int
    organisations: tuple[tuple[object, ...], ...]
    themes: tuple[tuple[object, ...], ...]


def export_game(scenario: Scenario, seed: int, moves: Sequence[Move], wanted: Wanted) -> Exported:
    """A computer-played game, replayed once from its moves, as its lines and rows."""
    game = ev.simulated_game(scenario, seed)
    traced = ev.trace(scenario, seed, moves)
    lines = list(ev.lines(scenario, game, traced)) if wanted.events else []
    organisations = organisation_rows(scenario, game, traced) if wanted.outcomes else []
    themes = theme_rows(scenario, game, traced) if wanted.outcomes else []
    return Exported("".join(lines), len(lines), tuple(organisations), tuple(themes))


class GameFiles:
    """The open files of a sweep (any may be None): headers first, then each game's lines and rows as added."""

    def __init__(self, events: Output | None, organisations: Output | None, themes: Output | None) -> None:
        self.events, self.organisations, self.themes = events, organisations, themes
        self.wanted = Wanted(events=events is not None, outcomes=organisations is not None)
        self.games = self.lines = 0
        if organisations is not None:
            organisations.write(csv_header(ORGANISATION_COLUMNS))
        if themes is not None:
            themes.write(csv_header(THEME_COLUMNS))

    def add(self, exported: Exported) -> None:
        self.games += 1
        self.lines += exported.count
        if self.events is not None:
            self.events.write(exported.events)
        if self.organisations is not None:
            self.organisations.write(csv_text(exported.organisations))
        if self.themes is not None:
            self.themes.write(csv_text(exported.themes))
