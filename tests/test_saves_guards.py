"""Saves get the content's guards: a file that is not an ordinary file, is too big, nests too deeply, holds
numbers no game makes or escape sequences is refused with one `file:line: reason` line (escaped, golden
files beside this test), and no file in the folder is touched. Listing a folder full of such files neither
hangs nor fails.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.saves import SaveError, list_games, list_saves, load_record
from bigshire_game.saves.read import MAX_SAVE_BYTES

WHOLE_SAVE = Path(__file__).parent / "__snapshots__" / "test_goldens" / "test_golden_save[four_months_seed8].toml"


def listing(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def _after_header(header: str, line: str) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        text = WHOLE_SAVE.read_text(encoding="utf-8")
        path.write_text(text.replace(f"\n{header}\n", f"\n{header}\n{line}\n", 1), encoding="utf-8")

    return damage


def _too_big(path: Path) -> None:
    path.write_bytes(WHOLE_SAVE.read_bytes())
    os.truncate(path, MAX_SAVE_BYTES + 1)


DAMAGE: dict[str, Callable[[Path], None]] = {
    "link_to_dev_zero": lambda path: path.symlink_to("/dev/zero"),
    "named_pipe": os.mkfifo,
    "folder": lambda path: path.mkdir(),
    "too_big": _too_big,
    "nested_past_the_interpreter_limit": _after_header("[save]", "x = " + "[" * 5000 + "]" * 5000),
    "nested_too_deeply": _after_header("[save]", "x = " + "[" * 40 + "]" * 40),
    "number_of_4301_digits": _after_header("[save]", "x = " + "7" * 4301),
    "seed_beyond_64_bits": lambda path: path.write_text(
        WHOLE_SAVE.read_text(encoding="utf-8").replace("\nseed = 8\n", "\nseed = 18446744073709551616\n", 1)
    ),
    "nan": _after_header("[save]", "x = nan"),
    "escape_in_a_seat": _after_header("[seats]", '"\\u001b[2J\\u2028" = "Ann"'),
}


@pytest.mark.parametrize("name", sorted(DAMAGE))
def test_a_hostile_save_is_refused_and_nothing_is_touched(name, tmp_path, monkeypatch, text_snapshot):
    folder = tmp_path / "saves"
    folder.mkdir()
    (folder / "neighbour.toml").write_text("# another group's game\n")
    monkeypatch.chdir(folder)
    DAMAGE[name](folder / "hostile.toml")
    before = listing(folder)
    scenario = load_scenario(builtin_scenario_dir())
    with pytest.raises(SaveError) as caught:
        load_record("hostile.toml", scenario, saves_dir=folder)
    assert listing(folder) == before
    message = str(caught.value)
    assert message.isprintable() and len(message) < 600, message
    assert message.startswith("hostile.toml:")
    assert message + "\n" == text_snapshot


def test_a_folder_of_hostile_saves_is_listed_without_them(tmp_path):
    folder = tmp_path / "saves"
    (folder / "autosave" / "g1").mkdir(parents=True)
    for name, damage in DAMAGE.items():
        damage(folder / f"{name}.toml")
    (folder / "autosave" / "g1" / "latest.toml").symlink_to("/dev/zero")
    assert list_games(folder) == []
    assert [p.name for p in list_saves(folder)] == sorted(
        f"{name}.toml" for name in DAMAGE if name not in ("link_to_dev_zero", "named_pipe", "folder")
    )
