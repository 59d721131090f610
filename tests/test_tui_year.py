"""A whole year at the terminal, as a training day would play it: two seats, the facilitator at F2
taking over a regulator and handing it back, adjusting a figure with a reason, publishing a card and
taking one back, a checkpoint, and the terminal closed and reopened in the middle.

Every move is made with keys through the menu, the preview and `c`; the session is only read, to
choose which family to try next and to check what the screens did. Each key costs a frame or two
(about 0.2 s here), so a desk makes at most one move, in a family its organisation has not used yet:
about 250 keys for the year, under a minute.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from attrs import define, field

from bigshire_game.session import BOT, CHECKPOINT, FACILITATOR, HANDED_BACK, TAKEN_OVER
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
CHECKPOINT_LABEL = "before-winter"
TAKE_OVER_AT = (4, CONSORTIUM)  # the facilitator's interventions, the takeover of CQC and a checkpoint
PAUSE_AT = (5, CONSORTIUM)  # the terminal is closed at this desk, after one move
HAND_BACK_AT = (5, ACUTE)  # after the resume, so the takeover has to survive it


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


def offered_at_desk(app) -> set[str]:
    """The families the desk's move menu would offer now: those with legal moves, the inbox if an item waits."""
    model = app.screen.model
    return set(model.families) - {"inbox"} | ({"inbox"} if any(item.moves for item in model.inbox) else set())


def offered_in_menu(app) -> set[str]:
    """The families the open move menu offers (not greyed)."""
    return {o.id for o in app.screen.query_one("#families").options if not o.disabled} - {"end"}


async def make_move(pilot, family: str, day: Day) -> None:
    """Open the menu, choose the family by its letter, preview its first choice and commit it with `c`."""
    app = pilot.app
    session = app.game.session
    role = app.screen.role
    before = len(session.moves)
    offered = offered_at_desk(app)
    await pilot.press("m")
    assert offered_in_menu(app) == offered, "the menu offers what the desk has"
    await pilot.press(LETTERS[family])
    if family == "inbox" and screen_name(app) == "DeskScreen":  # several items: choose on the inbox tab
        await pilot.press("enter")
    assert screen_name(app) == "MoveForm", (family, screen_name(app))
    await pilot.press("enter")  # the preview; nothing is done yet
    assert screen_name(app) == "PreviewScreen"
    assert len(session.moves) == before, "choosing a move made it"
    await pilot.press("c")
    made = session.moves[before:]
    assert made and all(m.actor == role for m in made), (family, made)
    assert present.family_of(made[0]) == family, (family, made)
    day.used[role].add(family)


async def seat_turn(pilot, day: Day, at_least_one: bool = False) -> None:
    """A person's desk: one move in a family it has not used yet, if the menu offers one
    (with `at_least_one`, any family but the inbox when none is new)."""
    app = pilot.app
    role = app.screen.role
    offered = offered_at_desk(app)
    day.offered[role] |= offered
    new = [f for f in LETTERS if f in offered - day.used[role]]
    if not new and at_least_one:
        new = [f for f in LETTERS if f in offered - {"inbox"}]
    if new:
        await make_move(pilot, new[0], day)


async def end_turn(pilot) -> None:
    await pilot.press("e", "enter")


# --- the facilitator ----------------------------------------------------------------------------------


async def publish_highlighted_card(pilot) -> None:
    await pilot.press("enter")
    if screen_name(pilot.app) == "Confirm":  # publishing applies the card's effects: asked first
        await pilot.press("y")


async def facilitator_steps_in(pilot, day: Day) -> None:
    """F2 at a desk: publish a card; publish another by mistake and take it back (Ctrl+Z); adjust a
    figure with a reason; take over the regulator's seat; mark a checkpoint. F5 goes section by section."""
    app = pilot.app
    await pilot.press("f2")
    assert screen_name(app) == "FacilitatorScreen"
    await publish_highlighted_card(pilot)  # the first card in the list
    day.said["card"] = console_said(app)
    await pilot.press("down")
    await publish_highlighted_card(pilot)  # the next one, by mistake
    day.said["mistake"] = console_said(app)
    await pilot.press("ctrl+z")
    day.said["take back"] = console_said(app)
    await pilot.press("f5", "f5")  # Adjust a figure: the organisation, the figure, the change, the reason
    await pilot.press("enter", "home", *["down"] * ROLES.index(CONSORTIUM), "enter")
    await pilot.press("tab", "tab", *"500", "tab", *REASON, "enter")
    day.said["adjust"] = console_said(app)
    await pilot.press("f5", *["down"] * ROLES.index(REGULATOR))  # Seats & clock, the regulator's row
    await pilot.click("#take-over")
    day.said["take-over"] = console_said(app)
    await pilot.press("f5", *CHECKPOINT_LABEL, "enter")
    day.said["checkpoint"] = console_said(app)
    await pilot.press("escape")


async def facilitator_hands_back(pilot, day: Day) -> None:
    app = pilot.app
    await pilot.press("f2", "f5", "f5", "f5", *["down"] * ROLES.index(REGULATOR))
    await pilot.click("#give-back")
    day.said["give-back"] = console_said(app)
    await pilot.press("escape")


# --- the year -------------------------------------------------------------------------------------------


async def play_on(pilot, day: Day, stop: tuple[int, str] | None = None) -> None:
    """Answer whatever screen comes until the debrief (or until the desk `stop`, after one move there)."""
    app = pilot.app
    for _ in range(200):  # a loop guard: the year has about 70 screens
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
        if (turn, role) == TAKE_OVER_AT:
            await facilitator_steps_in(pilot, day)
        elif (turn, role) == HAND_BACK_AT:
            await facilitator_hands_back(pilot, day)
        if (turn, role) == stop:
            await seat_turn(pilot, day, at_least_one=True)
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
    assert TURNS == 12 and SCENARIO.turns[2] == ("2013-08", "2013-09")
    assert session.state.finished
    assert day.news == list(range(TURNS)), day.news
    assert day.reports == list(range(TURNS)), day.reports
    for role in SEATS:
        assert sorted({t for t, r in day.desks if r == role}) == list(range(TURNS)), role
    assert {t for t, r in day.desks if r == REGULATOR} == set(range(TAKE_OVER_AT[0], HAND_BACK_AT[0])), (
        "taken over until the hand-back"
    )

    # every family each organisation was offered, used at least once; regulate through the takeover
    for role in SEATS:
        assert day.used[role] == day.offered[role], (role, day.offered[role], day.used[role])
        assert {"inbox", "contract", "alliance", "manage", "decision", "voice", "plan"} <= day.offered[role]
    assert day.used[REGULATOR] == {"regulate"}
    regulated = [m for m in session.moves if m.actor == REGULATOR and present.family_of(m) == "regulate"]
    assert regulated, "the facilitator regulated as CQC"

    # the facilitator: a takeover and a hand-back on the table log, interventions in the move log
    assert [(e.kind, e.role, e.seat) for e in session.table if e.kind != CHECKPOINT] == [
        (TAKEN_OVER, REGULATOR, FACILITATOR),
        (HANDED_BACK, REGULATOR, BOT),
    ]
    assert [e.label for e in session.checkpoints] == [CHECKPOINT_LABEL]
    assert session.seats[REGULATOR] == BOT
    assert day.said["take-over"] == "CQC is now played by the facilitator.", day.said
    assert day.said["give-back"] == "CQC is now played by the computer.", day.said
    published = [m for m in session.moves if m.name == "PublishCard"]
    assert len(published) == 1, "the card published by mistake was taken back"
    assert day.said["take back"].startswith("Took back the publication of"), day.said
    adjusted = [m for m in session.moves if m.name == "AdjustFigure"]
    assert [(m.role, m.figure, m.amount, m.reason) for m in adjusted] == [(CONSORTIUM, "balance", 500, REASON)]
    assert day.said["adjust"] == "Adjusted East Bigshire's balance by +£500k.", day.said

    # the debrief tells the table's takeover and hand-back, and the adjustment with its reason
    assert "# At the table" in day.debrief
    assert "the facilitator took over CQC from the computer" in day.debrief
    assert "the facilitator handed CQC back to the computer" in day.debrief
    assert REASON in day.debrief, "the debrief does not tell the facilitator's adjustment and its reason"
