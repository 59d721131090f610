"""The engine's own `evolve`: the same values as `attrs.evolve`, made faster by copying a state's fields at once."""

from __future__ import annotations

import attrs
import pytest

from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.engine import new_game
from bigshire_game.state import Org, evolve
from bigshire_game.vocabulary.moves import EndTurn

SCENARIO = load_scenario(builtin_scenario_dir())


def test_evolve_gives_what_attrs_gives_and_leaves_the_original_alone():
    state = new_game(SCENARIO, 5)
    org = state.orgs["united_hospitals"]
    changed = evolve(org, balance=org.balance - 100, decisions=("cut_beds",))
    assert changed == attrs.evolve(org, balance=org.balance - 100, decisions=("cut_beds",))
    assert (org.balance, org.decisions) == (state.orgs["united_hospitals"].balance, ())
    assert evolve(state, turn=3) == attrs.evolve(state, turn=3) and state.turn == 0
    assert evolve(state) == state and evolve(state) is not state


def test_evolve_refuses_a_name_that_is_not_a_field():
    org = new_game(SCENARIO, 5).orgs["united_hospitals"]
    with pytest.raises(TypeError, match="no field called ballance"):
        evolve(org, ballance=3)


def test_state_values_stay_frozen():
    org: Org = new_game(SCENARIO, 5).orgs["united_hospitals"]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        org.balance = 0  # type: ignore[misc]


def test_other_attrs_values_go_to_attrs():
    move = EndTurn(actor="nhscb")
    assert evolve(move, actor="cqc") == EndTurn(actor="cqc")
