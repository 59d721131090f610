"""A game that autosaves after every move, for the crash test to kill at random moments.

Every seat is taken by "people" whose moves the bots choose, so each move goes
through `Session.play` (and the autosave) one at a time. Run as a script it
prints "ready", then the number of moves made after each move, flushed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from bigshire_game import bots
from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.engine.moves import EndTurn
from bigshire_game.session import Session

MOVES_PER_TURN = 6


def new_session(seed: int, on_change=None) -> Session:
    scenario = load_scenario(builtin_scenario_dir())
    return Session(scenario, seed, {rid: "table" for rid in scenario.roles}, on_change=on_change)


def play(session: Session, after_move: Callable[[int], None] = lambda n: None, limit: int | None = None) -> None:
    session.run()
    while not session.state.finished and (limit is None or len(session.moves) < limit):
        role = session.actor
        move = bots.choose(session.state, session.scenario, role, session.legal())
        if len(session.moves_this_turn()) >= MOVES_PER_TURN:
            move = EndTurn(actor=role)
        outcome = session.play(move)
        if not isinstance(outcome, list):
            raise SystemExit(f"a bot's move was refused: {outcome.reason}")
        after_move(len(session.moves))


if __name__ == "__main__":
    from bigshire_game.saves import Autosaver

    folder, seed = sys.argv[1], int(sys.argv[2])
    session = new_session(seed, Autosaver(folder))
    print("ready", flush=True)
    play(session, lambda n: print(n, flush=True))
    print("done", flush=True)
