"""Broken saves are refused with one `file:line: reason` line (golden files beside this test), and
trying to load one changes no file in its folder.

The fixtures in tests/data/bad_saves/ are rebuilt by its make.py. Saves whose
problem depends on the current content (changed since saving, edited by hand)
are made fresh here from the built-in scenario.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bigshire_game.cli import build_parser
from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.saves import (
    Autosaver,
    SaveError,
    dumps,
    find_save,
    hash_pin,
    load_record,
    record_of,
    save_path,
    write_record,
)
from bigshire_game.session import Session
from bigshire_game.tui.launch import Launch, build_launch
from bigshire_game.vocabulary.moves import EndTurn, TakeDecision

BAD = Path(__file__).parent / "data" / "bad_saves"
FIXTURES = sorted(p.name for p in BAD.glob("*.toml"))
SCENARIO = load_scenario(builtin_scenario_dir())
CREATED = "2026-11-22T09:00:00Z"


def listing(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def saves(tmp_path, monkeypatch) -> Path:
    """A saves folder with neighbours that must survive, and the working directory set to it."""
    folder = tmp_path / "saves"
    (folder / "autosave").mkdir(parents=True)
    (folder / "neighbour.toml").write_text("# another group's game\n")
    (folder / "autosave" / "latest.toml").write_text("# the last autosave\n")
    monkeypatch.chdir(folder)
    return folder


def refusal(folder: Path, load) -> str:
    before = listing(folder)
    with pytest.raises(SaveError) as caught:
        load()
    assert listing(folder) == before, "loading a bad save changed a file"
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


@pytest.mark.parametrize("name", FIXTURES)
def test_bad_save_fixture_is_refused_with_its_message(saves, name, text_snapshot):
    shutil.copy(BAD / name, saves / name)
    message = refusal(saves, lambda: load_record(name, SCENARIO))
    assert re.match(rf"{re.escape(name)}:\d+: ", message)
    assert message + "\n" == text_snapshot


NAMES = {
    "parent_folders": "../../etc/passwd",
    "sub_folder": "a/b",
    "hidden": ".hidden",
    "empty": "",
    "question": "tuesday?",
}


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_a_name_that_tries_to_leave_the_folder_is_refused(saves, name, text_snapshot):
    message = refusal(saves.parent, lambda: save_path(saves, name))
    assert message + "\n" == text_snapshot


def test_the_cli_prints_one_line_and_exits_1(saves):
    shutil.copy(BAD / "seed_as_text.toml", saves / "seed_as_text.toml")
    before = listing(saves)
    result = subprocess.run(
        [sys.executable, "-m", "bigshire_game", "branch", "seed_as_text", "--at", "0", "--name", "new", "--saves", "."],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr == 'bigshire: seed_as_text.toml:12: save.seed: expected a whole number, found the text "one"\n'
    assert listing(saves) == before


# --- saves that are fine as files but no longer fit the content, or their own log --------------------


def first_decision_game() -> Session:
    """Everyone at the table; the first organisation to act takes its first decision and ends its turn."""
    session = Session(SCENARIO, 9, {rid: "table" for rid in SCENARIO.roles})
    session.run()
    actor = session.actor
    decision = next(m for m in session.legal() if isinstance(m, TakeDecision))
    session.play(decision)
    session.play(EndTurn(actor=actor))
    return session


@pytest.fixture
def fresh_save(saves) -> tuple[Path, Session]:
    session = first_decision_game()
    return write_record(record_of(session, created=CREATED), saves / "fresh.toml"), session


def changed_copy(scenario_copy, role: str, pattern: str, new: str):
    root = scenario_copy()
    path = root / "roles" / f"{role}.toml"
    text, n = re.subn(pattern, new, path.read_text(), count=1, flags=re.M)
    assert n == 1
    path.write_text(text)
    return load_scenario(root)


def test_content_changed_since_saving_names_the_file_and_replays(saves, fresh_save, scenario_copy, text_snapshot):
    path, session = fresh_save
    changed = changed_copy(scenario_copy, "north_vale", r"^opening_balance = (\d+)", "opening_balance = 750")
    before = listing(saves)
    replayed = load_record(path, changed)
    read_only = load_record(path, changed, replay=False)
    assert listing(saves) == before
    assert not replayed.read_only and replayed.session.state.orgs["north_vale"] != session.state.orgs["north_vale"]
    assert read_only.read_only and read_only.session is None and read_only.record.snapshot == session.state
    report = ["replayed:", *replayed.warnings, "read-only:", *read_only.warnings]
    assert "\n".join(report) + "\n" == text_snapshot


def test_content_changed_so_that_a_move_is_refused_says_which(saves, fresh_save, scenario_copy, text_snapshot):
    path, session = fresh_save
    move = session.moves[0]
    changed = changed_copy(scenario_copy, move.actor, rf'^id = "{move.decision}"$', f'id = "{move.decision}_withdrawn"')
    message = refusal(saves, lambda: load_record(path, changed))
    assert message.startswith("fresh.toml:")
    assert message + "\n" == text_snapshot
    assert load_record(path, changed, replay=False).record.snapshot == session.state


def test_a_hand_edited_snapshot_is_refused(saves, fresh_save, text_snapshot):
    path, _ = fresh_save
    text = path.read_text()
    edited = re.sub(r'(\[state\.orgs\.north_vale\]\nid = "north_vale"\nkind = )"consortium"', r'\1"acute"', text)
    assert edited != text
    path.write_text(edited)
    message = refusal(saves, lambda: load_record(path, SCENARIO))
    assert message + "\n" == text_snapshot


def test_a_hand_edited_move_is_refused(saves, fresh_save, text_snapshot):
    path, session = fresh_save
    decision = session.moves[0].decision
    path.write_text(path.read_text().replace(f'decision = "{decision}"', 'decision = "buy_a_yacht"', 1))
    message = refusal(saves, lambda: load_record(path, SCENARIO))
    assert message + "\n" == text_snapshot


def test_a_save_that_loads_is_still_byte_identical_after_loading(saves, fresh_save):
    path, _ = fresh_save
    before = path.read_bytes()
    loaded = load_record(path, SCENARIO)
    assert path.read_bytes() == before == dumps(loaded.record).encode()


def test_a_change_that_does_not_touch_the_game_is_reported_and_replays(saves, fresh_save, scenario_copy):
    path, session = fresh_save
    changed = changed_copy(scenario_copy, "north_vale", r"^(\[finance\])$", r"# reworded by the facilitator\n\1")
    loaded = load_record(path, changed)
    assert loaded.warnings == ["the scenario has changed since this game was saved: changed roles/north_vale.toml"]
    assert loaded.session.moves == session.moves and not loaded.read_only


def test_added_and_removed_files_are_named():
    from bigshire_game.saves.load import _changes

    saved = {"content/scenario.toml": "a", "decks/winter.toml": "b", "roles/x.toml": "c"}
    now = {"content/scenario.toml": "a2", "decks/spring.toml": "d", "roles/x.toml": "c"}
    assert _changes(saved, now) == (
        "the scenario has changed since this game was saved: changed content/scenario.toml; "
        "added decks/spring.toml; removed decks/winter.toml"
    )
    assert "does not record which files" in _changes({}, now)


# --- files as the user's system expects them -----------------------------------------------------------


@pytest.fixture
def umask():
    """Set the process's umask for one test, and put it back."""
    before = os.umask(0o022)
    yield lambda mask: os.umask(mask)
    os.umask(before)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.mark.parametrize(
    ("mask", "plain", "private"), [(0o022, 0o644, 0o600), (0o027, 0o640, 0o600), (0o077, 0o600, 0o600)]
)
def test_saves_respect_the_umask_and_are_owner_only_when_they_hold_pins(tmp_path, umask, mask, plain, private):
    umask(mask)
    session = first_decision_game()
    write_record(record_of(session, created=CREATED), tmp_path / "open.toml")
    session.set_pin("table", hash_pin("1234", iterations=1000))
    write_record(record_of(session, created=CREATED), tmp_path / "pinned.toml")
    assert (mode(tmp_path / "open.toml"), mode(tmp_path / "pinned.toml")) == (plain, private)
    Autosaver(tmp_path / "autosave", lock=False)(session)
    folder = tmp_path / "autosave" / session.game_id
    assert {p.name: mode(p) for p in folder.iterdir()} == {"000001.toml": private, "latest.toml": private}


def test_a_save_name_too_long_for_the_file_system_is_refused_plainly(saves, text_snapshot, capsys):
    long = "Tuesday afternoon group " * 12  # 288 characters: more than any common file system allows
    message = refusal(saves.parent, lambda: save_path(saves, long))
    assert message + "\n" == text_snapshot
    assert save_path(saves, "é" * 100).name == "é" * 100 + ".toml"  # 200 bytes: fits
    with pytest.raises(SaveError, match="too long"):
        save_path(saves, "é" * 125)  # 250 bytes, and the temporary file needs more
    with pytest.raises(SaveError, match="no such save or game"):
        find_save("x" * 5000, saves)
    code = subprocess.run(
        [sys.executable, "-m", "bigshire_game", "simulate", "--months", "1", "--save", long, "--saves", "."],
        capture_output=True,
        text=True,
    )
    assert code.returncode == 1 and code.stderr.count("\n") == 1 and "too long for the file system" in code.stderr


# --- a read-only review of a save that does not replay ---------------------------------------------------


def edited(path: Path, pattern: str, new: str) -> None:
    text, n = re.subn(pattern, new, path.read_text(), count=1, flags=re.M)
    assert n == 1, pattern
    path.write_text(text)


MALFORMED = {
    "turn_beyond_the_year": (r"^(\[state\]\n(?:.*\n)*?seed = \d+\n)", r"\1turn = 99\n"),
    "phase_beyond_the_phases": (r"^(\[state\]\n(?:.*\n)*?)phase = \d+$", r"\1phase = 7"),
    "organisation_unknown": (
        r"^\[state\.orgs\.north_vale\]\nid = \"north_vale\"",
        '[state.orgs.west_vale]\nid = "west_vale"',
    ),
    "queue_unknown": (r"^(\[state\]\n(?:.*\n)*?)queue = \[\"", r'\1queue = ["nobody", "'),
}


@pytest.mark.parametrize("case", MALFORMED, ids=MALFORMED.keys())
def test_a_malformed_position_is_refused_read_only_with_its_line_not_a_crash(
    saves, fresh_save, case, text_snapshot, capsys
):
    path, _ = fresh_save
    edited(path, *MALFORMED[case])
    replayed = refusal(saves, lambda: load_record(path, SCENARIO))
    assert "edited by hand" in replayed or "does not match" in replayed or "no organisation" in replayed
    read_only = refusal(saves, lambda: load_record(path, SCENARIO, replay=False))
    assert read_only + "\n" == text_snapshot
    args = build_parser().parse_args(["play", "--review", str(path), "--saves", str(saves)])
    assert build_launch(args, None) == 1
    err = capsys.readouterr().err
    assert err == f"bigshire: {read_only}\n"


def test_a_review_opens_read_only_what_can_be_shown_when_only_the_seats_are_wrong(saves, fresh_save, capsys):
    path, session = fresh_save
    edited(path, r'^north_vale = "table"$', 'west_vale = "table"')
    with pytest.raises(SaveError, match=r'fresh\.toml:\d+: seats\.west_vale: there is no organisation "west_vale"'):
        load_record(path, SCENARIO)
    args = build_parser().parse_args(["play", "--review", str(path), "--saves", str(saves)])
    launch = build_launch(args, None)
    assert isinstance(launch, Launch) and launch.loaded.read_only and launch.loaded.session is None
    assert launch.loaded.record.snapshot == session.state
    assert launch.loaded.warnings[0].startswith("fresh.toml:")
    assert "no seat is given for North Vale" in " ".join(launch.loaded.warnings)
