"""Screens of the terminal game at 100x30, as SVG golden files (review them as pictures).

Grouped by feature; each test drives the app with a `run_before(pilot)` coroutine.
The month clock is still and the cursor does not blink, so screenshots repeat.
Update with `pytest tests/test_tui_snapshots.py --snapshot-update` and look at the SVGs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bigshire_game import simulate
from bigshire_game.saves import load_record, record_of, write_record
from bigshire_game.session import Session
from bigshire_game.tui import seating
from conftest import stable_svg
from tui_support import SCENARIO, make_app, run

CONSORTIUM = {"east_bigshire": "East Bigshire"}
TWO_SEATS = {"east_bigshire": "Alice", "monitor": "Bob"}


def shot(app, run_before=None) -> str:
    return stable_svg(run(app, run_before))


async def to_desk(pilot) -> None:
    """News, then the curtain: two Enters to the first desk."""
    await pilot.press("enter", "enter")


# --- starting a game --------------------------------------------------------------------------------


class TestStart:
    def test_title(self, tmp_path: Path, svg_snapshot):
        assert shot(make_app(tmp_path / "saves")) == svg_snapshot

    def test_seat_assignment(self, tmp_path: Path, svg_snapshot):
        async def run_before(pilot) -> None:
            await pilot.press("n")  # the title screen's "New game"
            await pilot.pause()
            await pilot.press(
                *["down"] * 5, "n", *["down"] * 5, "f"
            )  # East Bigshire's own seat; Monitor to the facilitator

        assert shot(make_app(tmp_path / "saves"), run_before) == svg_snapshot


# --- handing the keyboard over -------------------------------------------------------------------------


class TestHandover:
    def test_curtain(self, tmp_path: Path, svg_snapshot):
        pins = {"Alice": seating.hash_pin("1234")}

        async def run_before(pilot) -> None:
            await pilot.press("enter")

        app = make_app(tmp_path / "saves", mode="new", seed=1, seats=TWO_SEATS, pins=pins)
        assert shot(app, run_before) == svg_snapshot


# --- desks ------------------------------------------------------------------------------------------------


class TestDesk:
    def test_consortium_desk(self, tmp_path: Path, svg_snapshot):
        app = make_app(tmp_path / "saves", mode="new", seed=1, seats=CONSORTIUM)
        assert shot(app, to_desk) == svg_snapshot

    def test_monitor_desk(self, tmp_path: Path, svg_snapshot):
        app = make_app(tmp_path / "saves", mode="new", seed=1, seats={"monitor": "Monitor"})
        assert shot(app, to_desk) == svg_snapshot


# --- moves ---------------------------------------------------------------------------------------------------


class TestMoves:
    def test_below_tariff_offer_is_refused_with_the_engines_reason(self, tmp_path: Path, svg_snapshot):
        async def run_before(pilot) -> None:
            await to_desk(pilot)
            await pilot.press("m", "c", "down", "tab", "ctrl+u", "9", "5", "enter")

        app = make_app(tmp_path / "saves", mode="new", seed=1, seats=CONSORTIUM)
        assert shot(app, run_before) == svg_snapshot

    def test_move_menu_with_fixed_letters(self, tmp_path: Path, svg_snapshot):
        async def run_before(pilot) -> None:
            await to_desk(pilot)
            await pilot.press("m")

        app = make_app(tmp_path / "saves", mode="new", seed=1, seats={"united_hospitals": "United Hospitals"})
        assert shot(app, run_before) == svg_snapshot

    def test_preview_before_commit(self, tmp_path: Path, svg_snapshot):
        async def run_before(pilot) -> None:
            await to_desk(pilot)
            await pilot.press("m", "p", "enter")  # the first financial plan on offer

        app = make_app(tmp_path / "saves", mode="new", seed=1, seats=CONSORTIUM)
        assert shot(app, run_before) == svg_snapshot


# --- the month's end ---------------------------------------------------------------------------------------------


class TestMonth:
    def test_month_report(self, tmp_path: Path, svg_snapshot):
        async def run_before(pilot) -> None:
            await to_desk(pilot)
            await pilot.press("e", "enter")

        app = make_app(tmp_path / "saves", mode="new", seed=1, seats=CONSORTIUM)
        assert shot(app, run_before) == svg_snapshot


# --- the facilitator -------------------------------------------------------------------------------------------------


class TestFacilitator:
    def test_facilitator_console(self, tmp_path: Path, svg_snapshot):
        async def run_before(pilot) -> None:
            await to_desk(pilot)
            await pilot.press("f2")

        app = make_app(tmp_path / "saves", mode="new", seed=1, seats=CONSORTIUM)
        assert shot(app, run_before) == svg_snapshot


# --- trainers' review -----------------------------------------------------------------------------------------------------


@pytest.fixture
def reviewed(tmp_path: Path):
    """A save of two months, East Bigshire played at the terminal, the rest by the computer."""
    game = simulate.play(SCENARIO, 3, 2)
    session = Session.replay(SCENARIO, 3, CONSORTIUM, game.moves)
    (tmp_path / "saves").mkdir()
    record = record_of(session, "Tuesday group", created="2026-01-01T00:00:00Z")
    path = write_record(record, tmp_path / "saves" / "tuesday.toml")
    return load_record(path, SCENARIO)


class TestReview:
    def test_review_mode(self, tmp_path: Path, reviewed, svg_snapshot):
        app = make_app(tmp_path / "saves", mode="review", loaded=reviewed, path=reviewed.path)
        assert shot(app) == svg_snapshot

    def test_debrief_viewer(self, tmp_path: Path, reviewed, svg_snapshot):
        async def run_before(pilot) -> None:
            await pilot.press("v")

        app = make_app(tmp_path / "saves", mode="review", loaded=reviewed, path=reviewed.path)
        assert shot(app, run_before) == svg_snapshot
