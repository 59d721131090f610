"""Games as files a trainer analyses outside the game: every event as a line of JSON with a stable envelope,
and each game's outcomes and observer themes as CSV rows; with the JSON Schema and reference page that
describe them, generated from the event classes. It reads games (replays and the debrief's measures) and never
changes one; the command line and the sweep call it."""

from .events import ENVELOPE, GameId, Traced, lines, record, simulated_game, trace
from .files import ExportError, Output, outputs
from .games import Exported, GameFiles, Wanted, export_game
from .outcomes import ORGANISATION_COLUMNS, THEME_COLUMNS, organisation_rows, theme_rows, themes_path

__all__ = [
    "ENVELOPE",
    "ORGANISATION_COLUMNS",
    "THEME_COLUMNS",
    "ExportError",
    "Exported",
    "GameFiles",
    "GameId",
    "Output",
    "Traced",
    "Wanted",
    "export_game",
    "lines",
    "organisation_rows",
    "outputs",
    "record",
    "simulated_game",
    "theme_rows",
    "themes_path",
    "trace",
]
