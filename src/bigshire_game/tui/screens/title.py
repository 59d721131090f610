"""The title screen: continue the last game, start a new one (in the scenario chosen here), load or review a save."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...content.scenario import title_name, title_tagline


def banner(name: str) -> str:
    """The scenario's name, spaced out in capitals as the title screen's banner."""
    return " ".join(name.upper()) if len(name) <= 24 else name.upper()


def autosaved_games(saves_dir: Path) -> int:
    """How many games have autosaves in the folder, counted without reading them (the title must be quick)."""
    folder = saves_dir / "autosave"
    try:
        legacy = (folder / "latest.toml").is_file()
        return legacy + sum(1 for p in folder.glob("*/latest.toml") if p.is_file())
    except OSError:
        return 0


def games_to_continue(saves_dir: Path) -> list:
    """The games with autosaves in the folder, most recent first (none if it cannot be read)."""
    from ...saves import list_games

    try:
        return list_games(saves_dir)
    except OSError:
        return []


class TitleScreen(Screen[None]):
    CSS_PATH = "title.tcss"
    BINDINGS = [
        Binding("c", "pick('continue')", "Continue"),
        Binding("n", "pick('new')", "New game"),
        Binding("l", "pick('load')", "Load"),
        Binding("v", "pick('review')", "Review"),
        Binding("s", "pick('scenario')", "Scenario"),
        Binding("q", "pick('quit')", "Quit", show=False),
    ]

    games = 0
    """How many games the saves folder holds to continue, counted when the screen is drawn."""

    def compose(self) -> ComposeResult:
        games = self.games = autosaved_games(self.app.saves_dir)
        options = []
        if games == 1:
            options.append(Option("Continue the last game", id="continue"))
        elif games:
            options.append(Option(f"Continue a game ({games} in this folder)", id="continue"))
        options += [
            Option("New game", id="new"),
            Option("Load a save", id="load"),
            Option("Review a save (trainers)", id="review"),
            Option(f"Scenario: {self.app.heading() or 'cannot be read'}", id="scenario"),
            Option("Quit", id="quit"),
        ]
        with Vertical(id="title-box"):
            title = self.scenario_title()
            yield Static(banner(title_name(title)), id="banner")
            yield Static(title_tagline(title), id="tagline")
            with Center():
                yield OptionList(*options, id="menu")
            yield Static(
                "Arrows and Enter, or the letter keys below. F2 opens the facilitator's console during a game.",
                id="title-hint",
                classes="hint",
            )
        yield Footer()

    def scenario_title(self) -> str:
        from ...content import find_scenario, peek_title

        try:
            return peek_title(self.app.chosen_dir or find_scenario(None)) or ""
        except (OSError, LookupError):
            return ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`c` is offered (in the footer too) only when there is a game to continue."""
        if action == "pick" and parameters == ("continue",):
            return self.games > 0
        return True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_pick(event.option.id or "")

    def action_pick(self, choice: str) -> None:
        app = self.app
        if choice == "continue":
            games = games_to_continue(app.saves_dir)
            if not games:
                self.notify("There is no autosave to continue yet.")
            elif len(games) == 1:
                app.load_game(games[0].path)
            else:
                from .games import GameChooser

                app.push_screen(GameChooser(games), lambda path: app.load_game(path) if path else None)
        elif choice == "new":
            from .setup import SetupScreen

            app.show(SetupScreen())
        elif choice in ("load", "review"):
            from .files import SavePicker

            def picked(path: Path | None) -> None:
                if path is not None:
                    (app.load_game if choice == "load" else app.review)(path)

            app.push_screen(SavePicker("Load a save" if choice == "load" else "Review a save", app.saves_dir), picked)
        elif choice == "scenario":
            from .scenarios import ScenarioChooser

            def chosen(folder: Path | None) -> None:
                if folder is not None:
                    app.chosen_dir = folder
                    app.show_scenario(None)
                    self.refresh(recompose=True)

            app.push_screen(ScenarioChooser(app.chosen_dir), chosen)
        elif choice == "quit":
            app.exit()
