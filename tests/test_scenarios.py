"""Every shipped scenario plays through every front end, and nothing of another scenario shows in it.

Each scenario is validated, simulated whole and saved, debriefed from its save (found again by name),
swept over three games and played for a turn at the terminal; every text that comes out is searched for
the names of the other shipped scenarios and of their organisations.
"""

from __future__ import annotations

import asyncio
import re

import pytest

from bigshire_game.cli import main
from bigshire_game.content import installed_scenarios, load_scenario
from bigshire_game.content.layout import SCENARIO_FILE
from bigshire_game.tui.app import BigshireApp
from bigshire_game.tui.launch import Launch
from tui_support import SIZE, first_turn, screen_text

SHIPPED = installed_scenarios()
SCENARIOS = {name: load_scenario(root) for name, root in SHIPPED.items()}


def foreign_names(name: str) -> set[str]:
    """What must never appear in this scenario's outputs: the other scenarios' names and their organisations'."""
    words: set[str] = set()
    for other, scenario in SCENARIOS.items():
        if other != name:
            words.add(scenario.name)
            for role in scenario.roles.values():
                words |= {role.name, role.short_name}
    own = SCENARIOS[name]
    return words - {own.name} - {r.name for r in own.roles.values()} - {r.short_name for r in own.roles.values()}


def assert_nothing_foreign(name: str, where: str, text: str) -> None:
    found = sorted(w for w in foreign_names(name) if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text))
    assert not found, f"{where} of {name} names {found}: " + "; ".join(
        line.strip() for line in text.splitlines() if any(w in line for w in found)
    )


def run_cli(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err


def test_the_taster_ships_beside_the_builtin_scenario():
    assert len(SHIPPED) >= 2
    taster = SCENARIOS["wrenmoor"]
    assert 4 <= len(taster.months) <= 6
    assert 6 <= len(taster.roles) <= 8
    kinds = {r.kind for r in taster.roles.values()}
    builtin_kinds = {r.kind for r in next(iter(SCENARIOS.values())).roles.values()}
    assert kinds < builtin_kinds  # a different subset of the organisation kinds


@pytest.mark.parametrize("name", list(SHIPPED))
def test_a_shipped_scenario_validates_simulates_debriefs_and_sweeps(name, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out = run_cli(capsys, "validate", "--scenario", name)
    assert code == 0 and out.rstrip().endswith("0 errors, 0 warnings"), out
    assert_nothing_foreign(name, "validate", out)

    code, out = run_cli(capsys, "simulate", "--scenario", name, "--seed", "2", "--save", "whole")
    assert code == 0, out
    assert_nothing_foreign(name, "simulate", out)
    save = (tmp_path / "saves" / "whole.toml").read_text(encoding="utf-8")
    assert f'scenario = "{SCENARIOS[name].id}"' in save
    assert SCENARIOS[name].title in save.splitlines()[0]
    assert_nothing_foreign(name, "the save", save)

    code, out = run_cli(capsys, "debrief", "whole")  # no --scenario: the save finds its own by name
    assert code == 0, out
    assert out.startswith(f"# Debrief: {SCENARIOS[name].title}")
    assert_nothing_foreign(name, "debrief", out)

    code, out = run_cli(capsys, "simulate", "--scenario", name, "--games", "3", "--jobs", "1")
    assert code == 0, out
    assert_nothing_foreign(name, "sweep", out)


@pytest.mark.parametrize("name", list(SHIPPED))
def test_a_shipped_scenario_plays_a_turn_at_the_terminal(name, tmp_path):
    scenario = SCENARIOS[name]
    app, texts, moves = first_turn(scenario, SHIPPED[name], tmp_path / "saves")
    assert moves, "the game was open and held the turn's moves"
    assert app.title == scenario.name
    for where, text in texts:
        assert_nothing_foreign(name, where, text)
    autosaves = list((tmp_path / "saves" / "autosave").glob("*/latest.toml"))
    assert autosaves
    assert_nothing_foreign(name, "the autosave", autosaves[0].read_text(encoding="utf-8"))


def test_a_save_played_from_a_folder_is_found_there_again_or_asks_for_it(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "my_winter"
    for part in ("content", "roles", "decks"):
        (folder / part).mkdir(parents=True)
        for file in (SHIPPED["wrenmoor"] / part).glob("*.toml"):
            (folder / part / file.name).write_bytes(file.read_bytes())
    text = (folder / SCENARIO_FILE).read_text(encoding="utf-8")
    (folder / SCENARIO_FILE).write_text(text.replace('id = "wrenmoor"', 'id = "my_winter"'), encoding="utf-8")

    code, _ = run_cli(capsys, "simulate", "--scenario", str(folder), "--months", "1", "--save", "mine")
    assert code == 0
    assert f'scenario_folder = "{folder}"' in (tmp_path / "saves" / "mine.toml").read_text(encoding="utf-8")
    code, out = run_cli(capsys, "debrief", "mine")
    assert code == 0 and out.startswith("# Debrief: Wrenmoor")

    folder.rename(tmp_path / "moved")
    code, out = run_cli(capsys, "debrief", "mine")
    assert code == 1
    assert 'played with the scenario "my_winter"' in out and "give its folder with --scenario DIR" in out
    code, out = run_cli(capsys, "debrief", "mine", "--scenario", "moved")
    assert code == 0


def test_scenarios_lists_the_installed_ones(capsys):
    code, out = run_cli(capsys, "scenarios")
    assert code == 0
    for name, scenario in SCENARIOS.items():
        row = next(line for line in out.splitlines() if line.startswith(f"{name} "))
        assert scenario.title in row and f" {len(scenario.roles)}" in row


def test_an_unknown_scenario_name_lists_the_installed_ones(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out = run_cli(capsys, "simulate", "--scenario", "atlantis")
    assert code == 1
    assert "no such folder: atlantis, nor an installed scenario" in out and "wrenmoor" in out


def test_new_scenario_writes_one_that_validates_with_its_schemas_beside_it(tmp_path, capsys):
    target = tmp_path / "Harbour Town"
    code, out = run_cli(capsys, "new-scenario", str(target))
    assert code == 0, out
    code, out = run_cli(capsys, "validate", str(target))
    assert code == 0 and out.rstrip().endswith("0 errors, 0 warnings"), out
    assert 'id = "harbour_town"' in (target / SCENARIO_FILE).read_text(encoding="utf-8")
    for toml in target.rglob("*.toml"):
        schema_line = toml.read_text(encoding="utf-8").splitlines()[0]
        assert schema_line.startswith("#:schema ")
        assert (toml.parent / schema_line.removeprefix("#:schema ")).resolve().is_file(), toml
    code, out = run_cli(capsys, "new-scenario", str(target))
    assert code == 1 and "already exists" in out


def test_the_title_screen_chooses_the_scenario_of_a_new_game(tmp_path):
    app = BigshireApp(Launch(saves_dir=tmp_path / "saves"), clock=lambda: 0.0, cursor_blink=False)
    seen: dict[str, str] = {}

    async def choose() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("s")
            await pilot.pause()
            names = list(SHIPPED)
            await pilot.press(*["down"] * (names.index("wrenmoor") - 0), "enter")
            await pilot.pause()
            seen["title"] = screen_text(app)
            await pilot.press("n")
            await pilot.pause()
            seen["setup"] = screen_text(app)

    asyncio.run(choose())
    assert "W R E N M O O R" in seen["title"] and "Scenario: Wrenmoor" in seen["title"]
    assert "Kestrel Bay" in seen["setup"]
    assert app.title == "Wrenmoor"
    assert_nothing_foreign("wrenmoor", "the setup screen", seen["setup"])
