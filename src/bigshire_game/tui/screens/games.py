"""Choosing which game to continue when the saves folder holds several tables' games."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...content import month_label


def game_line(game) -> str:
    """One game as a table would recognise it: its name, who sits at it, how far it got, when."""
    title = game.name or f"game {game.game}"
    people = ", ".join(game.people) or "computer only"
    return (
        f"[b]{escape(title)}[/]  [dim]{escape(game.scenario)} · seed {game.seed} · {escape(people)} · "
        f"{escape(month_label(game.month) if game.month else 'not started')} · {escape(local_time(game.when))}[/]"
    )


def local_time(when: str) -> str:
    """A save's time ("2026-11-22T09:00:00Z") as the room reads it, in this computer's time: "22 Nov 09:00"."""
    try:
        moment = datetime.fromisoformat(when.replace("Z", "+00:00"))
    except ValueError:
        return when
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%d %b %H:%M")


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
