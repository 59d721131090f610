"""Remembered views of the state give the same answers as working them out afresh.

The rules remember a few derived views (contracts by pair, open requests, the
month's projection) against the identity of the state's parts. These tests walk
seeded games and, at every decision, compare each remembered view with a fresh
computation, so a view that missed a change would show up here.
"""

from __future__ import annotations

import pytest

from bigshire_game.rules import dialogue, economy
from bigshire_game.state.memo import last_seen, per_state
from walk import SCENARIO, decisions


@pytest.mark.parametrize("seed", range(3))
def test_remembered_views_match_fresh_ones(seed: int) -> None:
    for state, role in decisions(seed, moves_per_turn=4):
        month = state.month_index
        income, spend, _, _ = economy._flows(state, SCENARIO, month)
        assert economy.projected_result(state, SCENARIO, role, month) == income[role] - spend[role]
        assert dialogue.open_requests(state) == tuple(r for r in state.requests.values() if r.status == "open")
        pairs: dict[tuple[str, ...], list] = {}
        for a in sorted(state.agreements.values(), key=lambda a: a.starts):
            if a.is_contract:
                pairs.setdefault(a.parties, []).append(a)
        assert economy.contracts_between(state.agreements) == pairs


def test_last_seen_recomputes_for_a_new_part_even_if_equal() -> None:
    calls = []

    @last_seen
    def size(part: dict) -> int:
        calls.append(part)
        return len(part)

    first, second = {"a": 1}, {"a": 1}
    assert size(first) == size(first) == 1 and len(calls) == 1
    assert size(second) == 1 and len(calls) == 2  # a different object, even an equal one, is worked out again


def test_per_state_remembers_by_position_and_question() -> None:
    calls = []

    @per_state
    def asked(state: object, scenario: object, role: str) -> int:
        calls.append((state, role))
        return len(calls)

    state, scenario = object(), object()
    assert asked(state, scenario, "a") == asked(state, scenario, "a") == 1
    assert asked(state, scenario, "b") == 2  # another question of the same position
    assert asked(object(), scenario, "a") == 3  # a new position is worked out afresh
    assert asked(state, object(), "a") == 4  # and so is the same position under other content
