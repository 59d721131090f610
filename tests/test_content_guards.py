"""Files no editor writes, made here because they cannot be committed (links to devices, pipes,
folders in a file's place, files too big or unreadable) or would bloat the fixtures (4,301 digits,
nesting past the interpreter's limit, a line of a hundred thousand characters). Each is one located
diagnostic and exit 1, never a hang or a traceback; the golden files hold what `bigshire validate` prints.

Exit codes are checked in a real process too: 1 for content, 2 for a mistyped command, 3 (one plain
line, and still a JSON document with --format json) for a fault of ours.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bigshire_game.content import guards, validate
from bigshire_game.content.validate import validation
from conftest import REPO_ROOT

MINI = Path(__file__).parent / "data" / "mini_scenario"
ENV = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src")}


@pytest.fixture
def mini(tmp_path, builtin_dir, monkeypatch) -> Path:
    """The small test scenario with the shipped scenario.toml (and the built-in sentences), read from its parent."""
    root = tmp_path / "mini"
    shutil.copytree(MINI / "roles", root / "roles")
    shutil.copytree(MINI / "decks", root / "decks")
    (root / "content").mkdir()
    shutil.copy(builtin_dir / "content" / "scenario.toml", root / "content" / "scenario.toml")
    monkeypatch.chdir(tmp_path)
    return root


def _replace(path: Path) -> Path:
    path.unlink(missing_ok=True)
    return path


def _role(root: Path) -> Path:
    return root / "roles" / "vale.toml"


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


# name -> what to do to the mini scenario
DAMAGE: dict[str, Callable[[Path], None]] = {
    "role_is_a_link_to_dev_zero": lambda root: _replace(_role(root)).symlink_to("/dev/zero"),
    "role_is_a_folder": lambda root: _replace(_role(root)).mkdir(),
    "role_is_a_named_pipe": lambda root: os.mkfifo(_replace(_role(root))),
    "role_is_a_broken_link": lambda root: _replace(_role(root)).symlink_to(root / "nowhere.toml"),
    "role_is_too_big": lambda root: os.truncate(_role(root), guards.MAX_FILE_BYTES + 1),
    "narrative_is_a_folder": lambda root: (root / "content" / "narrative.toml").mkdir(),
    "narrative_is_a_link_to_dev_null": lambda root: (root / "content" / "narrative.toml").symlink_to("/dev/null"),
    "scenario_is_a_folder": lambda root: _replace(root / "content" / "scenario.toml").mkdir(),
    "roles_is_a_file": lambda root: shutil.rmtree(root / "roles") or (root / "roles").write_text("x"),
    "nested_past_the_interpreter_limit": lambda root: _append(_role(root), "\nx = " + "[" * 5000 + "]" * 5000 + "\n"),
    "dotted_key_past_the_interpreter_limit": lambda root: _append(_role(root), "\n" + "a." * 40_000 + "b = 1\n"),
    "table_name_past_the_interpreter_limit": lambda root: _append(_role(root), "\n[" + "a." * 6000 + "b]\n"),
    "number_of_4301_digits": lambda root: _append(_role(root), "\nquality = " + "7" * 4301 + "\n"),
    "hexadecimal_number_of_4000_digits": lambda root: _append(_role(root), "\nquality = 0x" + "f" * 4000 + "\n"),
    "line_of_100001_characters": lambda root: _append(_role(root), '\nnote = "' + "a" * 100_001 + '"\n'),
    "text_of_25000_characters": lambda root: _append(_role(root), '\nnote = """' + "abcd\n" * 5000 + '"""\n'),
    "key_of_300_characters": lambda root: _append(_role(root), "\n" + "k" * 300 + " = 1\n"),
    "file_name_with_an_escape": lambda root: _write_text(root / "roles" / "\x1b[2Jwiped.toml", 'id = "x\n'),
    "many_hostile_values": lambda root: _append(_role(root), "".join(f"\nn{i} = nan" for i in range(40)) + "\n"),
}


@pytest.mark.parametrize("name", sorted(DAMAGE))
def test_a_hostile_file_is_one_located_error(name, mini, text_snapshot):
    DAMAGE[name](mini)
    done = validation("mini", (), "text")
    as_json = validation("mini", (), "json")
    assert (done.code, done.err, as_json.code, as_json.err) == (1, "", 1, "")
    report = json.loads(as_json.out)
    assert report["errors"] >= 1 and not report["ok"]
    assert all(line.isprintable() for line in done.out.splitlines()), done.out
    assert len(done.out) < 3000
    assert done.out == text_snapshot


def test_an_unreadable_file_is_a_located_error(mini, monkeypatch):
    """Root reads every file, so permission is refused the way the system would refuse it."""
    real_open = os.open

    def refusing(path, flags, *args, **kwargs):
        if str(path).endswith("vale.toml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(guards.os, "open", refusing)
    done = validation("mini", (), "text")
    assert done.code == 1
    assert done.out.splitlines()[0] == "mini/roles/vale.toml:1:1: cannot read this file: Permission denied"


def test_an_unlistable_folder_is_a_located_error(mini, monkeypatch):
    real_scandir = os.scandir

    def refusing(path):
        if str(path).endswith("decks"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(guards.os, "scandir", refusing)
    done = validation("mini", (), "text")
    assert done.code == 1
    assert "mini/decks:1:1: cannot list this folder: Permission denied" in done.out.splitlines()


def test_a_file_that_grows_past_the_cap_while_read_is_refused(tmp_path, monkeypatch):
    """The size the file claims is not trusted: at most the cap and one byte are ever read."""
    path = tmp_path / "growing.toml"
    path.write_text("x = 1\n")
    monkeypatch.setattr(guards.os, "read", lambda fd, n: b"#" * n)
    with pytest.raises(
        guards.FileRefused, match=r"too big \(more than 100,000 bytes\); a file of content may be at most 0.1 MB"
    ):
        guards.read_capped(path, limit=100_000)


def test_a_ten_megabyte_file_is_refused_at_once(mini):
    _append(_role(mini), '\nnote = "' + "b" * 10_000_000 + '"\n')
    size = _role(mini).stat().st_size
    done = validation("mini", (), "json")
    assert done.code == 1
    (problem,) = json.loads(done.out)["diagnostics"]
    assert problem["message"] == f"this file is too big ({size:,} bytes); a file of content may be at most 8 MB"


def test_an_internal_failure_is_one_line_and_exit_3(mini, monkeypatch):
    def broken(*_):
        raise RuntimeError("a bug\nwith \x1b[31m two lines")

    monkeypatch.setattr(validate, "read_scenario", broken)
    text, as_json = validation("mini", (), "text"), validation("mini", (), "json")
    line = (
        "bigshire: internal error while validating (RuntimeError: a bug with \\x1b[31m two lines); "
        "please report it with the scenario folder\n"
    )
    assert (text.code, text.out, text.err) == (3, "", line)
    assert (as_json.code, as_json.err) == (3, line)
    assert json.loads(as_json.out) == {
        "ok": False,
        "errors": 0,
        "warnings": 0,
        "diagnostics": [],
        "failure": {"kind": "internal", "message": line.rstrip("\n")},
    }


def test_a_missing_folder_is_exit_2_and_still_json(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    done = validation("no_such_folder", (), "json")
    assert done.code == 2
    failure = json.loads(done.out)["failure"]
    assert failure["kind"] == "usage"
    assert failure["message"].startswith("bigshire: no such folder: no_such_folder, nor an installed scenario")


def _run(*args: str, code: str = "") -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "bigshire_game", *args]
    return subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=60, check=False)


def test_exit_codes_of_the_real_command(mini):
    _replace(_role(mini)).symlink_to("/dev/zero")
    os.chdir(mini.parent)
    hostile = _run("validate", "mini", "--format", "json")
    assert hostile.returncode == 1, hostile.stderr
    assert json.loads(hostile.stdout)["diagnostics"][0]["message"].startswith("this is a link to a device")
    mistyped = _run("validate", "mini", "--formt", "json")
    assert mistyped.returncode == 2 and mistyped.stdout == ""
    assert mistyped.stderr.splitlines()[-1] == "bigshire: unrecognized arguments: --formt json"
    internal = _run(
        code=(
            "import sys; import bigshire_game.content.validate as v\n"
            "def boom(*_): raise MemoryError()\n"
            "v.read_scenario = boom\n"
            "from bigshire_game.cli import main\n"
            "sys.exit(main(['validate', 'mini', '--format', 'json']))\n"
        )
    )
    assert internal.returncode == 3
    assert json.loads(internal.stdout)["failure"]["kind"] == "internal"
    assert internal.stderr.count("\n") == 1 and "Traceback" not in internal.stderr


def test_a_near_miss_is_found_among_thousands_of_cards_without_comparing_with_each():
    """Past a few hundred choices suggestions come from an index of near misses, so a deck of 5,000 cards
    with a broken reference on each is not 25 million comparisons; the hints stay the ones difflib gives."""
    from bigshire_game.content.diagnostics import suggest

    cards = {f"gen_{i}" for i in range(5000)} | {"winter_pressure", "flu_outbreak"}
    assert suggest("genx_5", cards) == ' Did you mean "gen_5"?'
    assert suggest("winter_presure", cards) == ' Did you mean "winter_pressure"?'
    assert suggest("Flu_outbreak", cards) == ' Did you mean "flu_outbreak"?'
    assert suggest("something_else_entirely", cards) == ""
    few = {"winter_pressure", "flu_outbreak", "gen_5"}
    for typo in ("genx_5", "winter_presure", "flu_outbraek", "Flu_outbreak"):
        assert suggest(typo, few) == suggest(typo, cards)
