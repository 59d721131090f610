"""The one-line bar across the top of every game screen: where we are in the year, who is at the keyboard, the month's clock."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static


class GameHeader(Horizontal):
    """Shows `where` and `who` as given, and reads the app's month clock once a second."""

    DEFAULT_CSS = """
    GameHeader {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    GameHeader #header-left {
        width: 1fr;
        height: 1;
    }
    GameHeader #header-right {
        width: auto;
        height: 1;
    }
    """

    def __init__(self, where: str = "", who: str = "", *, clock: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.where = where
        self.who = who
        self.show_clock = clock

    def compose(self) -> ComposeResult:
        yield Static(id="header-left")
        yield Static(id="header-right")

    def on_mount(self) -> None:
        self.redraw()
        if self.show_clock:
            self.set_interval(1.0, self.redraw_clock)

    def set_text(self, where: str, who: str = "") -> None:
        self.where, self.who = where, who
        self.redraw()

    def redraw(self) -> None:
        left = Text.assemble(("Bigshire", "bold"), "  ", self.where)
        if self.who:
            left.append("  │  ")
            left.append(self.who, "bold")
        self.query_one("#header-left", Static).update(left)
        self.redraw_clock()

    def redraw_clock(self) -> None:
        right = Text()
        game = getattr(self.app, "game", None)
        if game is not None and game.save_problem:
            right.append("NOT SAVED  ", "bold red")
        if self.show_clock and game is not None:
            clock = game.clock
            style = "bold red" if clock.remaining() < 0 else ("yellow" if clock.paused else "")
            right.append(clock.text(), style)
        self.query_one("#header-right", Static).update(right)
