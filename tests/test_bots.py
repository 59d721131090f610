"""The bots' shortcut: a bot works out only the moves it could possibly choose.

`bots.candidates` narrows `legal_moves` to the kinds of move (and the
proposals) whose best score can beat the bar. These tests walk seeded games,
half bot and half random legal moves so that unusual positions come up, and at
every decision check that the narrowed list is part of the full one and that
nothing left out could have been chosen from the full list.
"""

from __future__ import annotations

import random

import pytest

from bigshire_game import bots
from bigshire_game.content.model import BotSettings
from bigshire_game.engine import legal_moves
from bigshire_game.vocabulary.moves import EndTurn
from walk import SCENARIO, decisions

BAR = (
    BotSettings().threshold - 1
)  # every shipped role keeps the default threshold; tie-breaking adds less than 1, so a move scoring at most this can never be chosen


@pytest.mark.parametrize("seed", range(4))
def test_a_bot_leaves_out_only_moves_it_could_never_choose(seed: int) -> None:
    checked = 0
    for state, role in decisions(seed):
        full = legal_moves(state, SCENARIO, role)
        narrowed = bots.candidates(state, SCENARIO, role)
        assert set(narrowed) <= set(full), f"seed {seed}: {role} considered a move that is not legal"
        assert isinstance(narrowed[-1], EndTurn)
        forecast = bots._forecast(state, SCENARIO, role)
        left_out = set(full) - set(narrowed)
        for move in left_out:
            value = bots.score(state, SCENARIO, role, move, forecast, jitter=0.0)
            assert value <= BAR, f"seed {seed}, month {state.month_index}: {role} left out {move!r} scoring {value}"
        checked += 1
    assert checked > 500  # a guard on the walk itself: it reached a year's worth of decisions


def test_the_shortcut_does_leave_things_out() -> None:
    """A guard on the test above: the narrowed lists really are shorter, so the check is not vacuous."""
    full = narrowed = 0
    for state, role in decisions(7, moves_per_turn=2):
        full += len(legal_moves(state, SCENARIO, role))
        narrowed += len(bots.candidates(state, SCENARIO, role))
    assert narrowed < full / 2


@pytest.mark.parametrize("seed", range(2))
def test_legal_moves_narrowed_to_kinds_are_the_full_list_filtered(seed: int) -> None:
    rng = random.Random(seed)
    names = sorted(
        {m.name for state, role in decisions(seed, moves_per_turn=2) for m in legal_moves(state, SCENARIO, role)}
    )
    for state, role in decisions(seed + 10, moves_per_turn=3):
        kinds = frozenset(rng.sample(names, rng.randint(0, len(names))))
        full = legal_moves(state, SCENARIO, role)
        narrowed = legal_moves(state, SCENARIO, role, kinds)
        assert narrowed == [m for m in full[:-1] if m.name in kinds] + [full[-1]]
