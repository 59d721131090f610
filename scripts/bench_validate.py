"""Rough timings for the content validator; not a test, and nothing asserts on them.

    /work/venv/bin/python scripts/bench_validate.py [--runs 10] [--sizes 1000,2000,5000]

(a) `bigshire validate` on the shipped scenario as a subprocess, interpreter start-up
    included (median of --runs), next to a bare `python -c pass` for scale;
(b) `read_scenario` on a copy of the shipped scenario with one generated deck of N cards
    added, to show how the time grows with the number of cards;
(c) `bigshire validate --format json` in-process on the same copy with one hostile file in
    place of a role: the guards must answer each in about the time of a parse, never hang.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _bigshire_command() -> list[str]:
    script = Path(sys.executable).with_name("bigshire")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "bigshire_game"]


def _time_subprocess(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return times


def _card(i: int) -> str:
    month = f"{2013 + (i % 13 + 5) // 12}-{(i % 13 + 5) % 12 + 1:02d}"  # 2013-06 .. 2014-06
    follow = f'\n[[cards.follow_ups]]\ncard = "gen_{i - 1}"\nafter = 1\noption = "act"\n' if i else ""
    return f'''
[[cards]]
id = "gen_{i}"
title = "Generated card {i}"
text = "A generated card used to time the validator: number {i} of many."
tags = ["money", "quality"]
audience = ["consortium", "acute"]
decided_by = ["consortium"]
default_option = "wait"

[cards.when]
first = "{month}"
last = "2014-06"
weight = {i % 3 + 1}

[cards.when.condition]
metric = "balance"
of = "consortium"
below = {-(i % 50) * 100}

[[cards.options]]
id = "act"
label = "Act now"
tags = ["money"]

[[cards.options.effects]]
kind = "transfer"
payer = "self"
payee = "acute"
amount = {100 + i % 900}

[[cards.options.effects]]
kind = "trust"
target = "acute"
other = "self"
amount = 2

[[cards.options]]
id = "wait"
label = "Wait and see"

[[cards.options.effects]]
kind = "quality"
target = "acute"
amount = -1
{follow}'''


def generated_deck(n: int) -> str:
    head = '[deck]\nid = "generated"\ntitle = "Generated cards"\ndraws_per_month = 1\n'
    return head + "".join(_card(i) for i in range(n))


def _time_read(root: Path, runs: int) -> tuple[list[float], int, int]:
    from bigshire_game.content import read_scenario

    times, errors, warnings = [], 0, 0
    for _ in range(runs):
        start = time.perf_counter()
        _, diagnostics = read_scenario(root)
        times.append(time.perf_counter() - start)
        errors = sum(d.severity == "error" for d in diagnostics)
        warnings = len(diagnostics) - errors
    return times, errors, warnings


def _hostile_files() -> dict[str, object]:
    """What each hostile role file is: its text, or a function making it at a path."""
    return {
        "link to /dev/zero": lambda path: path.symlink_to("/dev/zero"),
        "file of 10 MB (over the cap)": 'id = "x"\nname = "' + "b" * 10_000_000 + '"\n',
        "7 MB string on one line": 'id = "x"\nname = "' + "b" * 7_000_000 + '"\n',
        "7 MB multi-line string": 'id = "x"\nname = """' + "a line of text\n" * 500_000 + '"""\n',
        "list of 400,000 numbers": 'id = "x"\nquality = [\n' + "1,\n" * 400_000 + "]\n",
        "5,000 nested lists": 'id = "x"\nquality = ' + "[" * 5000 + "]" * 5000 + "\n",
        "dotted key of 40,000 parts": "a." * 40_000 + "b = 1\n",
        "10,000 NaNs": "".join(f"n{i} = nan\n" for i in range(10_000)),
    }


def _time_hostile(root: Path, runs: int) -> None:
    from bigshire_game.content.validate import validation

    role = root / "roles" / "hostile.toml"
    for label, make in _hostile_files().items():
        if callable(make):
            make(role)
        else:
            role.write_text(make, encoding="utf-8")
        times, code = [], None
        for _ in range(runs):
            start = time.perf_counter()
            code = validation(root, (), "json").code
            times.append(time.perf_counter() - start)
        os.unlink(role)
        print(f"    {label:<32} {statistics.median(times) * 1000:>7.0f}ms   exit {code}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs per measurement (median reported)")
    parser.add_argument("--sizes", default="1000,2000,5000", help="generated deck sizes, comma-separated")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]

    print(f"(a) command line, shipped scenario, {args.runs} runs each")
    print(f"    {'command':<40} {'median':>9} {'min':>9} {'max':>9}")
    for label, command in (
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("bigshire validate", [*_bigshire_command(), "validate"]),
        ("bigshire validate --format json", [*_bigshire_command(), "validate", "--format", "json"]),
    ):
        t = _time_subprocess(command, args.runs)
        med, low, high = statistics.median(t) * 1000, min(t) * 1000, max(t) * 1000
        print(f"    {label:<40} {med:>7.0f}ms {low:>7.0f}ms {high:>7.0f}ms")

    print(f"\n(b) read_scenario in-process, shipped scenario plus a generated deck, median of {args.runs}")
    columns = ("cards added", "deck size", "median", "per card", "errors", "warnings")
    print("    " + " ".join(f"{c:>{w}}" for c, w in zip(columns, (11, 10, 9, 10, 7, 9), strict=True)))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "scenario"
        for part in ("content", "roles", "decks"):
            shutil.copytree(ROOT / part, root / part)
        base, errors, warnings = _time_read(root, args.runs)
        base_ms = statistics.median(base) * 1000
        print(f"    {0:>11} {'-':>10} {base_ms:>7.1f}ms {'-':>10} {errors:>7} {warnings:>9}")
        for n in sizes:
            text = generated_deck(n)
            (root / "decks" / "generated.toml").write_text(text, encoding="utf-8")
            t, errors, warnings = _time_read(root, args.runs)
            med = statistics.median(t)
            extra = med - statistics.median(base)
            print(
                f"    {n:>11} {len(text) / 1e6:>8.1f}MB {med * 1000:>7.1f}ms {extra / n * 1e6:>8.1f}µs"
                f" {errors:>7} {warnings:>9}"
            )
        (root / "decks" / "generated.toml").unlink()
        hostile_runs = min(args.runs, 3)
        print(
            f"\n(c) validate --format json in-process, shipped scenario plus one hostile role file, median of {hostile_runs}"
        )
        _time_hostile(root, hostile_runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
