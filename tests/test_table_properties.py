"""A table's whole day, at random: moves, undos, facilitator interventions and their take-backs, checkpoints,
takeovers and hand-backs, named saves and abrupt ends. Whatever the order, every save left behind loads,
and resuming gives the same game, seats, table and clock as before the end, losing at most the move in progress."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bigshire_game.clock import MonthClock
from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.saves import Autosaver, hash_pin, load_record, record_of, save_path, write_record
from bigshire_game.session import BOT, Session
from bigshire_game.state import FACILITATOR
from bigshire_game.vocabulary.moves import AdjustFigure, EndTurn, Rejection

SCENARIO = load_scenario(builtin_scenario_dir())
SEATS = {"north_vale": "alice", "united_hospitals": "bob"}
STILL = lambda: 0.0  # noqa: E731  a clock that does not move, so a resumed clock can be compared exactly
PIN = hash_pin("2468", iterations=1000)
CHILD = Path(__file__).parent / "data" / "table_child.py"

STEPS = (
    "move",
    "move",
    "move",
    "end",
    "undo",
    "adjust",
    "take_back",
    "checkpoint",
    "take_over",
    "hand_back",
    "save",
    "crash",
)


def new_session(folder: Path, seed: int) -> Session:
    session = Session(SCENARIO, seed, SEATS, clock=MonthClock(now=STILL), pins={"bob": PIN})
    session.on_change = Autosaver(folder / "autosave", keep=4)
    session.run()
    return session


def step(session: Session, what: str, rng: random.Random, folder: Path) -> Session:
    """One thing a table might do; returns the session to carry on with (a new one after a crash)."""
    actor = session.actor
    if session.state.finished or actor is None:
        return session
    if what == "move":
        options = [m for m in session.legal() if not isinstance(m, EndTurn)]
        if options:
            outcome = session.play(rng.choice(options))
            assert not isinstance(outcome, Rejection), outcome
    elif what == "end":
        session.play(EndTurn(actor=actor))
    elif what == "undo":
        session.undo()
    elif what == "adjust":
        amount = rng.choice((-300, 200))
        session.play(AdjustFigure(actor=FACILITATOR, role=actor, figure="balance", amount=amount, reason="a test"))
    elif what == "take_back":
        session.undo_intervention()
    elif what == "checkpoint":
        session.checkpoint(f"mark-{len(session.table)}")
    elif what == "take_over":
        role = rng.choice(sorted(SEATS))
        session.reseat(role, FACILITATOR)
    elif what == "hand_back":
        role = rng.choice(sorted(SEATS))
        session.reseat(role, session.home_seat(role))
        if session.seats[role] == BOT:  # never leave the table without people
            session.reseat(role, SEATS[role])
    elif what == "save":
        write_record(record_of(session, "named"), save_path(folder, f"named-{len(session.moves)}"), force=True)
    elif what == "crash":
        return resumed_after_end(session, folder)
    return session


def resumed_after_end(session: Session, folder: Path) -> Session:
    """The terminal closes: the game comes back from its latest autosave exactly as it stood."""
    latest = folder / "autosave" / session.game_id / "latest.toml"
    loaded = load_record(latest, SCENARIO)
    again = loaded.session
    assert again is not None and not loaded.read_only
    assert again.moves == session.moves
    assert again.state == session.state
    assert again.seats == session.seats
    assert again.table == session.table
    assert again.game_id == session.game_id
    assert again.clock.paused and again.clock.remaining() == session.clock.state().remaining
    assert again.moves_this_turn() == session.moves_this_turn()  # undo still reaches back to the turn's start
    again.clock = MonthClock(now=STILL)
    again.on_change = Autosaver(folder / "autosave", keep=4)
    return again


def every_save_loads(folder: Path) -> None:
    files = sorted(folder.rglob("*.toml"))
    assert files
    for path in files:
        loaded = load_record(path, SCENARIO)
        assert loaded.session is not None, path
        assert all(entry.after <= len(loaded.record.moves) for entry in loaded.session.table), path


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.sampled_from(STEPS), min_size=5, max_size=30), seed=st.integers(1, 50))
def test_any_day_at_the_table_leaves_only_saves_that_load_and_resume_exactly(tmp_path_factory, steps, seed):
    folder = tmp_path_factory.mktemp("table")
    rng = random.Random(seed)
    session = new_session(folder, seed)
    for what in steps:
        session = step(session, what, rng, folder)
    resumed_after_end(session, folder)
    every_save_loads(folder)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("kill_after", [3, 11, 24])
def test_a_table_killed_mid_day_resumes_from_its_last_autosave(tmp_path, kill_after):
    """A real process doing random table actions is killed with SIGKILL; what it left loads, and the latest
    autosave holds every action it reported finished, or one more (the one in progress)."""
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(tmp_path), str(kill_after)], stdout=subprocess.PIPE, text=True
    )
    reported: list[str] = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            reported.append(line.strip())
            if len(reported) > kill_after:
                break
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
    game_id, *done = reported
    every_save_loads(tmp_path)
    latest = load_record(tmp_path / "autosave" / game_id / "latest.toml", SCENARIO)
    revision_saved = latest.record.moves
    finished = [tuple(map(int, line.split())) for line in done]  # (moves, table entries) after each action
    moves_now, entries_now = finished[-1]
    assert moves_now <= len(revision_saved) <= moves_now + 1
    assert entries_now <= len(latest.session.table) <= entries_now + 1
