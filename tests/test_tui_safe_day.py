"""The failures that stood between the game and a whole training day, each reproduced at the terminal:
undo after a checkpoint, a player's undo taking back the facilitator's intervention, playing on from a
review, and a reload that lost the table's situation (a takeover, a paused clock, the month's news)."""

from __future__ import annotations

import argparse
from pathlib import Path

from textual.widgets import DataTable, Select

from bigshire_game.state import FACILITATOR
from bigshire_game.tui.app import BigshireApp
from bigshire_game.tui.launch import build_launch
from bigshire_game.vocabulary.moves import AdjustFigure
from tui_support import SCENARIO, make_app, run

ALICE = {"east_bigshire": "Alice"}


def screen_name(app) -> str:
    return type(app.screen).__name__


def resumed_app(saves: Path, mode: str = "load", target: str = "latest") -> BigshireApp:
    """`bigshire play --load latest` (or --review), as the command line builds it."""
    args = argparse.Namespace(
        load=target if mode == "load" else None,
        review=target if mode == "review" else None,
        human=[],
        seed=None,
        scenario=None,
        saves=str(saves),
        name="",
    )
    launch = build_launch(args)
    assert not isinstance(launch, int), "the save could not be opened"
    launch.scenario = SCENARIO
    return BigshireApp(launch, clock=lambda: 0.0, cursor_blink=False)


async def console_tab(pilot, steps: int) -> None:
    """Open the facilitator's console and move on `steps` sections (cards, ruling, adjust, seats, checkpoint)."""
    await pilot.press("f2")
    await pilot.pause()
    for _ in range(steps):
        await pilot.press("f5")
    await pilot.pause()


async def adjust(pilot, role: str, amount: str, reason: str) -> None:
    await console_tab(pilot, 2)
    pilot.app.screen.query_one("#adjust-org", Select).value = role
    await pilot.click("#adjust-amount")
    await pilot.press(*amount)
    await pilot.click("#adjust-reason")
    await pilot.press(*reason)
    await pilot.click("#do-adjust")
    await pilot.pause()


async def highlight_seat(pilot, role: str) -> None:
    table = pilot.app.screen.query_one("#seat-table", DataTable)
    table.move_cursor(row=list(SCENARIO.roles).index(role))
    await pilot.pause()


def test_undo_after_a_checkpoint_neither_takes_back_the_facilitator_nor_corrupts_later_saves(tmp_path: Path):
    saves = tmp_path / "saves"
    seen = {}

    async def day(pilot) -> None:
        app = pilot.app
        await pilot.press("enter", "enter")  # the news, the curtain
        await pilot.press("m", "d", "enter", "c")  # a decision, previewed then committed
        await pilot.pause()
        await adjust(pilot, "east_bigshire", "-2000", "a late invoice")
        await pilot.press("f5", "f5")  # the checkpoint section
        await pilot.click("#checkpoint-label")
        await pilot.press(*"after-counter", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        balance = app.game.state.orgs["east_bigshire"].balance
        await pilot.press("u")  # the player's undo: refused, the adjustment stands
        await pilot.pause()
        seen["after_u"] = (app.game.state.orgs["east_bigshire"].balance, balance)
        seen["last"] = app.game.session.moves[-1]
        await pilot.press("m", "t", "enter", "c")  # another move after the checkpoint
        await pilot.pause()
        seen["moves"] = list(app.game.session.moves)
        seen["table"] = list(app.game.session.table)
        await pilot.press("ctrl+c")  # the terminal closes

    run(make_app(saves, mode="new", seed=1, seats=ALICE), day, lambda a: None)
    now, then = seen["after_u"]
    assert now == then, "u took back the facilitator's adjustment"
    assert isinstance(seen["last"], AdjustFigure) and seen["last"].actor == FACILITATOR
    assert seen["moves"][-1].actor == "east_bigshire"

    async def look(pilot) -> None:
        await pilot.pause()

    session = run(resumed_app(saves), look, lambda a: a.game.session)
    assert session.moves == seen["moves"]
    assert [c.label for c in session.checkpoints] == ["after-counter"]
    assert session.table == seen["table"]


def test_the_facilitator_takes_back_its_own_intervention_from_the_console(tmp_path: Path):
    found = {}

    async def run_before(pilot) -> None:
        app = pilot.app
        await pilot.press("enter", "enter")
        before = app.game.state
        await adjust(pilot, "east_bigshire", "500", "a refund")
        found["adjusted"] = app.game.state.orgs["east_bigshire"].balance - before.orgs["east_bigshire"].balance
        await pilot.press("ctrl+z")
        await pilot.pause()
        found["back"] = app.game.state == before
        found["said"] = str(app.screen.query_one("#console-result").render())

    run(make_app(tmp_path / "saves", mode="new", seed=1, seats=ALICE), run_before, lambda a: None)
    assert found["adjusted"] == 500
    assert found["back"]
    assert found["said"] == "Took back the adjustment of East Bigshire's balance by +£500k."


def test_play_on_from_a_review_starts_a_new_game_that_names_its_parent(tmp_path: Path):
    saves = tmp_path / "saves"
    first = {}

    async def play_a_little(pilot) -> None:
        await pilot.press("enter", "enter", "m", "d", "enter", "c")
        await pilot.pause()
        first["id"] = pilot.app.game.session.game_id
        first["moves"] = len(pilot.app.game.session.moves)
        await pilot.press("ctrl+c")

    run(make_app(saves, mode="new", seed=1, seats=ALICE), play_a_little, lambda a: None)

    async def branch(pilot) -> None:
        await pilot.pause()
        await pilot.press("b")  # play on from here
        await pilot.pause()
        await pilot.press("ctrl+s")  # start with the seats as they were
        await pilot.pause()

    app = resumed_app(saves, mode="review")
    session, screen = run(app, branch, lambda a: (a.game.session, screen_name(a)))
    assert session.parent == first["id"] and session.game_id != first["id"]
    assert screen == "NewsScreen"
    assert (saves / "autosave" / session.game_id / "latest.toml").is_file()


def test_a_reload_keeps_a_takeover_that_can_be_handed_back_and_a_paused_clock(tmp_path: Path):
    saves = tmp_path / "saves"

    async def take_over_and_leave(pilot) -> None:
        await pilot.press("enter", "enter")
        await console_tab(pilot, 3)  # seats and clock
        await highlight_seat(pilot, "east_bigshire")
        await pilot.click("#take-over")
        await pilot.press("f3")  # pause the clock
        await pilot.pause()
        await pilot.press("ctrl+c")

    run(make_app(saves, mode="new", seed=1, seats=ALICE), take_over_and_leave, lambda a: None)
    seen = {}

    async def resume_and_hand_back(pilot) -> None:
        game = pilot.app.game
        seen["screen"] = screen_name(pilot.app)
        seen["seat"] = game.seat_of("east_bigshire")
        seen["clock"] = (game.clock.paused, game.clock.text())
        await console_tab(pilot, 3)
        await highlight_seat(pilot, "east_bigshire")
        await pilot.click("#give-back")
        await pilot.pause()
        seen["back"] = game.seat_of("east_bigshire")

    run(resumed_app(saves), resume_and_hand_back, lambda a: None)
    assert seen["screen"] == "CurtainScreen"
    assert seen["seat"] == FACILITATOR
    assert seen["clock"] == (True, "clock paused at 20:00")
    assert seen["back"] == "Alice"


def test_a_game_closed_on_the_news_resumes_on_the_news(tmp_path: Path):
    saves = tmp_path / "saves"

    async def close_on_the_news(pilot) -> None:
        await pilot.pause()
        assert screen_name(pilot.app) == "NewsScreen"
        await pilot.press("ctrl+c")

    run(make_app(saves, mode="new", seed=1, seats=ALICE), close_on_the_news, lambda a: None)
    assert run(resumed_app(saves), None, screen_name) == "NewsScreen"


def test_ctrl_q_mid_game_asks_first(tmp_path: Path):
    found = {}

    async def run_before(pilot) -> None:
        await pilot.press("enter", "enter", "ctrl+q")
        await pilot.pause()
        found["asked"] = screen_name(pilot.app)
        await pilot.press("enter")  # focus is on "Keep playing"
        await pilot.pause()
        found["still"] = pilot.app.is_running and screen_name(pilot.app)

    run(make_app(tmp_path / "saves", mode="new", seed=1, seats=ALICE), run_before, lambda a: None)
    assert found == {"asked": "Confirm", "still": "DeskScreen"}


def test_a_checkpoint_of_a_game_that_moved_on_opens_as_a_new_game_and_leaves_the_later_moves_alone(tmp_path: Path):
    saves = tmp_path / "saves"
    seen = {}

    async def mark_then_play_on(pilot) -> None:
        app = pilot.app
        await pilot.press("enter", "enter")
        await console_tab(pilot, 4)  # the checkpoint section
        await pilot.click("#checkpoint-label")
        await pilot.press(*"lunch", "enter", "escape")
        await pilot.press("m", "d", "enter", "c")
        await pilot.pause()
        seen["id"], seen["moves"] = app.game.session.game_id, list(app.game.session.moves)
        await pilot.press("ctrl+c")

    run(make_app(saves, mode="new", seed=1, seats=ALICE), mark_then_play_on, lambda a: None)
    session = run(resumed_app(saves, target="lunch"), None, lambda a: a.game.session)
    assert session.parent == seen["id"] and session.game_id != seen["id"]
    assert len(session.moves) < len(seen["moves"])
    from bigshire_game.saves import read_record

    later = read_record(saves / "autosave" / seen["id"] / "latest.toml")
    assert list(later.moves) == seen["moves"], "opening the checkpoint overwrote the game's later moves"


def test_a_checkpoint_label_that_names_another_games_save_is_refused_and_marks_nothing(tmp_path: Path):
    saves = tmp_path / "saves"
    said = {}

    async def checkpoint(pilot) -> None:
        await pilot.press("enter", "enter")
        await console_tab(pilot, 4)
        await pilot.click("#checkpoint-label")
        await pilot.press(*"after-counter", "enter")
        await pilot.pause()
        said["text"] = str(pilot.app.screen.query_one("#console-result").render())
        said["marks"] = list(pilot.app.game.session.checkpoints)
        await pilot.press("ctrl+c")

    run(make_app(saves, mode="new", seed=1, seats=ALICE), checkpoint, lambda a: None)
    first = (saves / "after-counter.toml").read_bytes()
    run(make_app(saves, mode="new", seed=2, seats=ALICE), checkpoint, lambda a: None)
    assert (saves / "after-counter.toml").read_bytes() == first
    assert "already belongs to" in said["text"] and said["marks"] == []


def test_an_unwritable_saves_folder_plays_on_unsaved_and_says_so(tmp_path: Path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the saves folder should be")

    def after(app):
        return app.game is not None, app.game.save_problem, screen_name(app)

    playing, problem, screen = run(make_app(blocked / "saves", mode="new", seed=1, seats=ALICE), None, after)
    assert playing and problem and screen == "NewsScreen"
