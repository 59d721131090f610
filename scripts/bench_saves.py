"""Timings for saving and loading a whole 13-month game; not a test, and nothing asserts on them.

    python scripts/bench_saves.py [--seed 1] [--repeat 15]

Saving is `dumps` + an atomic write (fsync included). Loading with replay is
split into its parts: reading and parsing the TOML, structuring it into a
record, replaying the log through the engine, and comparing with the snapshot.
Medians of --repeat runs, after one warm-up run (the first run in a process
also pays cattrs' code generation, shown separately).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from bigshire_game import simulate
from bigshire_game.content import builtin_scenario_dir, load_scenario
from bigshire_game.content.convert import structure
from bigshire_game.saves import Autosaver, dumps, load_record, record_of, write_record
from bigshire_game.saves import record as record_module
from bigshire_game.saves.record import CONVERTER, SaveFile
from bigshire_game.session import Session


def timed(fn: Callable[[], object], repeat: int, before: Callable[[], object] = lambda: None) -> float:
    """Median milliseconds of `fn`, with `before` run untimed ahead of each call."""
    times = []
    for _ in range(repeat):
        before()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    scenario = load_scenario(builtin_scenario_dir())
    game = simulate.play(scenario, args.seed)
    session = Session.replay(scenario, args.seed, {}, game.moves)
    folder = Path(tempfile.mkdtemp(prefix="bench_saves_"))
    path = folder / "game.toml"
    record = record_of(session, created="2026-11-22T09:00:00Z")

    start = time.perf_counter()
    text = dumps(record)
    first_dumps = (time.perf_counter() - start) * 1000
    size = len(text.encode())
    start = time.perf_counter()
    write_record(record, path, force=True)
    load_record(path, scenario)
    first_load = (time.perf_counter() - start) * 1000

    n = args.repeat
    forget = record_module._RENDERED.clear
    t_record = timed(lambda: record_of(session), n)
    t_dumps_cold = timed(lambda: dumps(record), n, before=forget)
    t_dumps_warm = timed(lambda: dumps(record), n)
    t_write = timed(lambda: write_record(record, path, force=True), n)
    t_save_cold = timed(lambda: write_record(record_of(session), path, force=True), n, before=forget)

    autosave = Autosaver(folder / "autosave", keep=10)

    def autosave_once() -> None:
        autosave._last = None  # as if a move had just been made
        autosave(session)

    t_autosave = timed(autosave_once, n)

    data = path.read_bytes()
    raw = tomllib.loads(data.decode())
    t_read = timed(path.read_bytes, n)
    t_parse = timed(lambda: tomllib.loads(data.decode()), n)
    t_structure = timed(lambda: structure(raw, SaveFile, CONVERTER), n)
    t_replay = timed(lambda: Session.replay(scenario, args.seed, record.seats, record.moves), n)
    replayed = Session.replay(scenario, args.seed, record.seats, record.moves)
    saved = load_record(path, scenario, replay=False).record.snapshot
    t_compare = timed(lambda: replayed.state == saved, n)
    t_load = timed(lambda: load_record(path, scenario), n)
    t_read_only = timed(lambda: load_record(path, scenario, replay=False), n)

    print(
        f"a full game, seed {args.seed}: {len(record.moves)} moves, {len(session.events)} events; save file {size / 1000:.0f} kB"
    )
    print(
        f"first save and load in this process (cattrs builds its code): dumps {first_dumps:.1f} ms, write+load {first_load:.1f} ms"
    )
    print("save")
    print(f"  record_of                          {t_record:6.1f} ms")
    print(f"  dumps, every move rendered         {t_dumps_cold:6.1f} ms")
    print(f"  dumps, moves already rendered      {t_dumps_warm:6.1f} ms   (autosaves: the log only grows)")
    print(f"  write_record (dumps + atomic write){t_write:6.1f} ms")
    print(f"  save, nothing rendered before      {t_save_cold:6.1f} ms")
    print(f"  one autosave (numbered + latest)   {t_autosave:6.1f} ms")
    print("load")
    print(f"  read bytes                         {t_read:6.1f} ms")
    print(f"  parse TOML (tomllib)               {t_parse:6.1f} ms")
    print(f"  structure into a GameRecord        {t_structure:6.1f} ms")
    print(f"  replay the log (Session.replay)    {t_replay:6.1f} ms")
    print(f"  compare with the snapshot          {t_compare:6.1f} ms")
    print(f"  load_record, replayed and checked  {t_load:6.1f} ms")
    print(f"  load_record, read-only             {t_read_only:6.1f} ms")


if __name__ == "__main__":
    main()
