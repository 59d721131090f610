"""The app: the hot-seat game on one terminal, from the title screen to the debrief.

The app holds the `Game` (and through it the session); screens read it and call
its methods, and `proceed()` asks the game which shared screen comes next.
Screens are imported when first shown, so the title appears quickly.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from .clock import MonthClock
from .launch import Launch

if TYPE_CHECKING:
    from ..content import Scenario
    from .game import Game


class BigshireApp(App[None]):
    TITLE = ""  # the scenario's name, set when the app starts and whenever another scenario is shown
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = False
    HORIZONTAL_BREAKPOINTS = [(0, "-normal"), (140, "-wide")]  # projected terminals get wider panels
    BINDINGS = [
        Binding("f2", "facilitator", "Facilitator"),
        Binding("ctrl+q", "ask_quit", "Quit", priority=True),
        Binding("ctrl+c", "quit", "Quit", show=False),
    ]

    def __init__(
        self,
        launch: Launch | None = None,
        *,
        clock: Callable[[], float] | None = None,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.launch = launch or Launch()
        self.saves_dir = self.launch.saves_dir
        self.cursor_blink = cursor_blink
        self._clock_source = clock
        self.game: Game | None = None
        self._scenarios: dict[str, Scenario] = {}
        if self.launch.scenario is not None:
            self._scenarios[str(self.launch.scenario_dir or "")] = self.launch.scenario
        self.chosen_dir: Path | None = self.launch.scenario_dir
        """The scenario a new game is set up with: the command line's, or the one chosen on the title screen."""
        self.shown: Scenario | None = self.launch.scenario
        """The scenario of the game or review on screen, whose name the header shows."""
        self.title = self.heading()

    # --- starting --------------------------------------------------------------------------------

    def on_mount(self) -> None:
        launch = self.launch
        if launch.mode == "new":
            self.new_game(self.scenario(launch.scenario_dir), launch.seed, launch.seats, launch.pins)
        elif launch.mode == "load" and launch.loaded is not None:
            self.play_loaded(launch.loaded)
        elif launch.mode == "review" and launch.loaded is not None:
            self._open_review(launch.loaded)
        elif launch.mode == "load" and launch.path is not None:
            self.load_game(launch.path)
        elif launch.mode == "review" and launch.path is not None:
            self.review(launch.path)
        else:
            self.show_title()

    def scenario(self, root: Path | None) -> Scenario:
        """The scenario in this folder (the built-in one when None), read once."""
        key = str(root or "")
        if key not in self._scenarios:
            from ..content import builtin_scenario_dir, load_scenario

            self._scenarios[key] = load_scenario(root or builtin_scenario_dir())
        return self._scenarios[key]

    def heading(self) -> str:
        """The scenario's name for the header: the game's or review's on screen, else the one chosen for a new game."""
        if self.shown is not None:
            return self.shown.name
        from ..content import find_scenario, peek_title
        from ..content.scenario import title_name

        try:
            title = peek_title(self.chosen_dir or find_scenario(None))
        except (OSError, LookupError):
            title = None
        return title_name(title) if title else ""

    def show_scenario(self, scenario: Scenario | None) -> None:
        self.shown = scenario
        self.title = self.heading()

    def make_clock(self, minutes: int) -> MonthClock:
        """A turn's countdown of `minutes` (the scenario's phases' minutes), on the app's time source."""
        return MonthClock(minutes, now=self._clock_source) if self._clock_source else MonthClock(minutes)

    def show_title(self) -> None:
        from .screens.title import TitleScreen

        self.close_game()
        self.show_scenario(None)
        self.show(TitleScreen())

    def new_game(
        self, scenario: Scenario, seed: int, seats: dict[str, str], pins: dict[str, str], name: str = ""
    ) -> None:
        from ..session import Session

        session = Session(
            scenario,
            seed,
            seats,
            pins=pins,
            name=name or getattr(self.launch, "name", ""),
            clock=self.make_clock(scenario.turn_minutes),
        )
        if self._take_seat(session):
            self.game.start()
            self.proceed()

    def play_on(
        self, session, pins: dict[str, str] | None = None, label: str = "", *, news: bool = False, name: str = ""
    ) -> None:
        """Continue a session at the terminal: a loaded save as it was left, or (`news`) a branch played on
        from a review as a new game, which opens on its month's news and records the game it came from."""
        if news:
            session.branched(name or (f"{label} (played on)" if label else ""))
            session.pins = dict(pins or {})
            session.news_shown = session.state.turn - 1
            session.reported = session.state.turn
            session.clock = self.make_clock(session.scenario.turn_minutes)
        elif pins is not None:
            session.pins = dict(pins)
        if not self._take_seat(session):
            return
        if not session.state.finished and not session.is_human(session.actor or ""):
            self.game.start()
        self.proceed()

    def _take_seat(self, session) -> bool:
        """Make the session the terminal's game, with its lock and autosaves; False (and the title screen)
        when another process has the game open."""
        from ..saves import GameInUse
        from .game import Game

        self.close_game()
        self.show_scenario(session.scenario)
        try:
            self.game = Game(session, saves_dir=self.saves_dir, clock=self.make_clock(session.scenario.turn_minutes))
        except GameInUse as exc:
            self.notify(str(exc), title="Cannot open this game", severity="error", timeout=12)
            self.show_title()
            return False
        return True

    def close_game(self) -> None:
        if self.game is not None:
            self.game.close()
            self.game = None

    def on_unmount(self) -> None:
        self.close_game()

    def load_game(self, path: Path) -> None:
        loaded = self.read_save(path)
        if loaded is not None:
            self.play_loaded(loaded)

    def play_loaded(self, loaded) -> None:
        from ..saves import behind

        if loaded.session is None:
            self.notify("This save cannot be played on; opening it for review.", severity="warning")
            self._open_review(loaded)
            return
        session = loaded.session
        if behind(loaded, self.saves_dir):  # the game has moved on since: play on from here as a new game
            record = loaded.record
            session.branched(f"{record.label or record.name or 'game ' + record.game} (played on)")
            self.notify(
                "The game has moved on since this save, so it opens as a new game; the later moves stay in "
                f"the game it came from ({record.name or record.game}).",
                title="Playing on as a new game",
                timeout=10,
            )
        self.play_on(session)

    def review(self, path: Path) -> None:
        loaded = self.read_save(path, fallback_read_only=True)
        if loaded is not None:
            self._open_review(loaded)

    def _open_review(self, loaded) -> None:
        from .screens.review import ReviewScreen

        self.close_game()
        self.show_scenario(loaded.scenario)
        self.show(ReviewScreen(loaded))

    def read_save(self, path: Path, fallback_read_only: bool = False):
        """A loaded save, or None after telling the user why not (on the title screen if nothing else is showing)."""
        from ..saves import SaveError, load_record

        try:
            # a save finds its own scenario, unless the command line named one
            scenario = self.scenario(self.launch.scenario_dir) if self.launch.scenario_dir else None
            try:
                loaded = load_record(path, scenario, saves_dir=self.saves_dir)
            except SaveError as refused:
                if not fallback_read_only:
                    raise
                loaded = load_record(path, scenario, replay=False, saves_dir=self.saves_dir)
                loaded.warnings.insert(0, str(refused))  # why it is read-only: the review screen shows it
        except (SaveError, OSError) as exc:
            self.notify(str(exc), title="Cannot open this save", severity="error", timeout=12)
            if len(self.screen_stack) <= 1:
                self.show_title()
            return None
        if not loaded.read_only:  # a read-only review explains itself when it opens
            for warning in loaded.warnings:
                self.notify(str(warning), severity="warning", timeout=10)
        return loaded

    # --- the shared screen ------------------------------------------------------------------------

    def show(self, screen: Screen) -> None:
        """Replace the current main screen (closing any dialogs over it, and any messages meant for the last seat)."""
        self.clear_notifications()
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if len(self.screen_stack) <= 1:
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def proceed(self) -> None:
        """Show whatever the game says comes next."""
        game = self.game
        if game is None:
            return
        step = game.next_step()
        if step.kind == "news":
            from .screens.news import NewsScreen

            self.show(NewsScreen(step.turn))
        elif step.kind == "curtain":
            from .screens.curtain import CurtainScreen

            self.show(CurtainScreen(step.role, step.seat))
        elif step.kind == "desk":
            from .screens.desk import DeskScreen

            if isinstance(self.screen, DeskScreen) and self.screen.role != step.role:
                self.notify(f"Your seat now plays {game.scenario.roles[step.role].name}.", title="Next organisation")
            self.show(DeskScreen(step.role))
        elif step.kind == "report":
            from .screens.report import MonthReportScreen

            self.show(MonthReportScreen(step.turn))
        else:
            from .screens.debrief import DebriefScreen

            self.show(DebriefScreen.for_game(game, final=True))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The facilitator's key is shown only during a game, and not inside the console itself."""
        if action == "facilitator":  # by name: importing the console here would slow the title screen
            return self.game is not None and type(self.screen).__name__ != "FacilitatorScreen"
        return True

    def after_console(self) -> None:
        """The facilitator may have moved the game on (a skipped turn, a closed phase, a reseated organisation)."""
        from .screens.curtain import CurtainScreen
        from .screens.desk import DeskScreen

        game = self.game
        screen = self.screen
        if game is None or not isinstance(screen, DeskScreen | CurtainScreen):
            return
        actor = game.session.actor or ""
        seat = game.seat_of(actor)
        if isinstance(screen, CurtainScreen):
            moved = (screen.role, screen.seat) != (actor, seat)
        else:
            moved = screen.role != actor or seat != game.last_seat
        if game.state.finished or moved:
            self.proceed()
        elif isinstance(screen, DeskScreen):
            screen.refresh_desk()

    # --- actions available everywhere ----------------------------------------------------------

    def action_facilitator(self) -> None:
        from .screens.facilitator import FacilitatorScreen
        from .screens.pin import PinScreen

        game = self.game
        if game is None:
            self.notify("The facilitator's console opens during a game.")
            return
        if isinstance(self.screen, FacilitatorScreen):
            return

        def opened(ok: bool | None) -> None:
            if ok:
                self.push_screen(FacilitatorScreen())

        if game.needs_pin("facilitator"):
            self.push_screen(PinScreen("the facilitator", lambda pin: game.pin_ok("facilitator", pin)), opened)
        else:
            opened(True)

    def action_ask_quit(self) -> None:
        """Mid-game, Ctrl+Q asks first (everything is saved either way); elsewhere it quits."""
        from .screens.confirm import Confirm

        if self.game is None or self.game.state.finished or isinstance(self.screen, Confirm):
            self.exit()
            return
        where = f" It is saved; carry on later with `{self.load_command()}`."
        self.push_screen(
            Confirm("Quit the game?", "Everyone's moves so far are kept." + where, yes="Quit", no="Keep playing"),
            lambda yes: self.exit() if yes else None,
        )

    def load_command(self) -> str:
        """The command that carries on with this game: its name or id, and the saves folder unless it is ./saves."""
        import shlex

        session = self.game.session if self.game is not None else None
        command = f"bigshire play --load {shlex.quote(session.name or session.game_id) if session else 'latest'}"
        if Path(self.saves_dir) != Path("saves"):
            command += f" --saves {shlex.quote(str(self.saves_dir))}"
        return command
