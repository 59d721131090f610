"""Games sharing a saves folder: each game autosaves into a folder of its own, is found again by its
name or id, and "latest" never silently picks another table's game; a lock stops two processes
writing one game, and a lock left by a dead process is taken over. Saves of formats 1 and 2, and the single
`autosave/latest.toml` format 1 kept, still load."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from attrs import evolve

from bigshire_game.cli import build_parser, main
from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.saves import (
    FORMAT,
    Autosaver,
    GameLock,
    ManyGames,
    SaveError,
    dumps,
    find_save,
    list_games,
    load_record,
    read_record,
    record_of,
    save_path,
    write_record,
)
from bigshire_game.session import Session
from bigshire_game.tui.launch import Launch, build_launch
from bigshire_game.vocabulary.moves import EndTurn

DATA = Path(__file__).parent / "data"
CHILD = DATA / "autosave_child.py"
FORMAT_1 = DATA / "format1" / "tuesday.toml"  # written by format 1's code: seed 2, June 2013, two checkpoints
FORMAT_2 = DATA / "format2" / "four_months.toml"  # written by format 2's code: the golden game of seed 8
SCENARIO = load_scenario(builtin_scenario_dir())


def table_session(seed: int, name: str, seat: str, saves: Path, moves: int = 2) -> Session:
    session = Session(SCENARIO, seed, dict.fromkeys(SCENARIO.roles, seat), name=name)
    session.on_change = Autosaver(saves / "autosave")
    session.run()
    for _ in range(moves):
        session.play(EndTurn(actor=session.actor))
    session.on_change.close()
    return session


def launch(*argv: str):
    args = build_parser().parse_args(["play", *argv])
    return build_launch(args, None)


# --- two tables, one folder ------------------------------------------------------------------------


class Table:
    """A child process playing one game with autosaves, then holding it open until told to stop."""

    def __init__(self, saves: Path, seed: int, name: str, moves: int, seat: str) -> None:
        argv = [sys.executable, str(CHILD), str(saves / "autosave"), str(seed), name, str(moves), seat]
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        ready, self.game = self.proc.stdout.readline().split()
        assert ready == "ready"

    def wait_until_played(self) -> None:
        for line in self.proc.stdout:
            if line.strip() == "done":
                return
        raise AssertionError("the table ended before it had played")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.write("\n")
            self.proc.stdin.flush()
        self.proc.wait(timeout=30)
        self.proc.stdin.close()
        self.proc.stdout.close()


def test_two_games_started_at_once_keep_their_own_autosaves_and_each_resumes_its_own(tmp_path, capsys):
    saves = tmp_path / "saves"
    tuesday = Table(saves, 11, "tuesday", 12, "Ann")
    wednesday = Table(saves, 12, "wednesday", 9, "Bob")
    try:
        tuesday.wait_until_played()
        wednesday.wait_until_played()
        assert tuesday.game != wednesday.game
        folders = sorted(p.name for p in (saves / "autosave").iterdir())
        assert folders == sorted([tuesday.game, wednesday.game])
        for table, name, count in ((tuesday, "tuesday", 12), (wednesday, "wednesday", 9)):
            latest = read_record(saves / "autosave" / table.game / "latest.toml")
            assert (latest.game, latest.name, len(latest.moves)) == (table.game, name, count)

        # While a table plays, its game is locked: another process is told who holds it.
        with pytest.raises(
            SaveError, match=rf"already open in another process \(pid {tuesday.proc.pid} on this computer"
        ):
            GameLock(saves, tuesday.game).acquire()
        assert launch("--load", "tuesday", "--saves", str(saves)) == 1
        assert f"pid {tuesday.proc.pid}" in capsys.readouterr().err
    finally:
        tuesday.stop()
        wednesday.stop()

    # Each resumes its own game, by name (any case) or by id.
    for table, name, seed in ((tuesday, "tuesday", 11), (wednesday, "wednesday", 12)):
        for key in (name, name.upper(), table.game):
            loaded = load_record(key, SCENARIO, saves_dir=saves)
            assert loaded.session.game_id == table.game and loaded.record.seed == seed
    started = launch("--load", "Wednesday", "--saves", str(saves))
    assert isinstance(started, Launch) and started.loaded.session.game_id == wednesday.game
    assert started.lock.held and (saves / "autosave" / wednesday.game / "lock").is_file()
    started.lock.release()

    # "latest" lists both, most recent first, and says how to choose.
    with pytest.raises(ManyGames) as many:
        find_save("latest", saves)
    assert {g.game for g in many.value.games} == {tuesday.game, wednesday.game}
    result = subprocess.run(
        [sys.executable, "-m", "bigshire_game", "play", "--load", "latest", "--saves", str(saves)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == f"bigshire: {saves / 'autosave'}: 2 games have autosaves here, so latest could be any of them:"
    listed = {line.split()[0]: line for line in lines[1:3]}
    assert set(listed) == {"tuesday", "wednesday"}
    assert f"({tuesday.game})" in listed["tuesday"] and "bigshire, seed 11" in listed["tuesday"]
    assert "  Ann  " in listed["tuesday"] and "June 2013" in listed["tuesday"] and "saved 20" in listed["tuesday"]
    assert "  Bob  " in listed["wednesday"]
    assert lines[3] == "Give one of them with --load NAME_OR_ID."


def test_latest_opens_the_one_game_and_says_when_there_is_none(tmp_path):
    saves = tmp_path / "saves"
    with pytest.raises(SaveError, match="there is no autosave yet"):
        find_save("latest", saves)
    session = table_session(3, "", "Ann", saves)
    assert find_save("latest", saves) == saves / "autosave" / session.game_id / "latest.toml"
    assert load_record("latest", SCENARIO, saves_dir=saves).session.moves == session.moves


def test_games_are_listed_most_recent_first_with_their_checkpoints_and_named_saves(tmp_path, capsys):
    saves = tmp_path / "saves"
    first = table_session(3, "morning", "Ann", saves)
    second = table_session(4, "", "Bob", saves, moves=3)
    second.checkpoint("lunch")
    write_record(record_of(second, created="2026-11-22T12:00:00Z"), save_path(saves, "lunch"))
    os.utime(saves / "autosave" / second.game_id / "latest.toml", (2e9, 2e9))  # written later, same second
    games = list_games(saves)
    assert [g.game for g in games] == [second.game_id, first.game_id]
    by_id = {g.game: g for g in games}
    assert by_id[first.game_id].name == "morning" and by_id[first.game_id].people == ("Ann",)
    assert by_id[second.game_id].saves == (saves / "lunch.toml",) and by_id[second.game_id].title == second.game_id
    assert by_id[first.game_id].path == saves / "autosave" / first.game_id / "latest.toml"

    assert main(["saves", "--saves", str(saves)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Games (continue one with: bigshire play --load NAME_OR_ID):"
    assert any(line.startswith(f"  morning ({first.game_id})  bigshire, seed 3  Ann  ") for line in out)
    assert '      checkpoints: "lunch" (move 3, June 2013)' in out
    assert "      saves: lunch" in out
    assert "Saves:" in out


def test_a_name_two_games_share_is_listed_and_an_id_chooses(tmp_path):
    saves = tmp_path / "saves"
    one = table_session(3, "Group A", "Ann", saves)
    two = table_session(4, "group a", "Bob", saves)
    with pytest.raises(ManyGames, match='2 games are called "group a":') as many:
        find_save("group a", saves)
    assert {g.game for g in many.value.games} == {one.game_id, two.game_id}
    assert find_save(two.game_id, saves).parent.name == two.game_id


def test_a_named_save_of_a_game_without_autosaves_is_found_by_the_games_name(tmp_path):
    saves = tmp_path / "saves"
    session = Session(SCENARIO, 5, name="friday")
    session.run()
    path = write_record(record_of(session), save_path(saves, "end of friday"))
    assert find_save("friday", saves) == path
    assert find_save(session.game_id, saves) == path


def test_a_game_whose_latest_autosave_is_damaged_resumes_from_its_newest_whole_one(tmp_path):
    saves = tmp_path / "saves"
    session = table_session(3, "", "Ann", saves, moves=3)
    folder = saves / "autosave" / session.game_id
    (folder / "latest.toml").write_text((folder / "latest.toml").read_text()[:500])
    newest = max(p for p in folder.glob("0*.toml"))
    assert find_save("latest", saves) == newest


# --- older saves --------------------------------------------------------------------------------------


def test_a_format_1_save_loads_with_its_checkpoints_pins_and_a_stable_id():
    record = read_record(FORMAT_1)
    assert record.format == FORMAT and record.game == read_record(FORMAT_1).game == "f163ae3c1c"
    assert [(c.label, c.moves) for c in record.checkpoints] == [("start", 0), ("mid June", 20)]
    assert set(record.pins) == {"Ann"} and record.seats["north_vale"] == "Ann"
    assert record.news_shown == record.reported == record.snapshot.turn and record.clock.paused
    loaded = load_record(FORMAT_1, SCENARIO)
    assert loaded.session.moves == list(record.moves) and loaded.session.pins == record.pins
    assert [e.label for e in loaded.session.checkpoints] == ["start", "mid June"]
    assert any("format 1" in w for w in loaded.warnings)


def test_a_format_2_save_loads_and_replays_with_its_agenda_items_kinds():
    record = read_record(FORMAT_2)
    assert record.format == FORMAT and record.game == "golden8" and record.seats["north_vale"] == "alice"
    kinds = {item.kind for item in record.snapshot.agendas.values()}
    assert {"concern", "funding_bid", "trigger", "effect", "plan_assessment", "referral"} == kinds
    # saved before a scheme's partners kept a margin on it and private providers had three actions a month:
    # replayed against the scenario of its day
    roles = {rid: evolve(r, action_points=2) if r.kind == "private" else r for rid, r in SCENARIO.roles.items()}
    balance = evolve(SCENARIO.info.balance, scheme_delivery_cost=1.0)
    then = evolve(SCENARIO, roles=roles, info=evolve(SCENARIO.info, balance=balance))
    loaded = load_record(FORMAT_2, then)
    assert loaded.warnings[0].startswith("this save was written in format 2 and has been read as format 3: ")
    assert not any("different position" in w for w in loaded.warnings)
    again = Session.replay(then, record.seed, record.seats, record.moves)
    assert loaded.session.state == again.state and loaded.record.snapshot.agendas == again.state.agendas
    assert loaded.session.moves == list(record.moves)


def test_a_format_1_autosave_left_unreadable_by_the_old_undo_bug_loads_without_the_stray_checkpoint(tmp_path):
    """Format 1 let an undo leave a checkpoint past the end of the log; such autosaves load again."""
    text = FORMAT_1.read_text(encoding="utf-8")
    count = len(read_record(FORMAT_1).moves)
    broken = tmp_path / "latest.toml"
    broken.write_text(text.replace("moves = 20\n", f"moves = {count + 1}\n", 1), encoding="utf-8")
    loaded = load_record(broken, SCENARIO)
    assert [e.label for e in loaded.session.checkpoints] == ["start"]
    assert any('"mid June" pointed past the end of its move log' in w for w in loaded.warnings)
    assert loaded.session.moves == list(read_record(FORMAT_1).moves)


def test_the_single_latest_autosave_of_format_1_is_one_game_and_resumes_into_its_own_folder(tmp_path):
    saves = tmp_path / "saves"
    (saves / "autosave").mkdir(parents=True)
    legacy = saves / "autosave" / "latest.toml"
    shutil.copy(FORMAT_1, legacy)
    shutil.copy(FORMAT_1, saves / "autosave" / "000007.toml")
    [game] = list_games(saves)
    assert game.legacy and game.path == legacy and game.people == ("Bob", "Ann")
    assert find_save("latest", saves) == legacy
    loaded = load_record("latest", SCENARIO, saves_dir=saves)
    assert load_record(game.game, SCENARIO, saves_dir=saves).path == legacy

    session = loaded.session
    session.on_change = Autosaver(saves / "autosave")
    session.checkpoint("resumed")
    session.on_change.close()
    [game] = list_games(saves)  # the old file and the new folder are one game
    assert not game.legacy and game.path == saves / "autosave" / loaded.record.game / "latest.toml"
    assert find_save("latest", saves) == game.path
    assert legacy.read_bytes() == FORMAT_1.read_bytes()


# --- the lock -----------------------------------------------------------------------------------------


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def write_lock(saves: Path, game: str, pid: int, host: str | None = None) -> Path:
    path = saves / "autosave" / game / "lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    host = host or socket.gethostname()
    path.write_text(f'pid = {pid}\nhost = "{host}"\ntime = "2026-11-22T09:00:00Z"\ncommand = "bigshire play"\n')
    return path


def test_a_lock_held_by_a_live_process_names_it_and_is_taken_once_it_has_ended(tmp_path):
    saves = tmp_path / "saves"
    code = (
        "import os, sys; from bigshire_game.saves import GameLock; "
        "lock = GameLock(os.environ['SAVES'], 'abcd1234').acquire(); print('held', flush=True); sys.stdin.readline()"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code, "play", "--load", "tuesday"],  # shown as "bigshire play --load tuesday"
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "SAVES": str(saves)},
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(SaveError) as refused:
            GameLock(saves, "abcd1234").acquire()
        message = str(refused.value)
        assert message.startswith(f"{saves / 'autosave' / 'abcd1234' / 'lock'}: this game is already open in another ")
        assert f"(pid {holder.pid} on this computer, since 20" in message
        assert message.endswith(
            ": bigshire play --load tuesday): close the game there first, or open it read-only with --review"
        )
        GameLock(saves, "other000").acquire().release()  # another game is free
    finally:
        holder.kill()
        holder.wait()
        holder.stdin.close()
        holder.stdout.close()
    with GameLock(saves, "abcd1234") as lock:  # the holder was killed: its lock is stale
        assert lock.held and f"pid {holder.pid}" in lock.took_over
        assert f"pid = {os.getpid()}\n" in lock.path.read_text()
    assert not lock.path.exists()


def test_a_stale_lock_naming_a_dead_pid_is_taken_over(tmp_path):
    saves = tmp_path / "saves"
    pid = dead_pid()
    path = write_lock(saves, "g1", pid)
    lock = GameLock(saves, "g1").acquire()
    assert lock.took_over.startswith(f"pid {pid} on this computer") and f"pid = {os.getpid()}" in path.read_text()
    assert GameLock(saves, "g1").acquire().held  # this process already holds it
    lock.release()
    assert not path.exists()


def test_an_unreadable_lock_is_stale_and_a_lock_from_another_computer_is_not_guessed_at(tmp_path):
    saves = tmp_path / "saves"
    path = saves / "autosave" / "g1" / "lock"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xff\xfe not a lock")
    GameLock(saves, "g1").acquire().release()
    write_lock(saves, "g2", os.getpid() + 1, host="laptop-in-room-4")
    with pytest.raises(SaveError, match=r"open on another computer \(pid \d+ on laptop-in-room-4.*delete .*g2/lock"):
        GameLock(saves, "g2").acquire()


def test_an_autosaver_will_not_write_a_game_another_process_holds(tmp_path):
    saves = tmp_path / "saves"
    session = Session(SCENARIO, 3, dict.fromkeys(SCENARIO.roles, "Ann"), game_id="busy0001")
    session.run()
    write_lock(saves, "busy0001", os.getppid())  # a live process: the test runner's parent
    with pytest.raises(SaveError, match="already open in another process"):
        Autosaver(saves / "autosave")(session)
    assert sorted(p.name for p in (saves / "autosave" / "busy0001").iterdir()) == ["lock"]


def test_reviewing_never_takes_the_lock(tmp_path):
    saves = tmp_path / "saves"
    session = table_session(3, "busy", "Ann", saves)
    write_lock(saves, session.game_id, os.getppid())
    reviewed = launch("--review", "busy", "--saves", str(saves))
    assert isinstance(reviewed, Launch) and reviewed.lock is None and reviewed.loaded.session is not None
    assert load_record("busy", SCENARIO, saves_dir=saves).session.moves == session.moves


# --- play's options ---------------------------------------------------------------------------------------


def test_play_takes_a_name_for_a_new_game(tmp_path, capsys):
    started = launch("--human", "north_vale", "--name", "  Tuesday group ", "--saves", str(tmp_path))
    assert isinstance(started, Launch) and started.mode == "new" and started.name == "Tuesday group"
    assert launch("--name", "Tuesday", "--saves", str(tmp_path)).name == "Tuesday"
    assert launch("--load", "latest", "--name", "x", "--saves", str(tmp_path)) == 2
    assert "--name names a new game" in capsys.readouterr().err
    assert launch("--human", "north_vale", "--name", "a\nb") == 2
    assert launch("--human", "north_vale", "--name", "x" * 65) == 2


def test_a_lock_left_before_a_restart_is_stale_even_if_its_pid_is_alive_again(tmp_path):
    saves = tmp_path / "saves"
    path = write_lock(saves, "g3", 1)  # pid 1 is always alive; the lock says another boot wrote it
    path.write_text(path.read_text() + 'boot = "an-earlier-boot"\n')
    lock = GameLock(saves, "g3").acquire()
    assert lock.held and "an-earlier-boot" not in path.read_text()
    lock.release()


def test_a_clock_left_running_over_a_weekend_still_saves_a_file_that_loads(tmp_path):
    from bigshire_game.clock import MonthClock

    now = [0.0]
    session = Session(SCENARIO, 3, {"north_vale": "Ann"}, clock=MonthClock(now=lambda: now[0]))
    session.on_change = Autosaver(tmp_path / "autosave")
    session.run()
    now[0] += 3 * 24 * 3600
    session.touch()
    loaded = load_record(tmp_path / "autosave" / session.game_id / "latest.toml", SCENARIO)
    assert loaded.session.clock.paused and loaded.session.clock.remaining() == -24 * 3600


@pytest.mark.parametrize(("key", "value"), [("reported", -100), ("news_shown", 99)])
def test_a_table_owing_a_month_the_game_never_reached_is_refused_with_its_line(tmp_path, key, value):
    session = Session(SCENARIO, 3, {"north_vale": "Ann"})
    session.run()
    text = dumps(record_of(session, "odd"))
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(f"{key} = "))
    lines[at] = f"{key} = {value}"
    path = tmp_path / "odd.toml"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(SaveError, match=rf"odd.toml:{at + 1}: table.{key}: "):
        load_record(path, SCENARIO)
