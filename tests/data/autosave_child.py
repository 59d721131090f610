"""A game that autosaves after every move, for the crash test to kill at random moments.

Every seat is taken by "people" whose moves the bots choose, so each move goes
through `Session.play` (and the autosave) one at a time. Run as a script

    python autosave_child.py AUTOSAVE_FOLDER SEED [NAME [MOVES [SEAT]]]

it prints "ready GAME_ID", then the number of moves made after each move,
flushed, and "done" when it has made MOVES moves (or the game is over); then it
waits for a line on stdin before it ends, holding the game's lock meanwhile.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from bigshire_game import bots
from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.session import Session
from bigshire_game.vocabulary.moves import EndTurn

MOVES_PER_TURN = 6


def new_session(seed: int, on_change=None, name: str = "", seat: str = "table") -> Session:
    scenario = load_scenario(builtin_scenario_dir())
    return Session(scenario, seed, {rid: seat for rid in scenario.roles}, on_change=on_change, name=name)


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
    name = sys.argv[3] if len(sys.argv) > 3 else ""
    limit = int(sys.argv[4]) if len(sys.argv) > 4 else None
    seat = sys.argv[5] if len(sys.argv) > 5 else "table"
    autosaver = Autosaver(folder)
    session = new_session(seed, autosaver, name, seat)
    print("ready", session.game_id, flush=True)
    play(session, lambda n: print(n, flush=True), limit)
    print("done", flush=True)
    if limit is not None:
        sys.stdin.readline()
    autosaver.close()
