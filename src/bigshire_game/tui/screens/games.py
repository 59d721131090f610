"""Choosing which game to continue when the saves folder holds several tables' games."""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option


def game_line(game) -> str:
    """One game as a table would recognise it: its name, who sits at it, how far it got, when."""
    title = game.name or f"game {game.game}"
    people = ", ".join(game.people) or "computer only"
    return (
        f"[b]{escape(title)}[/]  [dim]{escape(game.scenario)} · seed {game.seed} · {escape(people)} · "
        f"{escape(game.month or 'not started')} · {escape(game.when)}[/]"
    )


class GameChooser(ModalScreen[Path | None]):
    """Returns the path of the chosen game's latest autosave, or None."""

    CSS_PATH = "files.tcss"
    BINDINGS = [Binding("escape", "cancel", "Back")]

    def __init__(self, games: list) -> None:
        super().__init__()
        self.games = games

    def compose(self) -> ComposeResult:
        with Vertical(id="picker", classes="panel") as box:
            box.border_title = "Which game?"
            yield Static("This saves folder holds several games. Choose yours:", classes="hint")
            yield OptionList(*(Option(game_line(g), id=str(g.path)) for g in self.games), id="files")
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(Path(event.option.id or ""))

    def action_cancel(self) -> None:
        self.dismiss(None)
