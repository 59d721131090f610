"""Whole seeded games played through the public API, with the game's invariants checked at every step.

Each game mixes the bot's choice with uniformly random legal moves (a seeded
`random.Random` decides which, move by move), caps a turn at a few moves, and
checks after every `apply` and every `advance`: money is conserved, no figure
leaves its range, every change of state has an event, every event is of a known
kind and TOML-safe, every legal move is accepted, and a move out of turn is
refused without touching the state. Every tenth game is replayed from its seed
and move log and must end in an equal state with equal events.

Most games are four turns long (the opening months, where the contracts and
the bots' choices are busiest); every twentieth plays the whole year.
"""

from __future__ import annotations

import copy
import random

import pytest
import tomli_w

from bigshire_game import bots
from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.engine import (
    Event,
    GameState,
    Move,
    Rejection,
    advance,
    apply,
    legal_moves,
    new_game,
    run_until_input,
)
from bigshire_game.vocabulary.catalogue import EVENT_KINDS
from bigshire_game.vocabulary.moves import EndTurn

GAMES = 200
SHORT_TURNS = 4
FULL_YEAR_EVERY = 20  # seeds 0, 20, 40, ... play all twelve turns
REPLAY_EVERY = 10
MOVES_PER_TURN = 6
BOT_SHARE = 0.5  # chance that a move is the bot's choice rather than a random legal move
STATUSES = frozenset({"proposed", "agreed", "under_review", "signed", "ended", "lapsed", "rejected", "blocked"})

SCENARIO = load_scenario(builtin_scenario_dir())
OPENING_MONEY = sum(role.finance.opening_balance for role in SCENARIO.roles.values())


def check_state(state: GameState, where: str) -> None:
    """The invariants every state must keep, whatever was played."""
    money = sum(org.balance for org in state.orgs.values())
    assert money == OPENING_MONEY + state.external_net, (
        f"{where}: money not conserved: organisations hold {money}, "
        f"opening {OPENING_MONEY} + external {state.external_net} = {OPENING_MONEY + state.external_net}"
    )
    for rid, org in state.orgs.items():
        assert 0 <= org.quality <= 100, f"{where}: {rid} quality {org.quality}"
        assert org.action_points >= 0, f"{where}: {rid} action points {org.action_points}"
    for pair, trust in state.trust.items():
        assert 0 <= trust <= 100, f"{where}: trust {pair} = {trust}"
    for key, step in state.ladders.items():
        ladder, _, subject = key.partition("|")
        assert ladder in SCENARIO.ladders and subject in state.orgs, f"{where}: unknown ladder key {key}"
        assert 0 <= step <= len(SCENARIO.ladders[ladder].steps), f"{where}: {key} at step {step}"
    for aid, agreement in state.agreements.items():
        assert agreement.status in STATUSES, f"{where}: {aid} has status {agreement.status!r}"
        if agreement.status == "signed":
            assert agreement.ends >= agreement.starts, (
                f"{where}: {aid} signed but ends {agreement.ends} < starts {agreement.starts}"
            )
    if state.actor is not None:
        assert state.actor in state.orgs, f"{where}: actor {state.actor} is not an organisation"


def check_step(before: GameState, after: GameState, events: list[Event], where: str) -> None:
    """One step's invariants: the state's own, an event for any change, and well-formed events."""
    check_state(after, where)
    if after != before:
        assert events, f"{where}: the state changed but no event says so"
    for e in events:
        assert e.kind in EVENT_KINDS, f"{where}: unknown event kind {e.kind}"
        try:
            tomli_w.dumps({"d": e.data})
        except (TypeError, ValueError) as exc:  # pragma: no cover - the message is the point
            pytest.fail(f"{where}: {e.kind} data is not TOML-safe ({exc}): {e.data!r}")


def step_until_input(state: GameState, log: list[Event], where: str) -> GameState:
    """`run_until_input`, one `advance` at a time so that each step is checked."""
    for _ in range(1000):
        if state.finished or state.actor:
            return state
        before = state
        state, events = advance(state, SCENARIO)
        check_step(before, state, events, f"{where} advance")
        log += events
    pytest.fail(f"{where}: the phases never reached a turn")


def apply_checked(state: GameState, move: Move, log: list[Event], where: str) -> GameState:
    outcome = apply(state, SCENARIO, move)
    assert not isinstance(outcome, Rejection), f"{where}: legal move {move!r} refused: {outcome.code}: {outcome.reason}"
    after, events = outcome
    check_step(state, after, events, f"{where} {move.name}")
    log += events
    return after


def check_out_of_turn_refused(state: GameState, rng: random.Random, where: str) -> None:
    """A move by an organisation that is not in the chair is refused and leaves the state as it was."""
    other = rng.choice([rid for rid in state.orgs if rid != state.actor])
    before = copy.deepcopy(state)
    outcome = apply(state, SCENARIO, EndTurn(actor=other))
    assert isinstance(outcome, Rejection) and outcome.code == "not_your_turn", f"{where}: {other} moved out of turn"
    assert state == before


def turns_for(seed: int) -> int:
    return len(SCENARIO.turns) if seed % FULL_YEAR_EVERY == 0 else SHORT_TURNS


def play_game(seed: int, turns: int) -> tuple[GameState, list[Move], list[Event]]:
    """Play `turns` turns of a seeded game; returns the final state, every move made and every event."""
    rng = random.Random(seed)
    log: list[Event] = []
    moves: list[Move] = []
    state = new_game(SCENARIO, seed)
    check_state(state, f"seed {seed} new_game")
    state = step_until_input(state, log, f"seed {seed} start")
    while not state.finished and state.turn < turns:
        role = state.actor
        where = f"seed {seed} turn {state.turn} {role}"
        if rng.random() < 0.1:
            check_out_of_turn_refused(state, rng, where)
        for _ in range(MOVES_PER_TURN):
            legal = legal_moves(state, SCENARIO, role)
            assert legal and isinstance(legal[-1], EndTurn), f"{where}: no way to end the turn"
            assert all(m.actor == role for m in legal), f"{where}: a legal move for someone else"
            move = bots.choose(state, SCENARIO, role, legal) if rng.random() < BOT_SHARE else rng.choice(legal)
            if isinstance(move, EndTurn):
                break
            state = apply_checked(state, move, log, where)
            moves.append(move)
        end = EndTurn(actor=role)
        state = apply_checked(state, end, log, where)
        moves.append(end)
        state = step_until_input(state, log, where)
    return state, moves, log


def replay(seed: int, moves: list[Move]) -> tuple[GameState, list[Event]]:
    """The same moves from the same seed, with `run_until_input` between them."""
    state = new_game(SCENARIO, seed)
    log: list[Event] = []
    for number, move in enumerate(moves, start=1):
        state, events = run_until_input(state, SCENARIO)
        log += events
        outcome = apply(state, SCENARIO, move)
        assert not isinstance(outcome, Rejection), (
            f"replay of seed {seed}: move {number} {move!r} refused: {outcome.reason}"
        )
        state, events = outcome
        log += events
    state, events = run_until_input(state, SCENARIO)
    return state, log + events


@pytest.mark.parametrize("seed", range(GAMES))
def test_random_game_keeps_invariants(seed: int) -> None:
    turns = turns_for(seed)
    state, moves, log = play_game(seed, turns)
    assert state.finished or state.turn == turns
    if turns == len(SCENARIO.turns):
        assert state.finished and log[-1].kind == "GameEnded"
    if seed % REPLAY_EVERY == 0:
        again, again_log = replay(seed, moves)
        assert again == state, f"seed {seed}: replaying {len(moves)} moves gave a different state"
        assert again_log == log, f"seed {seed}: replaying gave different events"


def test_games_differ_by_seed() -> None:
    """A guard on the property test itself: the seed really changes what is played."""
    first, _, _ = play_game(1, 2)
    second, _, _ = play_game(2, 2)
    assert first != second
