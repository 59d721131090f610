"""The save commands: `simulate --save`, `saves` and `branch`, each taking `--saves DIR`; and `play`'s
options that choose a game (`--load`, `--name`), checked before the terminal UI starts."""

from __future__ import annotations

import hashlib

import pytest

from bigshire_game.cli import main
from bigshire_game.saves import read_record


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_simulate_saves_the_game_and_refuses_to_overwrite_it(here, capsys):
    code, out, err = run(capsys, "simulate", "--seed", "4", "--months", "1", "--save", "first")
    assert code == 0 and err == ""
    assert out.splitlines()[-1].startswith("Saved the game to saves/first.toml (")
    record = read_record(here / "saves" / "first.toml")
    assert record.seed == 4 and record.label == "simulated game, seed 4"

    digest = hashlib.sha256((here / "saves" / "first.toml").read_bytes()).hexdigest()
    code, out, err = run(capsys, "simulate", "--seed", "5", "--months", "1", "--save", "first")
    assert code == 1 and out == ""
    assert (
        err == "bigshire: saves/first.toml: a save with this name already exists; choose another name, or add --force\n"
    )
    assert hashlib.sha256((here / "saves" / "first.toml").read_bytes()).hexdigest() == digest

    code, out, err = run(capsys, "simulate", "--seed", "5", "--months", "1", "--save", "first", "--force")
    assert code == 0 and read_record(here / "saves" / "first.toml").seed == 5


def test_simulate_save_names_and_folders(here, capsys):
    code, _, err = run(capsys, "simulate", "--months", "1", "--save", "../escape")
    assert code == 1 and err.startswith("bigshire: ../escape: a save name cannot contain /")
    code, _, err = run(capsys, "simulate", "--games", "2", "--save", "many")
    assert code == 2 and "--save keeps one game" in err
    code, _, _ = run(capsys, "simulate", "--months", "1", "--save", "kept", "--saves", "group_b")
    assert code == 0 and (here / "group_b" / "kept.toml").is_file() and not (here / "saves").exists()


def test_saves_lists_names_labels_and_months(here, capsys):
    code, out, _ = run(capsys, "saves")
    assert code == 0 and out == "No saves in saves.\n"
    run(capsys, "simulate", "--seed", "4", "--months", "2", "--save", "b_game")
    run(capsys, "simulate", "--seed", "4", "--months", "1", "--save", "a_game")
    (here / "saves" / "broken.toml").write_text("[save]\nformat = 99\n# end of save\n")
    code, out, _ = run(capsys, "saves")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "Saves:"
    assert lines[1].split() == ["name", "game", "label", "scenario", "month", "reached", "saved"]
    a_game = read_record(here / "saves" / "a_game.toml")
    assert lines[2].startswith("  a_game  " + a_game.game) and "simulated game, seed 4" in lines[2]
    assert "July 2013" in lines[2]
    assert lines[3].startswith("  b_game ") and "August 2013" in lines[3]
    assert lines[4].startswith("  broken ") and "cannot be read: this save was made by a newer version" in lines[4]


def test_branch_writes_a_new_file_and_leaves_the_save_alone(here, capsys):
    run(capsys, "simulate", "--seed", "4", "--months", "1", "--save", "game")
    original = (here / "saves" / "game.toml").read_bytes()
    total = len(read_record(here / "saves" / "game.toml").moves)

    code, out, err = run(capsys, "branch", "game", "--at", "12", "--name", "what-if")
    assert code == 0 and err == ""
    branch = read_record(here / "saves" / "what-if.toml")
    game = read_record(here / "saves" / "game.toml")
    assert out == (
        f"Wrote saves/what-if.toml: a new game from saves/game.toml after move 12 of {total} (June 2013); "
        "saves/game.toml is unchanged.\n"
        f'The new game is "what-if" (id {branch.game}, branched from game {game.game}).\n'
    )
    assert branch.moves == game.moves[:12]
    assert branch.label == "branch of simulated game, seed 4 at 12"
    assert branch.name == "what-if" and branch.parent == game.game and branch.game != game.game
    assert (here / "saves" / "game.toml").read_bytes() == original

    code, _, err = run(capsys, "branch", "game", "--at", "12", "--name", "what-if")
    assert code == 1 and "already exists" in err
    code, _, err = run(capsys, "branch", "game", "--at", "12", "--name", "game", "--force")
    assert code == 1 and err == "bigshire: a branch goes to a new file: give --name a name other than the save's own\n"
    code, _, err = run(capsys, "branch", "game", "--at", "lunch", "--name", "other")
    assert code == 1 and err.startswith('bigshire: saves/game.toml: there is no checkpoint "lunch" in this save')
    code, _, err = run(capsys, "branch", "nowhere", "--at", "1", "--name", "other")
    assert (
        code == 1 and err == "bigshire: nowhere: there is no such save or game (looked for it as given and in saves/)\n"
    )
    assert (here / "saves" / "game.toml").read_bytes() == original
    assert sorted(p.name for p in (here / "saves").iterdir()) == ["game.toml", "what-if.toml"]
