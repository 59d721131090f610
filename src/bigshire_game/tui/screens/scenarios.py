"""Choosing the scenario a new game is played in, among those installed (`bigshire scenarios`)."""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...content import installed_scenarios, peek_title


def scenario_line(name: str, root: Path) -> str:
    """One installed scenario as the list shows it: its name for --scenario, and its title."""
    return (
        f"[b]{escape(name)}[/]  [dim]{escape(peek_title(root) or 'cannot be read: check it with bigshire validate')}[/]"
    )


class ScenarioChooser(ModalScreen[Path | None]):
    """Returns the chosen scenario's folder, or None."""

    CSS_PATH = "files.tcss"
    BINDINGS = [Binding("escape", "cancel", "Back")]

    def __init__(self, current: Path | None = None) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        installed = installed_scenarios()
        with Vertical(id="picker", classes="panel") as box:
            box.border_title = "Which scenario?"
            yield Static(
                "New games are played in the scenario chosen here. A scenario of your own: "
                "bigshire play --scenario FOLDER.",
                classes="hint",
            )
            menu = OptionList(*(Option(scenario_line(n, r), id=str(r)) for n, r in installed.items()), id="files")
            yield menu
        yield Footer()

    def on_mount(self) -> None:
        menu = self.query_one("#files", OptionList)
        folders = [str(r) for r in installed_scenarios().values()]
        if self.current is not None and str(self.current) in folders:
            menu.highlighted = folders.index(str(self.current))
        menu.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(Path(event.option.id or ""))

    def action_cancel(self) -> None:
        self.dismiss(None)
