"""Choosing a save file: the saves folder's files, newest first, or a path typed in.

Autosaves sit in a folder per game named by its id; the list names them by their game instead.
"""

from __future__ import annotations

import time
from pathlib import Path

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...content import month_label
from ..widgets.field import Field


def save_files(folder: Path, limit: int = 50) -> list[Path]:
    """Save files under the folder, newest first: named saves and each game's latest autosave. The earlier
    autosaves a game keeps (000012.toml ...) are left out of the list; their path can still be typed."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.rglob("*.toml") if p.is_file() and not _earlier_autosave(p, folder)]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)[:limit]


def _earlier_autosave(path: Path, folder: Path) -> bool:
    return path.stem.isdigit() and path.parent.parent == folder / "autosave"


class SavePicker(ModalScreen[Path | None]):
    """Returns the chosen save's path, or None."""

    CSS_PATH = "files.tcss"
    BINDINGS = [Binding("escape", "cancel", "Back")]

    def __init__(self, title: str, folder: Path) -> None:
        super().__init__()
        self.heading = title
        self.folder = folder

    def compose(self) -> ComposeResult:
        files = save_files(self.folder)
        games = autosaved(self.folder)
        with Vertical(id="picker", classes="panel") as box:
            box.border_title = self.heading
            if files:
                yield OptionList(
                    *(
                        Option(
                            f"{escape(file_label(p, self.folder, games))}  "
                            f"[dim]{time.strftime('%d %b %H:%M', time.localtime(p.stat().st_mtime))}[/]",
                            id=str(p),
                        )
                        for p in files
                    ),
                    id="files",
                )
            else:
                yield Static(f"No saves in {escape(str(self.folder))} yet.", classes="muted")
            yield Static("Or type a save's name or path, or a game's name, and press Enter:", classes="hint")
            yield Field(placeholder="e.g. before-winter, or latest for the last game", id="path")
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(Path(event.option.id or ""))

    def on_input_submitted(self, event: Field.Submitted) -> None:
        if event.value.strip():
            self.dismiss(Path(event.value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _shown(path: Path, folder: Path) -> str:
    try:
        return str(path.relative_to(folder))
    except ValueError:
        return str(path)


def autosaved(folder: Path) -> dict[Path, object]:
    """Each game's autosave folder (or the old single autosave file) with the game's summary."""
    from ...saves import list_games

    try:
        games = list_games(folder)
    except OSError:
        return {}
    return {(g.path if g.legacy else g.path.parent): g for g in games}


def file_label(path: Path, folder: Path, games: dict[Path, object]) -> str:
    """A save as a table recognises it: an autosave by its game's name (or id) and the month it reached,
    a named save by its file name."""
    game = games.get(path.parent) or games.get(path)
    if game is None:
        return _shown(path, folder)
    title = game.name or f"game {game.game}"
    if path.stem.isdigit():
        return f"{title} · autosave {int(path.stem)}"
    reached = f" · {month_label(game.month)}" if game.month else ""
    return f"{title} · latest autosave{reached}"
