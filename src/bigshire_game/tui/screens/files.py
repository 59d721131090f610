"""Choosing a save file: the saves folder's files, newest first, or a path typed in."""

from __future__ import annotations

import time
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ..widgets.field import Field


def save_files(folder: Path, limit: int = 50) -> list[Path]:
    """Save files under the folder, newest first (rotated autosaves after named saves of the same age)."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.rglob("*.toml") if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)[:limit]


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
        with Vertical(id="picker", classes="panel") as box:
            box.border_title = self.heading
            if files:
                yield OptionList(
                    *(
                        Option(
                            f"{_shown(p, self.folder)}  [dim]{time.strftime('%d %b %H:%M', time.localtime(p.stat().st_mtime))}[/]",
                            id=str(p),
                        )
                        for p in files
                    ),
                    id="files",
                )
            else:
                yield Static(f"No saves in {self.folder} yet.", classes="muted")
            yield Static("Or type a path and press Enter:", classes="hint")
            yield Field(placeholder="saves/autosave/latest", id="path")
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
