"""How game time grows with the number of organisations; not a test, nothing asserts on it.

    python scripts/bench_scale.py [--sizes 17,34,68,100] [--games 2]

Copies the built-in scenario and clones its consortia and providers (the system
bodies stay single) until it has N organisations, then times whole bot games.
"""

from __future__ import annotations

import argparse
import itertools
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bigshire_game import simulate
from bigshire_game.content import builtin_scenario_dir, load_scenario

SINGLE = {"nhscb", "monitor", "cqc", "hwb", "healthwatch"}


def grown(source: Path, size: int, into: Path) -> Path:
    root = into / f"n{size}"
    for part in ("content", "roles", "decks"):
        shutil.copytree(source / part, root / part)
    roles = sorted((root / "roles").glob("*.toml"))
    clonable = [p for p in roles if re.search(r'^kind = "(\w+)"', p.read_text(), re.M).group(1) not in SINGLE]
    count = len(roles)
    for n, original in zip(itertools.count(2), itertools.cycle(clonable)):
        if count >= size:
            break
        text = original.read_text()
        rid = original.stem
        clone = f"{rid}_{n}"
        # every id in the file (the role's, its contracts', practices', decisions') gets the suffix
        text = re.sub(r'^(\s*id = ")([^"]+)(")', rf"\g<1>\g<2>_{n}\g<3>", text, flags=re.M)
        (root / "roles" / f"{clone}.toml").write_text(text)
        count += 1
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="17,34,68,100")
    parser.add_argument("--games", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'organisations':>13} {'median per game':>16} {'per organisation':>17}")
        for size in (int(x) for x in args.sizes.split(",")):
            scenario = load_scenario(grown(builtin_scenario_dir(), size, Path(tmp)))
            times = []
            for seed in range(args.games):
                start = time.perf_counter()
                simulate.play(scenario, seed)
                times.append(time.perf_counter() - start)
            median = statistics.median(times)
            print(
                f"{len(scenario.roles):>13} {median * 1000:>13.0f} ms {median * 1000 / len(scenario.roles):>14.1f} ms"
            )


if __name__ == "__main__":
    main()
