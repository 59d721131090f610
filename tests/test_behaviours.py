"""The behaviours come from the roles' motives and the rules, not from scripts: changing one kind of role's
motives in content moves how its behaviour's theme measures, over a small sweep of the same seeds."""

from __future__ import annotations

import statistics
from functools import cache

import pytest
from attrs import evolve

from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.simulate import play, themes_of

SCENARIO = load_scenario(builtin_scenario_dir())
SEEDS = (1, 2, 3)


def _with_motive(kind: str, motive: str, weight: float):
    """The built-in scenario with every role of this kind weighing the motive so."""
    roles = {
        rid: evolve(role, bot=evolve(role.bot, motives={**role.bot.motives, motive: weight}))
        if role.kind == kind
        else role
        for rid, role in SCENARIO.roles.items()
    }
    return evolve(SCENARIO, roles=roles)


@cache
def _played(seed: int):
    """A game of the built-in scenario, played once for every test that compares against it."""
    return play(SCENARIO, seed)


def _median(scenario, theme: str) -> float:
    values = [themes_of(scenario, _played(s) if scenario is SCENARIO else play(scenario, s))[theme][0] for s in SEEDS]
    return statistics.median(v for v in values if v == v)


@pytest.mark.parametrize(
    ("kind", "motive", "theme", "more_when_weighed"),
    [
        ("consortium", "prevention", "prevention_overlooked", True),  # the share of scheme money on prevention
        ("consortium", "look_to_centre", "looked_to_centre", True),  # the share of asks sent to the Board
        ("nhscb", "enforce", "few_sanctions", True),  # how many sanctions a year
    ],
    ids=["prevention", "looking_to_the_centre", "regulators"],
)
def test_a_motive_moves_its_behaviour(kind, motive, theme, more_when_weighed):
    low, high = _median(_with_motive(kind, motive, 0.0), theme), _median(_with_motive(kind, motive, 1.0), theme)
    assert (high > low) if more_when_weighed else (high < low), (low, high)


def test_private_providers_that_stop_expanding_propose_less():
    keen, idle = _with_motive("private", "expand", 1.0), _with_motive("private", "expand", 0.0)
    assert _median(idle, "private_moved_fastest") < _median(keen, "private_moved_fastest")


def test_providers_that_do_not_collaborate_propose_no_integrated_care():
    apart = _with_motive("community", "collaborate", 0.0)
    apart = evolve(
        apart,
        roles={
            rid: evolve(r, bot=evolve(r.bot, motives={**r.bot.motives, "collaborate": 0.0, "expand": 0.0}))
            if r.kind in ("community", "mental_health", "private")
            else r
            for rid, r in apart.roles.items()
        },
    )
    together = [themes_of(SCENARIO, _played(seed))["integrated_care_reviewed"][0] for seed in range(1, 7)]
    alone = [themes_of(apart, play(apart, seed))["integrated_care_reviewed"][0] for seed in range(1, 7)]
    assert sum(alone) < sum(together) and sum(alone) == 0


def test_commissioners_who_come_to_strangers_meetings_hear_the_wellbeing_board():
    """The board is marginalised because busy commissioners go only to hosts they trust: with the default
    readiness to attend, fewer of its meetings go ahead short of half of those invited."""
    open_door = evolve(
        SCENARIO,
        roles={
            rid: evolve(r, bot=evolve(r.bot, attend_trust=40)) if r.kind == "consortium" else r
            for rid, r in SCENARIO.roles.items()
        },
    )
    assert _median(open_door, "wellbeing_board_unheard") < _median(SCENARIO, "wellbeing_board_unheard")
