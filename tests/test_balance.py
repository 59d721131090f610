"""The [balance] table of scenario.toml: optional, today's numbers by default, and read by the rules."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
from attrs import evolve

from bigshire_game.content import read_scenario
from bigshire_game.content.model import Balance
from bigshire_game.rules import regulation


def test_a_scenario_without_balance_loads_the_shipped_numbers_with_no_new_warning(scenario_copy):
    root = scenario_copy()
    path = root / "content" / "scenario.toml"
    text = path.read_text(encoding="utf-8")
    without = re.sub(r"\n(#[^\n]*\n)*\[balance\]\n(?:[^\[][^\n]*\n|\n)*?(?=\n*\[)", "\n", text, count=1)
    assert "[balance]" in text and "[balance]" not in without
    path.write_text(without, encoding="utf-8")
    loaded, diagnostics = read_scenario(root)
    assert diagnostics == []
    assert loaded.balance == Balance()


def test_the_shipped_content_writes_every_number_at_its_default(scenario):
    assert scenario.balance == Balance()
    text = (Path(scenario.root) / "content" / "scenario.toml").read_text(encoding="utf-8")
    for name in attrs.fields_dict(Balance):
        assert re.search(rf"^{name} = ", text, re.M), f"{name} is missing from the shipped [balance]"


def test_the_rules_read_the_numbers_from_content(scenario):
    assert regulation.inspection_rating(scenario, 70) == "requires improvement"
    tuned = evolve(scenario, info=evolve(scenario.info, balance=Balance(rating_good_from=70)))
    assert regulation.inspection_rating(tuned, 70) == "good"
