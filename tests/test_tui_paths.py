"""The terminal game's main paths, driven by keys as a group at one terminal would.

Each key costs about 85 ms, so these stay to real paths: a month with two seats
and bots, the curtain and PIN keeping private briefs private, undo, the
facilitator publishing a card, and picking up a game after an interruption.
Game logic itself is tested without the UI elsewhere.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bigshire_game.tui import seating
from bigshire_game.tui.launch import build_launch
from bigshire_game.vocabulary.moves import EndTurn
from tui_support import SCENARIO, make_app, run, screen_text

TWO_SEATS = {"east_bigshire": "Alice", "monitor": "Bob"}


def screen_name(app) -> str:
    return type(app.screen).__name__


def test_a_month_with_two_seats_and_bots(tmp_path: Path):
    seen: list[str] = []

    async def run_before(pilot) -> None:
        app = pilot.app
        for keys in (("enter",), ("enter",), ("e", "enter"), ("enter",), ("e", "enter")):
            seen.append(screen_name(app))
            await pilot.press(*keys)
            await pilot.pause()
        seen.append(screen_name(app))
        await pilot.press("enter")
        await pilot.pause()
        seen.append(screen_name(app))

    def after(app):
        return app.game.session

    session = run(make_app(tmp_path / "saves", mode="new", seed=1, seats=TWO_SEATS), run_before, after)
    assert seen == [
        "NewsScreen",  # June's news
        "CurtainScreen",  # Alice, East Bigshire
        "DeskScreen",
        "CurtainScreen",  # Bob, Monitor
        "DeskScreen",
        "MonthReportScreen",  # June's month end
        "NewsScreen",  # July
    ]
    assert session.state.turn == 1
    humans = [m for m in session.moves if m.actor in TWO_SEATS]
    assert humans == [EndTurn(actor="east_bigshire"), EndTurn(actor="monitor")]
    assert {m.actor for m in session.moves} - set(TWO_SEATS), "the computer played the other organisations"
    assert (tmp_path / "saves" / "autosave" / session.game_id / "latest.toml").is_file()


def test_the_curtain_and_a_pin_keep_private_briefs_private(tmp_path: Path):
    pins = {"Alice": seating.hash_pin("2468")}
    private = {rid: role.brief.private.strip() for rid, role in SCENARIO.roles.items()}
    texts: dict[str, str] = {}

    async def run_before(pilot) -> None:
        app = pilot.app
        await pilot.press("enter")  # the news
        await pilot.pause()
        texts["curtain"] = screen_text(app)
        await pilot.press("enter", "1", "1", "1", "1", "enter")  # a wrong PIN
        await pilot.pause()
        texts["wrong pin"] = screen_text(app)
        texts["after wrong pin"] = screen_name(app)
        await pilot.press("2", "4", "6", "8", "enter")
        await pilot.pause()
        texts["desk"] = screen_text(app)
        texts["desk screen"] = screen_name(app)

    run(make_app(tmp_path / "saves", mode="new", seed=1, seats=TWO_SEATS, pins=pins), run_before, lambda app: None)
    assert "Pass the keyboard to" in texts["curtain"]
    for when in ("curtain", "wrong pin"):
        for rid, brief in private.items():
            assert brief not in texts[when], f"{rid}'s private brief is on the {when} screen"
            assert brief[:40] not in texts[when]
    assert "That PIN is not right" in texts["wrong pin"]
    assert texts["after wrong pin"] == "PinScreen"
    assert texts["desk screen"] == "DeskScreen"
    assert private["east_bigshire"] in texts["desk"]
    assert private["monitor"] not in texts["desk"]


def test_undo_takes_back_the_last_move(tmp_path: Path):
    found = {}

    async def run_before(pilot) -> None:
        app = pilot.app
        await pilot.press("enter", "enter")
        await pilot.pause()
        game = app.game
        found["before"] = game.state
        await pilot.press("m", "d", "enter", "c")  # take the first decision offered: preview, then commit
        await pilot.pause()
        found["made"] = list(game.session.moves_this_turn())
        await pilot.press("u")
        await pilot.pause()
        found["after"] = game.state
        found["left"] = list(game.session.moves_this_turn())

    run(make_app(tmp_path / "saves", mode="new", seed=1, seats={"east_bigshire": "Alice"}), run_before, lambda a: None)
    assert [m.name for m in found["made"]] == ["TakeDecision"]
    assert found["left"] == []
    assert found["after"] == found["before"]


def test_the_facilitator_publishes_a_card(tmp_path: Path):
    async def run_before(pilot) -> None:
        await pilot.press("enter", "enter", "f2")
        await pilot.pause()
        await pilot.press("enter", "y")  # the first card in the console's list, and yes to "Publish this card?"
        await pilot.pause()

    def after(app):
        return app.game.session, app.screen.query_one("#card-list").get_option_at_index(1).id

    session, card = run(
        make_app(tmp_path / "saves", mode="new", seed=1, seats={"east_bigshire": "Alice"}), run_before, after
    )
    published = [e for e in session.events if e.kind == "CardPublished" and e.data.get("how") == "facilitator"]
    assert [e.data["card"] for e in published] == [card]
    assert session.moves[-1].name == "PublishCard"


def test_the_facilitator_skips_a_turn_and_the_console_says_so(tmp_path: Path):
    async def run_before(pilot) -> None:
        await pilot.press("enter", "enter", "f2", "f5", "f5", "f5")  # the console's seats and clock
        await pilot.pause()
        await pilot.click("#skip")
        await pilot.pause()

    def after(app):
        return app.game.session, str(app.screen.query_one("#console-result").render())

    session, said = run(
        make_app(tmp_path / "saves", mode="new", seed=1, seats={"east_bigshire": "Alice"}), run_before, after
    )
    assert [m for m in session.moves if m.actor == "east_bigshire"] == [EndTurn(actor="east_bigshire")]
    assert session.state.month_index == 1  # the computer seats played out June; East Bigshire is next in July
    assert said == "Skipped East Bigshire's turn."


def test_a_game_resumes_after_ctrl_c(tmp_path: Path):
    saves = tmp_path / "saves"
    before = {}

    async def play_then_interrupt(pilot) -> None:
        app = pilot.app
        await pilot.press("enter", "enter")
        await pilot.pause()
        await pilot.press("m", "d", "enter", "c")
        await pilot.pause()
        before["state"] = app.game.state
        before["moves"] = list(app.game.session.moves)
        await pilot.press("ctrl+c")
        await pilot.pause()
        before["running"] = app.is_running

    run(make_app(saves, mode="new", seed=1, seats={"east_bigshire": "Alice"}), play_then_interrupt, lambda a: None)
    assert not before["running"], "Ctrl+C leaves the game"

    args = argparse.Namespace(load="latest", review=None, human=[], seed=None, scenario=None, saves=str(saves), name="")
    launch = build_launch(args)
    launch.scenario = SCENARIO
    seen = []

    async def resume(pilot) -> None:
        seen.append(screen_name(pilot.app))
        await pilot.press("enter")
        await pilot.pause()
        seen.append(screen_name(pilot.app))

    from bigshire_game.tui.app import BigshireApp

    app = BigshireApp(launch, clock=lambda: 0.0, cursor_blink=False)
    session = run(app, resume, lambda a: a.game.session)
    assert seen == ["CurtainScreen", "DeskScreen"]
    assert session.moves == before["moves"]
    assert session.state == before["state"]
