"""A table doing random things (moves, undos, interventions, checkpoints, takeovers) with autosaves, for the
property test to kill with SIGKILL. Prints the game id, then "moves entries" after each finished action."""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from test_table_properties import STEPS, new_session, step

if __name__ == "__main__":
    folder, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    session = new_session(folder, seed)
    print(session.game_id, flush=True)
    while not session.state.finished:
        what = rng.choice([s for s in STEPS if s not in ("crash", "save")])
        session = step(session, what, rng, folder)
        print(len(session.moves), len(session.table), flush=True)
