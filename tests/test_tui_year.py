"""A whole year at the terminal, as a training day would play it: two seats, the facilitator at F2
taking over a regulator and handing it back, adjusting a figure with a reason, publishing a card and
taking one back, a checkpoint, and the terminal closed and reopened in the middle.

Every move is made with keys through the menu, the preview and `c`; the session is only read, to
choose which family to try next and to check what the screens did. About 600 keys in all, so the
moves stay at one new family per step until each organisation has used every family it was offered.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from attrs import define, field

from bigshire_game.engine.moves import AdjustFigure, PublishCard
from bigshire_game.engine.state import FACILITATOR
from bigshire_game.session import BOT, CHECKPOINT, HANDED_BACK, TAKEN_OVER
from bigshire_game.tui import present
from bigshire_game.tui.app import BigshireApp
from bigshire_game.tui.launch import build_launch
from tui_support import SCENARIO, make_app, run

CONSORTIUM, ACUTE, REGULATOR = "east_bigshire", "united_hospitals", "cqc"
SEATS = {CONSORTIUM: "Alice", ACUTE: "Bob"}
LETTERS = {f.key: f.letter for f in present.FAMILIES}
ROLES = list(SCENARIO.roles)
TURNS = len(SCENARIO.turns)  # twelve: August and September are one turn
REASON = "winter grant paid late"
PAUSE_AT = (5, CONSORTIUM)  # the terminal is closed at this desk, after one move


def screen_name(app) -> str:
    return type(app.screen).__name__


def console_said(app) -> str:
    return str(app.screen.query_one("#console-result").render())


@define
class Day:
    """What the test saw and did at the terminal, carried across the close and the resume."""

    offered: dict[str, set[str]] = field(factory=lambda: {CONSORTIUM: set(), ACUTE: set()})
    used: dict[str, set[str]] = field(factory=lambda: {CONSORTIUM: set(), ACUTE: set(), REGULATOR: set()})
    desks: list[tuple[int, str]] = field(factory=list)  # (turn, organisation) of every desk opened
    news: list[int] = field(factory=list)
    reports: list[int] = field(factory=list)
    said: dict[str, str] = field(factory=dict)  # what the console answered, by step
    debrief: str = ""


# --- moves through the menu ---------------------------------------------------------------------------


async def make_move(pilot, family: str, day: Day) -> None:
    """Open the family by its letter, preview the first choice and commit it with `c`."""
    app = pilot.app
    session = app.game.session
    role = app.screen.role
    before = len(session.moves)
    await pilot.press("m", LETTERS[family])
    await pilot.pause()
    if family == "inbox" and screen_name(app) == "DeskScreen":  # several items: choose on the inbox tab
        await pilot.press("enter")
        await pilot.pause()
    assert screen_name(app) == "MoveForm", (family, screen_name(app))
    await pilot.press("enter")  # the preview; nothing is done yet
    await pilot.pause()
    assert screen_name(app) == "PreviewScreen"
    assert len(session.moves) == before, "choosing a move made it"
    await pilot.press("c")
    await pilot.pause()
    made = session.moves[before:]
    assert made and all(m.actor == role for m in made), (family, made)
    assert present.family_of(made[0]) == family, (family, made)
    day.used[role].add(family)


def offered_now(app) -> set[str]:
    """The families the open move menu offers (not greyed)."""
    return {o.id for o in app.screen.query_one("#families").options if not o.disabled} - {"end"}


async def seat_turn(pilot, day: Day) -> None:
    """A person's desk: try up to two families it has not used yet, as the menu offers them."""
    app = pilot.app
    role = app.screen.role
    for _ in range(2):
        await pilot.press("m")
        await pilot.pause()
        offered = offered_now(app)
        day.offered[role] |= offered
        await pilot.press("escape")
        await pilot.pause()
        new = [f.key for f in present.FAMILIES if f.key in offered - day.used[role]]
        if not new:
            return
        await make_move(pilot, new[0], day)
        if screen_name(app) != "DeskScreen":
            return


async def end_turn(pilot) -> None:
    await pilot.press("e", "enter")
    await pilot.pause()


# --- the facilitator ----------------------------------------------------------------------------------


async def console(pilot, section: str) -> None:
    """F2, then F5 to the console's section."""
    await pilot.press("f2")
    await pilot.pause()
    order = ["cards", "ruling", "adjust", "seats", "checkpoint"]
    await pilot.press(*["f5"] * order.index(section))
    await pilot.pause()


async def close_console(pilot) -> None:
    await pilot.press("escape")
    await pilot.pause()


async def seat_button(pilot, role: str, button: str, day: Day) -> None:
    await console(pilot, "seats")
    await pilot.press(*["down"] * ROLES.index(role))
    await pilot.click(f"#{button}")
    await pilot.pause()
    day.said[button] = console_said(pilot.app)
    await close_console(pilot)


async def interventions(pilot, day: Day) -> None:
    """Publish a card; publish another by mistake and take it back (Ctrl+Z); adjust a figure with a reason."""
    app = pilot.app
    await console(pilot, "cards")
    await pilot.press("enter")  # the first card
    await pilot.pause()
    day.said["card"] = console_said(app)
    await pilot.press("down", "enter")  # the second card, by mistake
    await pilot.pause()
    day.said["mistake"] = console_said(app)
    await pilot.press("ctrl+z")
    await pilot.pause()
    day.said["take back"] = console_said(app)
    await pilot.press("f5", "f5")  # to Adjust a figure: the organisation, the figure, the change, the reason
    await pilot.press("enter", *["down"] * ROLES.index(CONSORTIUM), "enter")
    await pilot.press("tab", "tab", *"500", "tab", *REASON, "enter")
    await pilot.pause()
    day.said["adjust"] = console_said(app)
    await close_console(pilot)


async def checkpoint(pilot, day: Day) -> None:
    await console(pilot, "checkpoint")
    await pilot.press(*"mid-year", "enter")
    await pilot.pause()
    day.said["checkpoint"] = console_said(pilot.app)
    await close_console(pilot)


# --- the year -------------------------------------------------------------------------------------------


async def play_on(pilot, day: Day, stop: tuple[int, str] | None = None) -> None:
    """Answer whatever screen comes until the debrief (or until the desk `stop`, after one move there)."""
    app = pilot.app
    for _ in range(200):  # a loop guard: the year has about 70 screens
        await pilot.pause()
        name = screen_name(app)
        if name == "DebriefScreen":
            day.debrief = app.screen.markdown()
            return
        if name != "DeskScreen":
            assert name in ("NewsScreen", "MonthReportScreen", "CurtainScreen"), name
            if name == "NewsScreen":
                day.news.append(app.screen.turn)
            elif name == "MonthReportScreen":
                day.reports.append(app.screen.turn)
            await pilot.press("enter")
            continue
        role, turn = app.screen.role, app.game.state.turn
        day.desks.append((turn, role))
        if role == REGULATOR:  # the facilitator at the regulator's desk
            if "regulate" not in day.used[REGULATOR]:
                await make_move(pilot, "regulate", day)
            await end_turn(pilot)
            continue
        if (turn, role) == (0, CONSORTIUM):
            await seat_button(pilot, REGULATOR, "take-over", day)
        elif (turn, role) == (2, ACUTE):
            await interventions(pilot, day)
        elif (turn, role) == (4, CONSORTIUM):
            await checkpoint(pilot, day)
        elif (turn, role) == (7, CONSORTIUM):
            await seat_button(pilot, REGULATOR, "give-back", day)
        if (turn, role) == stop:
            await make_move(pilot, [f for f in sorted(day.offered[role]) if f != "inbox"][0], day)
            return
        await seat_turn(pilot, day)
        await end_turn(pilot)
    raise AssertionError("the year did not end")


def snapshot(app) -> dict:
    session = app.game.session
    return {
        "game": session.game_id,
        "state": session.state,
        "moves": list(session.moves),
        "seats": dict(session.seats),
        "table": list(session.table),
        "this turn": list(session.moves_this_turn()),
    }


def test_a_year_at_the_terminal_with_a_facilitator(tmp_path: Path):
    saves = tmp_path / "saves"
    day = Day()
    before: dict = {}

    async def first_half(pilot) -> None:
        await play_on(pilot, day, stop=PAUSE_AT)
        before.update(snapshot(pilot.app))
        await pilot.press("ctrl+c")
        await pilot.pause()

    run(make_app(saves, mode="new", seed=1, seats=SEATS), first_half, lambda app: None)
    assert before["state"].turn == PAUSE_AT[0] and before["this turn"], "closed mid-turn, after a move"

    args = argparse.Namespace(load="latest", review=None, human=[], seed=None, scenario=None, saves=str(saves), name="")
    launch = build_launch(args)
    assert not isinstance(launch, int), launch
    launch.scenario = SCENARIO
    after: dict = {}

    async def second_half(pilot) -> None:
        await pilot.pause()
        after["screen"] = (screen_name(pilot.app), getattr(pilot.app.screen, "role", None))
        after.update(snapshot(pilot.app))
        await pilot.press("enter")  # the curtain: back to Alice's desk, where she was
        await pilot.pause()
        await seat_turn(pilot, day)
        await end_turn(pilot)
        await play_on(pilot, day)

    try:
        session = run(BigshireApp(launch, clock=lambda: 0.0, cursor_blink=False), second_half, lambda a: a.game.session)
    finally:
        launch.lock.release()

    # the resume: the same game, table and turn in progress, the regulator still taken over
    assert after["screen"] == ("CurtainScreen", CONSORTIUM)
    for key in ("game", "state", "moves", "seats", "table", "this turn"):
        assert after[key] == before[key], f"{key} changed across the resume"
    assert before["seats"][REGULATOR] == FACILITATOR

    # every turn of the year played, each month's news and report seen, both seats at every turn
    assert session.state.finished
    assert day.news == list(range(TURNS)), day.news
    assert day.reports[: TURNS] == list(range(TURNS)), day.reports
    for role in SEATS:
        assert sorted({t for t, r in day.desks if r == role}) == list(range(TURNS)), role
    assert {t for t, r in day.desks if r == REGULATOR} == set(range(7)), "the regulator's seat until the hand-back"

    # every family each organisation was offered, used at least once; regulate through the takeover
    for role in SEATS:
        assert day.offered[role] and day.used[role] == day.offered[role], (role, day.offered[role], day.used[role])
    assert day.used[REGULATOR] == {"regulate"}
    regulated = [m for m in session.moves if m.actor == REGULATOR and present.family_of(m) == "regulate"]
    assert regulated, "the facilitator regulated as CQC"

    # the facilitator: a takeover and a hand-back on the table log, interventions in the move log
    assert [(e.kind, e.role, e.seat) for e in session.table if e.kind != CHECKPOINT] == [
        (TAKEN_OVER, REGULATOR, FACILITATOR),
        (HANDED_BACK, REGULATOR, BOT),
    ]
    assert [e.label for e in session.checkpoints] == ["mid-year"]
    assert session.seats[REGULATOR] == BOT
    assert day.said["take-over"] == "CQC is now played by the facilitator.", day.said
    assert day.said["give-back"] == "CQC is now played by the computer.", day.said
    published = [m for m in session.moves if isinstance(m, PublishCard)]
    assert len(published) == 1, "the card published by mistake was taken back"
    assert day.said["take back"].startswith("Took back the publication of"), day.said
    adjusted = [m for m in session.moves if isinstance(m, AdjustFigure)]
    assert [(m.role, m.figure, m.amount, m.reason) for m in adjusted] == [(CONSORTIUM, "balance", 500, REASON)]
    assert day.said["adjust"] == "Adjusted East Bigshire's balance by +£0.5m.", day.said

    # the debrief tells the adjustment with its reason, and the table's takeover and hand-back
    assert REASON in day.debrief
    assert "At the table" in day.debrief
    assert "the facilitator took over CQC" in day.debrief and "handed CQC back to the computer" in day.debrief
