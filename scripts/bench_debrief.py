"""Timings for the debrief of a whole 13-month game; not a test, and nothing asserts on them.

    python scripts/bench_debrief.py [--seed 1] [--repeat 15]

Building is `build_debrief` (every event told, gathered, measured); rendering is
`to_markdown` or `to_text`; "from a save's log" adds the replay `bigshire debrief`
does to find where each month began. Medians of --repeat runs after a warm-up run.
The goal is under 200 ms for build and render together.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from bigshire_game import simulate
from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.debrief import Game, build_debrief, debrief_games, month_changes, to_markdown, to_text
from bigshire_game.engine.game import new_game


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median milliseconds of `fn` over `repeat` runs, after one untimed warm-up."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    scenario = load_scenario(builtin_scenario_dir())
    game = simulate.play(scenario, args.seed)
    start = new_game(scenario, args.seed)
    debrief = build_debrief(scenario, game.events, start, game.state)
    markdown = to_markdown(debrief)
    print(f"{scenario.title}, seed {args.seed}: {len(game.moves)} moves, {len(game.events)} events")
    print(f"debrief: {len(markdown.splitlines())} lines of Markdown, {len(markdown):,} characters\n")

    build = timed(lambda: build_debrief(scenario, game.events, start, game.state), args.repeat)
    md = timed(lambda: to_markdown(debrief), args.repeat)
    text = timed(lambda: to_text(debrief), args.repeat)
    both = timed(lambda: to_markdown(build_debrief(scenario, game.events, start, game.state)), args.repeat)
    role = timed(
        lambda: to_markdown(build_debrief(scenario, game.events, start, game.state, "east_bigshire")), args.repeat
    )
    saved = timed(lambda: to_markdown(debrief_games(scenario, [Game("game", args.seed, game.moves)])), args.repeat)
    month = timed(lambda: month_changes(scenario, game.events, game.state, 6), args.repeat)

    rows = [
        ("build_debrief", build),
        ("to_markdown", md),
        ("to_text", text),
        ("build + Markdown (goal < 200 ms)", both),
        ("build + Markdown, one organisation's view", role),
        ("from a save's move log (replay included)", saved),
        ("month_changes, one month", month),
    ]
    for label, ms in rows:
        print(f"  {label:44} {ms:8.1f} ms")


if __name__ == "__main__":
    main()
