"""What a play-tester found at the terminal, each reproduced as they met it: a card published twice by
Enter pressed twice, footers and placeholders that said the wrong thing, the desk listing the
facilitator's interventions (and another move than the one played) as the player's own, a clock back
from a reload paused without a word, saves listed by folder names, and a few command-line messages."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest
from textual.widgets import OptionList, Select, Sparkline, Static

from bigshire_game import cli, narrative, simulate
from bigshire_game.content import builtin_scenario_dir
from bigshire_game.engine.game import apply
from bigshire_game.state import FACILITATOR
from bigshire_game.tui.app import BigshireApp
from bigshire_game.tui.launch import build_launch
from bigshire_game.tui.screens.confirm import Confirm
from bigshire_game.vocabulary.moves import AdjustFigure, ImposeSanction, Rejection
from tui_support import SCENARIO, make_app, plain, run, screen_text

ALICE = {"east_bigshire": "Alice"}
NOROVIRUS = "norovirus_outbreak"


def resumed_app(saves: Path) -> BigshireApp:
    """`bigshire play --load latest --saves DIR`, as the command line builds it."""
    args = argparse.Namespace(load="latest", review=None, human=[], seed=None, scenario=None, saves=str(saves), name="")
    launch = build_launch(args)
    assert not isinstance(launch, int), "the save could not be opened"
    launch.scenario = SCENARIO
    return BigshireApp(launch, clock=lambda: 0.0, cursor_blink=False)


async def open_console(pilot, sections: int = 0) -> None:
    await pilot.press("f2")
    await pilot.pause()
    for _ in range(sections):
        await pilot.press("f5")
    await pilot.pause()


def text_of(app, selector: str) -> str:
    return plain(app.screen.query_one(selector, Static).content)


def footer_keys(app) -> dict[str, str]:
    """The keys the footer shows now, with their labels."""
    return {
        key: active.binding.description for key, active in app.screen.active_bindings.items() if active.binding.show
    }


# --- 1. the facilitator's console ---------------------------------------------------------------------------


def test_enter_twice_on_a_card_asks_first_and_publishes_nothing_until_yes(tmp_path: Path):
    seen = {}

    async def run_before(pilot) -> None:
        app = pilot.app
        await pilot.press("enter", "enter")  # the news, the curtain
        await open_console(pilot)
        cards = app.screen.query_one("#card-list", OptionList)
        cards.highlighted = next(i for i, o in enumerate(cards.options) if o.id == NOROVIRUS)
        await pilot.pause()
        await pilot.press("enter", "enter")  # the play-tester's double Enter: asked, then "Cancel"
        await pilot.pause()
        seen["after_double_enter"] = app.game.state.published.get(NOROVIRUS, 0)
        await pilot.press("enter")
        await pilot.pause()
        seen["asked"] = isinstance(app.screen, Confirm)
        seen["first_question"] = screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        seen["after_yes"] = app.game.state.published.get(NOROVIRUS, 0)
        await pilot.press("enter")
        await pilot.pause()
        seen["second_question"] = screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        seen["after_escape"] = app.game.state.published.get(NOROVIRUS, 0)

    run(make_app(tmp_path / "saves", mode="new", seed=1, seats=ALICE), run_before, lambda a: None)
    assert seen["after_double_enter"] == 0
    assert seen["asked"]
    assert "Norovirus closes wards" in seen["first_question"]
    assert "not been published yet" in seen["first_question"]
    assert seen["after_yes"] == 1
    assert "already been published once" in seen["second_question"]
    assert seen["after_escape"] == 1


def test_f3_is_shown_as_what_it_will_do(tmp_path: Path):
    seen = {}

    async def run_before(pilot) -> None:
        await pilot.press("enter", "enter")
        await open_console(pilot)
        seen["running"] = footer_keys(pilot.app).get("f3")
        await pilot.press("f3")
        await pilot.pause()
        seen["paused"] = footer_keys(pilot.app).get("f3")
        seen["clock"] = pilot.app.game.clock.paused
        await pilot.press("f3")
        await pilot.pause()
        seen["again"] = footer_keys(pilot.app).get("f3"), pilot.app.game.clock.paused

    run(make_app(tmp_path / "saves", mode="new", seed=1, seats=ALICE), run_before, lambda a: None)
    assert seen == {
        "running": "Pause clock",
        "paused": "Resume clock",
        "clock": True,
        "again": ("Pause clock", False),
    }


def test_the_adjust_form_says_its_unit_and_that_the_room_is_told(tmp_path: Path):
    seen = {}

    async def run_before(pilot) -> None:
        await pilot.press("enter", "enter")
        await open_console(pilot, 2)
        screen = pilot.app.screen
        seen["balance"] = screen.query_one("#adjust-amount").placeholder
        seen["reason"] = screen.query_one("#adjust-reason").placeholder
        screen.query_one("#adjust-figure", Select).value = "quality"
        await pilot.pause()
        seen["quality"] = screen.query_one("#adjust-amount").placeholder

    run(make_app(tmp_path / "saves", mode="new", seed=1, seats=ALICE), run_before, lambda a: None)
    assert "£k" in seen["balance"]
    assert "quality" in seen["quality"] and "balance" not in seen["quality"] and "£" not in seen["quality"]
    assert seen["reason"] == "reason (told to the room)"


def test_a_yes_or_no_ruling_is_asked_and_refused_in_the_same_words(tmp_path: Path):
    seen = {}

    async def run_before(pilot) -> None:
        app = pilot.app
        await pilot.press("enter", "enter")
        await open_console(pilot, 1)
        app.screen.query_one("#setting", Select).value = "below_tariff_allowed"
        await pilot.pause()
        seen["prompt"] = app.screen.query_one("#ruling-value").placeholder
        await pilot.click("#ruling-value")
        await pilot.press(*"maybe", "enter")
        await pilot.pause()
        seen["refusal"] = text_of(app, "#console-result")
        await pilot.press(*["backspace"] * 5, *"yes", "enter")
        await pilot.pause()
        seen["ruled"] = app.game.state.rules.below_tariff_allowed

    run(make_app(tmp_path / "saves", mode="new", seed=1, seats=ALICE), run_before, lambda a: None)
    assert "yes or no" in seen["prompt"]
    assert "yes or no" in seen["refusal"] and "true or false" not in seen["refusal"]
    assert seen["ruled"] is True


def test_the_organisation_to_adjust_is_kept_when_the_console_is_opened_again(tmp_path: Path):
    seen = {}

    async def run_before(pilot) -> None:
        await pilot.press("enter", "enter")
        await open_console(pilot, 2)
        pilot.app.screen.query_one("#adjust-org", Select).value = "north_vale"
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await open_console(pilot, 2)
        seen["org"] = pilot.app.screen.query_one("#adjust-org", Select).value

    run(make_app(tmp_path / "saves", mode="new", seed=1, seats=ALICE), run_before, lambda a: None)
    assert seen["org"] == "north_vale"


# --- 2. the desk ------------------------------------------------------------------------------------------------


def moves_listed(app) -> list[str]:
    """The lines under "Your moves this turn" on the desk's overview."""
    lines = text_of(app, "#month").splitlines()
    if "Your moves this turn" not in lines:
        return []
    listed = lines[lines.index("Your moves this turn") + 1 :]
    return [line for line in listed[: listed.index("")] if line]


def test_your_moves_lists_only_the_desks_own_moves(tmp_path: Path):
    seen = {}

    async def run_before(pilot) -> None:
        app = pilot.app
        await pilot.press("enter", "enter")
        await pilot.press("m", "d", "enter", "c")  # a decision, previewed then committed
        await pilot.pause()
        await open_console(pilot, 2)
        app.screen.query_one("#adjust-org", Select).value = "east_bigshire"
        await pilot.click("#adjust-amount")
        await pilot.press(*"-200")
        await pilot.click("#adjust-reason")
        await pilot.press(*"a late invoice", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        seen["moves"] = [m.actor for m in app.game.session.moves_this_turn()]
        seen["listed"] = moves_listed(app)
        seen["month"] = text_of(app, "#month")

    run(make_app(tmp_path / "saves", mode="new", seed=1, seats=ALICE), run_before, lambda a: None)
    assert seen["moves"] == ["east_bigshire", FACILITATOR]
    assert len(seen["listed"]) == 1 and seen["listed"][0].startswith("✓ Decide:")
    assert not any("Adjust" in line for line in seen["listed"])
    assert "a late invoice" in seen["month"]  # the room is told of it, under what reached the desk


def test_a_move_is_listed_as_it_was_chosen_not_as_the_state_after_it(tmp_path: Path):
    seen = {}
    move = ImposeSanction(actor="monitor", ladder="monitor_enforcement", subject="united_hospitals", reason="finances")

    async def run_before(pilot) -> None:
        app = pilot.app
        await pilot.press("enter", "enter")
        assert not isinstance(app.game.play(move), Rejection)
        app.screen.refresh_desk()
        await pilot.pause()
        seen["listed"] = moves_listed(app)

    run(make_app(tmp_path / "saves", mode="new", seed=1, seats={"monitor": "Monitor"}), run_before, lambda a: None)
    assert seen["listed"] == ["✓ Monitor's enforcement: Concern noted for United Hospitals"]


def test_the_money_tab_in_the_first_month_shows_no_bars_and_no_last_month(tmp_path: Path):
    seen = {}

    async def run_before(pilot) -> None:
        app = pilot.app
        await pilot.press("enter", "enter", "4")
        await pilot.pause()
        seen["sparks"] = [spark.display for spark in app.screen.query(Sparkline)]
        seen["figures"] = run_text(app.screen.query_one("#money-figures", Static))
        seen["labels"] = [text_of(app, f"#label-{key}") for key in ("income", "spend", "results", "balances")]

    run(make_app(tmp_path / "saves", mode="new", seed=1, seats=ALICE), run_before, lambda a: None)
    assert seen["sparks"] == [False] * 4
    assert "Income" not in seen["figures"] and "+£0k" not in seen["figures"]
    assert "Last month" in seen["figures"] and "—" in seen["figures"]
    assert all("0 months" not in label for label in seen["labels"])


def run_text(widget: Static) -> str:
    return plain(widget.content)


def test_the_previews_difference_column_has_a_heading(tmp_path: Path):
    seen = {}

    async def run_before(pilot) -> None:
        await pilot.press("enter", "enter", "m", "d", "enter")
        await pilot.pause()
        table = pilot.app.screen.figures()
        seen["headers"] = [str(column.header) for column in table.columns]

    run(make_app(tmp_path / "saves", mode="new", seed=1, seats=ALICE), run_before, lambda a: None)
    assert seen["headers"] == ["", "Without it", "With it", "Difference"]


# --- 3. the clock after a reload ----------------------------------------------------------------------------------


def test_a_clock_back_paused_from_a_reload_says_who_restarts_it(tmp_path: Path):
    saves = tmp_path / "saves"

    async def leave(pilot) -> None:
        await pilot.press("enter", "enter", "ctrl+c")

    run(make_app(saves, mode="new", seed=1, seats=ALICE), leave, lambda a: None)
    seen = {}

    async def look(pilot) -> None:
        app = pilot.app
        seen["curtain"] = text_of(app, "#header-right")
        await pilot.press("enter")  # past the curtain, to the desk
        await pilot.pause()
        seen["desk_left"] = text_of(app, "#header-left")
        seen["desk_right"] = text_of(app, "#header-right")
        seen["width"] = app.screen.query_one("#header-left").size.width

    run(resumed_app(saves), look, lambda a: None)
    assert "paused — the facilitator restarts it (F2, F3)" in seen["curtain"]
    assert "paused" in seen["desk_right"] and "F2, F3" in seen["desk_right"]
    assert len(seen["desk_left"]) <= seen["width"], "the clock's words pushed the desk's name off the header"


# --- 4. and 5. setting up, loading, continuing -------------------------------------------------------------------


def new_named_game(saves: Path, name: str) -> None:
    """Title, New game, a seat for the first organisation, the game's name, Ctrl+S."""

    async def set_up(pilot) -> None:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("n")  # the highlighted organisation gets a seat of its own
        await pilot.click("#game-name")
        await pilot.press(*name, "ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+c")

    run(make_app(saves), set_up, lambda a: None)


def test_setup_names_the_game_on_ctrl_s(tmp_path: Path):
    saves = tmp_path / "saves"
    seen = {}

    async def set_up(pilot) -> None:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("n")
        await pilot.click("#game-name")
        await pilot.press(*"Tuesday group", "ctrl+s")
        await pilot.pause()
        seen["name"] = pilot.app.game.session.name

    run(make_app(saves), set_up, lambda a: None)
    assert seen["name"] == "Tuesday group"


def test_load_a_save_names_autosaves_by_their_game(tmp_path: Path):
    saves = tmp_path / "saves"
    new_named_game(saves, "Tuesday group")
    seen = {}

    async def load(pilot) -> None:
        seen["footer"] = footer_keys(pilot.app)
        await pilot.press("l")
        await pilot.pause()
        seen["listed"] = [plain(o.prompt) for o in pilot.app.screen.query_one("#files", OptionList).options]
        seen["placeholder"] = pilot.app.screen.query_one("#path").placeholder

    run(make_app(saves), load, lambda a: None)
    assert seen["footer"].get("c") == "Continue"
    assert len(seen["listed"]) == 1
    assert seen["listed"][0].startswith("Tuesday group · latest autosave · June 2013")
    assert "autosave/" not in seen["listed"][0]
    assert "saves/autosave/latest" not in seen["placeholder"]


def test_no_continue_in_the_title_footer_without_a_game(tmp_path: Path):
    keys = run(make_app(tmp_path / "saves"), None, footer_keys)
    assert "c" not in keys and keys.get("n") == "New game"


def test_the_game_chooser_shows_the_month_and_a_readable_time(tmp_path: Path):
    saves = tmp_path / "saves"
    new_named_game(saves, "Tuesday group")
    new_named_game(saves, "Wednesday group")
    seen = {}

    async def choose(pilot) -> None:
        await pilot.press("c")
        await pilot.pause()
        seen["lines"] = [plain(o.prompt) for o in pilot.app.screen.query_one("#files", OptionList).options]

    run(make_app(saves), choose, lambda a: None)
    assert len(seen["lines"]) == 2
    for line in seen["lines"]:
        assert "June 2013" in line and "2013-06" not in line
        assert "Z" not in line.split("·")[-1] and "T" not in line.split("·")[-1].strip()[:12]


# --- 6. the quit dialog -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("folder", "named"), [("elsewhere", True), ("saves", False)])
def test_the_quit_dialog_names_the_saves_folder_when_it_is_not_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str, named: bool
):
    monkeypatch.chdir(tmp_path)
    seen = {}

    async def quit_(pilot) -> None:
        await pilot.press("enter", "enter", "ctrl+q")
        await pilot.pause()
        seen["text"] = screen_text(pilot.app)
        await pilot.press("escape", "ctrl+c")

    run(make_app(Path(folder), mode="new", seed=1, seats=ALICE), quit_, lambda a: None)
    assert "bigshire play --load " in seen["text"]
    assert ("--saves elsewhere" in seen["text"]) is named


# --- 7. the command line ----------------------------------------------------------------------------------------


def test_validate_takes_scenario_as_an_option_too(capsys: pytest.CaptureFixture[str]):
    root = str(builtin_scenario_dir())
    assert cli.main(["validate", "--scenario", root]) == 0
    assert cli.main(["validate", root]) == 0
    assert "0 errors" in capsys.readouterr().out


def test_a_broken_scenario_points_to_validate_with_its_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    broken = tmp_path / "my scenario"
    broken.mkdir()
    assert cli.main(["simulate", "--scenario", str(broken), "--months", "1"]) == 1
    err = capsys.readouterr().err
    assert f"for the full list, run: bigshire validate --scenario '{broken}'" in err
    assert cli.main(["validate", "--scenario", str(broken)]) == 1


# --- 8. and 9. words ----------------------------------------------------------------------------------------------


def test_simulate_cuts_no_name_without_saying_so():
    out = io.StringIO()
    simulate.summary(SCENARIO, simulate.play(SCENARIO, 1, 1), out)
    table = out.getvalue().split("Where everyone ended")[1]
    assert "Bigshire United Hospitals NHS Fo" not in table
    names = [line[2:26].rstrip() for line in table.splitlines()[2:] if line.strip()]
    shorts = {role.short_name for role in SCENARIO.roles.values()}
    assert all(name in shorts or name.endswith("…") for name in names), names


@pytest.mark.parametrize(
    ("figure", "amount", "said"),
    [
        ("quality", -5, "lowered United Hospitals' quality by five points"),
        ("quality", 3, "raised United Hospitals' quality by three points"),
        ("balance", -500, "lowered United Hospitals' balance by £500k"),
        ("balance", 200, "raised United Hospitals' balance by £200k"),
    ],
)
def test_a_facilitators_adjustment_says_which_way_it_went(figure: str, amount: int, said: str):
    from bigshire_game.engine.game import new_game

    move = AdjustFigure(actor=FACILITATOR, role="united_hospitals", figure=figure, amount=amount, reason="a test")
    outcome = apply(new_game(SCENARIO, 1), SCENARIO, move)
    assert isinstance(outcome, tuple)
    assert said in narrative.sentence(SCENARIO, outcome[1][-1])
