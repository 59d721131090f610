"""Seeded walks through whole games, half bot and half random legal moves, for tests that check
something at every decision (random moves bring up positions bots alone would not reach)."""

from __future__ import annotations

import random
from collections.abc import Iterator

from bigshire_game import bots
from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.engine import GameState, Rejection, apply, legal_moves, new_game, run_until_input
from bigshire_game.vocabulary.moves import EndTurn

SCENARIO = load_scenario(builtin_scenario_dir())


def decisions(seed: int, bot_share: float = 0.5, moves_per_turn: int = 5) -> Iterator[tuple[GameState, str]]:
    """Every (state, role) at which a bot might decide, through a whole seeded year."""
    rng = random.Random(seed)
    state = new_game(SCENARIO, seed)
    while True:
        state, _ = run_until_input(state, SCENARIO)
        if state.finished:
            return
        role = state.actor
        for _ in range(moves_per_turn):
            yield state, role
            legal = legal_moves(state, SCENARIO, role)
            move = bots.choose(state, SCENARIO, role, legal) if rng.random() < bot_share else rng.choice(legal)
            if isinstance(move, EndTurn):
                break
            outcome = apply(state, SCENARIO, move)
            assert not isinstance(outcome, Rejection), outcome
            state, _ = outcome
        state, _ = apply(state, SCENARIO, EndTurn(actor=role))
