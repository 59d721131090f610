"""A playing, autosaving process killed with SIGKILL at random moments leaves only whole saves,
and resuming from `latest` loses at most the move that was in progress."""

from __future__ import annotations

import random
import runpy
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bigshire_game.saves import Autosaver, load_record
from bigshire_game.saves.store import _TEMP

CHILD = Path(__file__).parent / "data" / "autosave_child.py"
SEED = 12
KILLS = 5

child = runpy.run_path(str(CHILD))

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


@pytest.fixture(scope="module")
def full_game() -> tuple:
    """The whole game the child plays, made here without autosaves: every save must be a prefix of it."""
    session = child["new_session"](SEED)
    child["play"](session)
    return session.scenario, tuple(session.moves)


def test_sigkill_at_random_moments_leaves_only_loadable_saves(tmp_path, full_game):
    scenario, moves = full_game
    rng = random.Random(2026)
    for attempt in range(KILLS):
        folder = tmp_path / f"run{attempt}" / "autosave"
        proc = subprocess.Popen([sys.executable, str(CHILD), str(folder), str(SEED)], stdout=subprocess.PIPE, text=True)
        try:
            ready, game = proc.stdout.readline().split()
            assert ready == "ready"
            time.sleep(rng.uniform(0.02, 1.2))
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        printed = [line.strip() for line in proc.stdout.read().splitlines()]
        proc.stdout.close()
        assert "done" not in printed, "the game finished before it was killed; kill it sooner"
        made = int(printed[-1]) if printed else 0  # moves made and autosaved; one more may have been under way

        mine = folder / game
        files = sorted(mine.iterdir()) if mine.exists() else []
        for path in files:
            if _TEMP.fullmatch(path.name) or path.name == "lock":
                continue  # a write the kill interrupted (never a .toml, removed by the next Autosaver); a stale lock
            assert path.suffix == ".toml", f"unexpected file {path.name}"
            loaded = load_record(path, scenario)
            assert loaded.record.moves == moves[: len(loaded.record.moves)], f"{path.name} is not a prefix of the game"
            assert loaded.record.game == game

        latest = mine / "latest.toml"
        if not latest.exists():
            assert made == 0, f"no latest.toml after {made} moves"
            continue
        resumed = load_record("latest", scenario, saves_dir=folder.parent)
        assert made <= len(resumed.record.moves) <= made + 1
        assert resumed.session.moves == list(moves[: len(resumed.record.moves)])

        # Resuming in a new process: the killed process's lock is stale and taken over; its temporary files go.
        autosave = Autosaver(folder)
        resumed.session.on_change = autosave
        resumed.session.checkpoint("after the crash")
        assert (mine / "lock").is_file() and not [p for p in mine.iterdir() if _TEMP.fullmatch(p.name)]
        autosave.close()
