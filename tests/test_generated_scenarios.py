"""Any valid scenario a facilitator might write plays through every front end and reads as itself.

Scenarios grown at random from the small Dales scenario (tests/generated_scenarios.py: any mix of the
organisation kinds, two to six months from any start, deadlines or none, invented names and kind labels)
are validated, simulated whole and saved, debriefed from the save in both formats and swept over two games;
two fixed ones are also played for a turn at the terminal. Nothing may raise, and no output may name a
shipped scenario or its organisations, nor use the catalogue's word for a kind the scenario lacks or renames.
"""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import Phase, given, settings

from bigshire_game.cli import main
from bigshire_game.content import installed_scenarios, load_scenario
from bigshire_game.content.labels import DEFAULT_LABELS
from generated_scenarios import Shape, shapes, write_scenario
from tui_support import first_turn


def _shipped_names() -> set[str]:
    words: set[str] = set()
    for root in installed_scenarios().values():
        scenario = load_scenario(root)
        words.add(scenario.name)
        for role in scenario.roles.values():
            words |= {role.name, role.short_name}
    return words


SHIPPED_NAMES = _shipped_names()
BIGSHIRE_WORDS = {"county norm", "top-slice", "the year", "year end", "year-end", "2013", "2014"}
"""Bigshire's own phrases and calendar, which a generated scenario (calling its span nothing, from 2015) never has."""


def foreign_words(shape: Shape) -> set[str]:
    """Bigshire's phrases, and the catalogue's words for the kinds the generated scenario lacks or relabels."""
    words = set(BIGSHIRE_WORDS)
    for kind, label in DEFAULT_LABELS.items():
        if kind not in shape.kinds or kind in shape.labels:
            words |= {label.singular, label.plural}
    return words


def _says(text: str, word: str, case: bool) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, 0 if case else re.IGNORECASE) is not None


def assert_nothing_foreign(shape: Shape, where: str, text: str, labels: bool = True) -> None:
    """No shipped scenario's names (as written: `bigshire` the command may be quoted), and in what people read
    (not a save, which holds kinds by id and seeds that may read 2014) no foreign word."""
    found = {w for w in SHIPPED_NAMES if _says(text, w, True)}
    found |= {w for w in foreign_words(shape) if _says(text, w, False)} if labels else set()
    assert not found, f"{where} names {sorted(found)}: " + "; ".join(
        line.strip() for line in text.splitlines() if any(w.lower() in line.lower() for w in found)
    )


def run_cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(list(args))
    assert "Traceback" not in out.getvalue()
    return code, out.getvalue()


def play_everything(shape: Shape, home: Path) -> None:
    """Validate, simulate and save, debrief the save as markdown and as text, and sweep two games."""
    folder = str(write_scenario(shape, home / "scenario"))
    with contextlib.chdir(home):
        code, out = run_cli("validate", folder)
        assert code == 0 and out.rstrip().endswith("0 errors, 0 warnings"), out
        outputs = [("validate", out)]
        code, out = run_cli("simulate", "--scenario", folder, "--seed", "5", "--save", "whole")
        assert code == 0, out
        outputs.append(("simulate", out))
        assert_nothing_foreign(shape, "the save", (home / "saves" / "whole.toml").read_text(encoding="utf-8"), False)
        for form in ("markdown", "text"):
            code, out = run_cli("debrief", "whole", "--format", form)
            assert code == 0 and "Debrief: " in out, out
            outputs.append((f"the {form} debrief", out))
        code, out = run_cli("simulate", "--scenario", folder, "--games", "2", "--jobs", "1")
        assert code == 0, out
        outputs.append(("the sweep", out))
    for where, text in outputs:
        assert_nothing_foreign(shape, where, text)


@settings(max_examples=30, deadline=None, derandomize=True, database=None, phases=[Phase.generate])
@given(shapes())
def test_a_generated_scenario_validates_simulates_debriefs_and_sweeps(shape):
    with tempfile.TemporaryDirectory() as home:
        play_everything(shape, Path(home))


SMALLEST = Shape(
    places=("Corby", "Elmford", "Fenley", "Garstow", "Holmere", "Kelton", "Linwick", "Norworth"),
    second_group=False,
    private=False,
    regulator=False,
    second_provider=None,
    overseer=None,
    start=(2031, 11),
    months=2,
    plan_deadline=None,
    contract_deadline=None,
    labels={"acute": ("fenby house", "fenby houses")},
    minutes=(1, 2, 3, 4, 5),
    cards=((1, 0, 2),),
)
FULLEST = Shape(
    places=("Torcombe", "Ashby", "Brackham", "Dunstow", "Morley", "Penford", "Rosmere", "Ulton"),
    second_group=True,
    private=True,
    regulator=True,
    second_provider="community",
    overseer="cqc",
    start=(2027, 9),
    months=6,
    plan_deadline=2,
    contract_deadline=4,
    labels={"consortium": ("care circle", "care circles"), "cqc": ("ward watch", "ward watches")},
    minutes=(2, 7, 6, 5, 1),
    cards=((0, 1, 1), (3, 2, 3), (5, 0, 2)),
)


@pytest.mark.parametrize("shape", [SMALLEST, FULLEST], ids=["smallest", "fullest"])
def test_a_generated_scenario_plays_a_turn_at_the_terminal(shape, tmp_path):
    play_everything(shape, tmp_path)
    scenario = load_scenario(tmp_path / "scenario")
    app, texts, moves = first_turn(scenario, tmp_path / "scenario", tmp_path / "saves")
    assert moves, "the game was open and held the turn's moves"
    assert app.title == scenario.name
    autosaves = list((tmp_path / "saves" / "autosave").glob("*/latest.toml"))
    assert autosaves
    assert_nothing_foreign(shape, "the autosave", autosaves[0].read_text(encoding="utf-8"), False)
    for where, text in texts:
        assert_nothing_foreign(shape, where, text)
