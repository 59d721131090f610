"""Rough timings for the engine; not a test, and nothing asserts on them.

    python scripts/bench_engine.py [--games 10] [--sweep 100] [--jobs 2]

(a) a full year with every organisation a bot, one core (median over --games seeds);
(b) the same games' moves replayed without bots: the rules and the flow alone, the floor
    under (a) however quickly bots decide;
(c) a sweep of --sweep games on --jobs processes, as `bigshire simulate --games` runs it.
"""

from __future__ import annotations

import argparse
import statistics
import time

from bigshire_game import simulate
from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.engine import apply, new_game, run_until_input


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=10)
    parser.add_argument("--sweep", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    scenario = load_scenario(builtin_scenario_dir())

    times, moves, events, games = [], [], [], []
    for seed in range(args.games):
        start = time.perf_counter()
        game = simulate.play(scenario, seed)
        times.append(time.perf_counter() - start)
        moves.append(len(game.moves))
        events.append(len(game.events))
        games.append(game)
    median = statistics.median(times)
    print(
        f"full year, all bots, one core: median {median * 1000:.0f} ms per game "
        f"({1 / median:.1f} games/s; {statistics.median(moves):.0f} moves, {statistics.median(events):.0f} events)"
    )

    floor = []
    for game in games:
        start = time.perf_counter()
        state = new_game(scenario, game.state.seed)
        for move in game.moves:
            state, _ = run_until_input(state, scenario)
            state, _ = apply(state, scenario, move)
        run_until_input(state, scenario)
        floor.append(time.perf_counter() - start)
    print(f"the same moves replayed without bots: median {statistics.median(floor) * 1000:.0f} ms per game")

    start = time.perf_counter()
    simulate.sweep(scenario, list(range(args.sweep)), args.jobs)
    elapsed = time.perf_counter() - start
    print(f"sweep of {args.sweep} games on {args.jobs} processes: {elapsed:.1f} s ({args.sweep / elapsed:.1f} games/s)")


if __name__ == "__main__":
    main()
