"""What the shared screens show the whole table: the setup form taking what was typed, the month
report telling the month that ended, and screens whose words fit and read as sentences.

Driven by keys through the real front end (Textual Pilot), as a group at one terminal would.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from tui_support import make_app, run, screen_text


def screen_name(app) -> str:
    return type(app.screen).__name__


# --- the setup form takes what was typed, however it is submitted ----------------------------------------


async def to_setup(pilot) -> None:
    await pilot.press("n")  # the title screen's "New game"
    await pilot.pause()


async def own_seat_for_east_bigshire(pilot) -> None:
    await pilot.press(*["down"] * 5, "n")


def test_a_facilitator_pin_typed_then_ctrl_s_is_kept(tmp_path: Path):
    found = {}

    async def run_before(pilot) -> None:
        await to_setup(pilot)
        await own_seat_for_east_bigshire(pilot)
        await pilot.click("#facilitator-pin")
        await pilot.press("2", "4", "6", "8", "ctrl+s")  # no Enter in the field
        await pilot.pause()
        found["screen"] = screen_name(pilot.app)

    game = run(make_app(tmp_path / "saves"), run_before, lambda app: app.game)
    assert found["screen"] != "SetupScreen", "the game started"
    assert game is not None and game.needs_pin("facilitator")
    assert game.pin_ok("facilitator", "2468") and not game.pin_ok("facilitator", "1111")
    assert game.seats["east_bigshire"] == "East Bigshire"


def test_a_seat_name_and_pin_typed_then_ctrl_s_are_kept(tmp_path: Path):
    found = {}

    async def run_before(pilot) -> None:
        await to_setup(pilot)
        await pilot.click("#seat-name")
        await pilot.press(*"Alice")
        await pilot.click("#seat-pin")
        await pilot.press("1", "3", "5", "7", "ctrl+s")  # no Enter: the seat is added, but plays nothing yet
        await pilot.pause()
        found["first"] = screen_name(pilot.app)
        found["seats"] = screen_text(pilot.app)
        pilot.app.screen.query_one("#orgs").focus()
        await pilot.press(*["down"] * 5, "1", "ctrl+s")  # East Bigshire to seat 1, then start
        await pilot.pause()

    game = run(make_app(tmp_path / "saves"), run_before, lambda app: app.game)
    assert found["first"] == "SetupScreen", "a seat with nothing to play does not start the game"
    assert "1. Alice 🔒" in found["seats"]
    assert game.seats["east_bigshire"] == "Alice"
    assert game.needs_pin("Alice") and game.pin_ok("Alice", "1357")


def test_a_wrong_facilitator_pin_stops_the_start_and_says_why(tmp_path: Path):
    found = {}

    async def run_before(pilot) -> None:
        await to_setup(pilot)
        await own_seat_for_east_bigshire(pilot)
        await pilot.click("#facilitator-pin")
        await pilot.press("2", "4", "ctrl+s")
        await pilot.pause()
        found["screen"] = screen_name(pilot.app)
        found["said"] = [n.message for n in pilot.app._notifications]

    run(make_app(tmp_path / "saves"), run_before, lambda app: None)
    assert found["screen"] == "SetupScreen"
    assert "A PIN is four digits." in found["said"]


def test_the_setup_table_shows_plainly_that_a_kind_is_cut(tmp_path: Path):
    """At 100x30 the longest kinds do not fit beside a seat's name: they end in "…", and the line
    under the table names the highlighted organisation's kind in full."""

    async def run_before(pilot) -> None:
        await to_setup(pilot)
        await own_seat_for_east_bigshire(pilot)  # "1. East Bigshire" widens the column of who plays each

    def after(app):
        table = app.screen.query_one("#orgs")
        return str(table.get_cell("east_bigshire", "kind")), str(app.screen.query_one("#org-detail").content)

    cell, detail = run(make_app(tmp_path / "saves"), run_before, after)
    assert cell.endswith("…") and "GP commissioning consortium".startswith(cell[:-1])
    assert "GP commissioning consortium" in detail


def test_clipped():
    from bigshire_game.tui.screens.setup import clipped

    assert clipped("private provider", 16) == "private provider"
    assert clipped("GP commissioning consortium", 12) == "GP commissi…"
    assert clipped("acute hospital trust", 15) == "acute hospital…"


# --- the month report tells the month that ended ---------------------------------------------------------


def play_june(seats=None):
    async def run_before(pilot) -> None:
        await pilot.press("enter", "enter", "e", "enter")  # the news, the curtain, end the turn, the curtain
        await pilot.pause()

    return seats or {"east_bigshire": "East Bigshire"}, run_before


def test_the_month_report_gives_figures_as_the_month_closed(tmp_path: Path):
    from bigshire_game.tui import present

    seats, run_before = play_june()

    def after(app):
        table = app.screen.query_one("#figures")
        events = app.game.session.events
        june = [e for e in events if e.kind == "MonthResolved" and e.data["role"] == "east_bigshire" and e.month == 0]
        return (
            type(app.screen).__name__,
            str(table.get_cell("east_bigshire", "balance")),
            str(table.get_cell("east_bigshire", "month")),
            june[-1].data,
            app.game.state.orgs["east_bigshire"].balance,
            app.game.state.turn,
        )

    screen, shown, month, june, now, turn = run(
        make_app(tmp_path / "saves", mode="new", seed=1, seats=seats), run_before, after
    )
    assert screen == "MonthReportScreen" and turn == 1, "the game has moved on into July's news"
    assert shown == present.money(june["balance"]) and month == present.signed_money(june["result"])
    assert now != june["balance"], "July's opening cards have moved the balance since June closed"
    assert shown != present.money(now)


def test_a_sparkline_with_one_month_shows_nothing(tmp_path: Path):
    seats, run_before = play_june()

    def after(app):
        spark = app.screen.query_one("#spark")
        return spark.display, list(spark.data), str(app.screen.query_one("#spark-label").content)

    shown, data, label = run(make_app(tmp_path / "saves", mode="new", seed=1, seats=seats), run_before, after)
    assert not shown and data == []
    assert "from the second month" in label


def test_the_public_report_never_quotes_a_concern(tmp_path: Path):
    seats, run_before = play_june()

    def after(app):
        events = app.game.session.events
        said = [
            str(e.data.get("reason"))
            for before, e in pairwise(events)
            if e.kind == "AgendaItemAdded" and before.kind == "ConcernRaised" and e.month == 0
        ]
        return screen_text(app), said

    text, said = run(make_app(tmp_path / "saves", mode="new", seed=1, seats=seats), run_before, after)
    assert said, "someone raised a concern with a regulator in June"
    for reason in said:
        assert reason not in text
    assert "a concern about" in text


def test_the_month_report_gives_the_account_room(tmp_path: Path):
    from tui_support import SIZE

    seats, run_before = play_june()
    widths = {}
    for size in (SIZE, (120, 40)):

        async def measure(pilot, size=size) -> None:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await run_before(pilot)
            widths[size] = pilot.app.screen.query_one("#changes-box").content_region.width

        run(make_app(tmp_path / f"saves{size[0]}", mode="new", seed=1, seats=seats), measure, lambda app: None)
    assert widths[SIZE] >= 40 and widths[(120, 40)] >= 60


def test_published_accounts_are_those_of_the_last_month_end():
    """The one rule for money the whole room sees, used by the report and by `debrief --role`."""
    from bigshire_game import simulate
    from bigshire_game.debrief import at_month_end, published, replay
    from tui_support import SCENARIO

    game = simulate.play(SCENARIO, 1, 2)
    played = replay(SCENARIO, 1, game.moves)
    end_of_june, count = played.at_turn[1]
    assert at_month_end(end_of_june) and not at_month_end(played.state)
    upto = played.events[:count]
    june = published(end_of_june, upto, "east_bigshire")
    assert june.balance == end_of_june.orgs["east_bigshire"].balance and len(june.results) == 1
    mid_july, at = next((s, n) for s, n in played.at_move if n > count and not at_month_end(s))
    later = published(mid_july, played.events[:at], "east_bigshire")
    assert later.balance == june.balance, "part-way through July, the room still knows June's close"
    assert mid_july.orgs["east_bigshire"].balance != june.balance


# --- the curtain and the news -----------------------------------------------------------------------


def test_the_curtain_names_only_seats_held_by_people(tmp_path: Path):
    seats = {"east_bigshire": "Alice", "north_vale": "Bob"}

    async def run_before(pilot) -> None:
        await pilot.press("enter")  # the news

    text = run(make_app(tmp_path / "saves", mode="new", seed=1, seats=seats), run_before, screen_text)
    assert "Then: North Vale." in text
    assert "Southern Towns" not in text and "West Bigshire" not in text  # consortia the computer plays


def test_the_news_says_plainly_there_is_another_story(tmp_path: Path):
    def after(app):
        return screen_text(app)

    text = run(make_app(tmp_path / "saves", mode="new", seed=1, seats={"east_bigshire": "Alice"}), None, after)
    assert "2 stories:" in text and "Thousands march to save Eastbrook" in text
    assert "More below" in text


# --- words ------------------------------------------------------------------------------------------


def test_an_offer_without_services_leaves_no_dangling_for():
    from bigshire_game.narrative import fill

    text = "{proposer} offered {to} {offer} worth {value} a year for {services}."
    fields = {"proposer": "North Vale", "to": "CareWell", "offer": "a block contract", "value": "£1m"}
    assert fill(text, fields | {"services": ""}) == "North Vale offered CareWell a block contract worth £1m a year."
    assert fill(text, fields | {"services": "diagnostics"}).endswith("a year for diagnostics.")
    assert fill("{board} gave {consortium} less than they asked for.", {"board": "NHSCB", "consortium": "X"}).endswith(
        "asked for."
    )


def test_unanswered_asks_count_in_good_english():
    from bigshire_game.debrief import _unanswered
    from bigshire_game.vocabulary.events import make_event

    def asked(*kinds):
        return [make_event(k, 0, "system") for k in kinds]

    assert _unanswered(asked("ConcernRaised"), 1) == "No reply came to its concern."
    assert _unanswered(asked(*["ConcernRaised"] * 6), 1) == "No reply came to one of its six concerns."
    assert _unanswered(asked("ConcernRaised", "RequestRaised", "RequestRaised"), 2) == (
        "No reply came to two of its three concerns and requests."
    )
    assert _unanswered(asked("ConcernRaised", "MeetingConvened"), 2) == (
        "No reply came to either of its two concerns and invitations."
    )
