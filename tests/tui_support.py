"""Driving the terminal game in tests: an app with a still clock and a steady cursor, run headless
at 100x30, and the text a screen shows (for checking what a curtain hides)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.tui.app import BigshireApp
from bigshire_game.tui.launch import Launch

SIZE = (100, 30)
SCENARIO = load_scenario(builtin_scenario_dir())

RunBefore = Callable[[Any], Awaitable[None]]


def make_app(saves: Path, **launch: Any) -> BigshireApp:
    """An app whose month clock never moves and whose cursor never blinks, so screenshots repeat exactly."""
    launch.setdefault("scenario", SCENARIO)
    return BigshireApp(Launch(saves_dir=saves, **launch), clock=lambda: 0.0, cursor_blink=False)


def run(
    app: BigshireApp, run_before: RunBefore | None = None, after: Callable[[BigshireApp], Any] | None = None
) -> Any:
    """Run the app headless, drive it with `run_before(pilot)`, then return `after(app)` (default: the screenshot)."""

    async def main() -> Any:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            if run_before is not None:
                await run_before(pilot)
            await pilot.pause()
            return after(app) if after else app.export_screenshot()

    return asyncio.run(main())


def plain(content: object) -> str:
    if isinstance(content, str):
        try:
            return Text.from_markup(content).plain
        except Exception:
            return content
    if isinstance(content, Text):
        return content.plain
    console = Console(width=200, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(content)
    return console.export_text()


def screen_text(app: BigshireApp) -> str:
    """Every piece of text the screens on the stack hold: static text, list options and table cells."""
    from textual.widgets import DataTable, OptionList, Static

    parts: list[str] = []
    for screen in app.screen_stack:
        for widget in screen.query("*"):
            if isinstance(widget, Static):
                parts.append(plain(widget.content))
            elif isinstance(widget, OptionList):
                parts += [plain(option.prompt) for option in widget.options]
            elif isinstance(widget, DataTable):
                parts += [plain(cell) for row in range(widget.row_count) for cell in widget.get_row_at(row)]
            border = getattr(widget, "border_title", None)
            if border:
                parts.append(plain(border))
    return "\n".join(parts)


def first_turn(scenario, scenario_dir: Path, saves_dir: Path) -> tuple[BigshireApp, list[tuple[str, str]], int]:
    """A new game of `scenario` with one consortium at the keyboard: read the news, open the desk and end the
    turn. The app, the screen's text on the desk and after the turn, and the moves the game held then."""
    first = next(r for r in scenario.roles.values() if r.kind == "consortium")
    launch = Launch(
        mode="new",
        scenario=scenario,
        scenario_dir=scenario_dir,
        seats={first.id: first.short_name},
        saves_dir=saves_dir,
    )
    app = BigshireApp(launch, clock=lambda: 0.0, cursor_blink=False)
    texts: list[tuple[str, str]] = []
    moves = 0

    async def play() -> None:
        nonlocal moves
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter", "enter")  # the month's news, then the curtain
            await pilot.pause()
            texts.append(("the desk", screen_text(app)))
            await pilot.press("e")
            await pilot.pause()
            await pilot.press("enter")  # yes, end the turn
            await pilot.pause()
            texts.append(("after the turn", screen_text(app)))
            moves = len(app.game.session.moves) if app.game is not None else 0

    asyncio.run(play())
    return app, texts, moves
