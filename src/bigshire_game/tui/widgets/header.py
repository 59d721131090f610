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

    def left_text(self) -> Text:
        heading = getattr(self.app, "heading", lambda: "")()
        left = Text.assemble((heading, "bold"), "  " if heading else "", self.where)
        if self.who:
            left.append("  │  ")
            left.append(self.who, "bold")
        return left

    def redraw(self) -> None:
        self.query_one("#header-left", Static).update(self.left_text())
        self.redraw_clock()

    def on_resize(self) -> None:
        self.redraw_clock()

    def redraw_clock(self) -> None:
        right = Text()
        game = getattr(self.app, "game", None)
        if game is not None and game.save_problem:
            right.append("NOT SAVED  ", "bold red")
        if self.show_clock and game is not None:
            clock = game.clock
            style = "bold red" if clock.remaining() < 0 else ("yellow" if clock.paused else "")
            room = self.size.width - self.styles.gutter.width - self.left_text().cell_len - right.cell_len - 2
            right.append(clock_words(clock, room if self.size.width else None), style)
        self.query_one("#header-right", Static).update(right)


def clock_words(clock, room: int | None = None) -> str:
    """The clock as the header shows it. Paused, it says who restarts it, in as many words as `room` allows
    (None: all of them), so a room that comes back from a reload to a stopped clock knows why."""
    if not clock.paused:
        return clock.text()
    left = clock.remaining()
    whole = int(abs(left))
    at = f"{whole // 60:02d}:{whole % 60:02d}" + (" over time" if left < 0 else "")
    said = (
        f"{at} paused — the facilitator restarts it (F2, F3)",
        f"{at} paused — facilitator: F2, F3",
        f"{at} paused (F2, F3)",
        f"{at} paused",
    )
    return next((words for words in said if room is None or len(words) <= room), said[-1])
