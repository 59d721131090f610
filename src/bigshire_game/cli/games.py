"""Commands that play: `simulate` (the computer in every seat, one game or a sweep) and `play` (the terminal game)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, free_save_path, load, plural


def cmd_simulate(args: argparse.Namespace) -> int:
    from .. import simulate

    if args.jobs is None:  # a sweep uses every core unless told otherwise; small sweeps need no more processes
        args.jobs = max(1, min(os.cpu_count() or 1, args.games // 20))
    if args.games < 1 or args.jobs < 1 or (args.months is not None and args.months < 1):
        print("bigshire: --games, --jobs and --months must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if args.save and args.games != 1:
        print("bigshire: --save keeps one game; leave out --games", file=sys.stderr)
        return EXIT_USAGE
    target = free_save_path(args, args.save) if args.save else None
    if target is False:
        return EXIT_PROBLEMS
    paths = _export_paths(args.events, args.outcomes)
    if paths is None:
        return EXIT_PROBLEMS
    scenario = load(args)
    if scenario is None:
        return EXIT_PROBLEMS
    from ..export import ExportError, GameFiles, export_game, outputs

    try:
        with outputs(*paths) as opened:
            files = GameFiles(*opened)
            if args.games == 1:
                game = simulate.play(scenario, args.seed, args.months)
                print(f"{scenario.title} — seed {args.seed}, every organisation played by the computer")
                simulate.summary(scenario, game, sys.stdout)
                if files.wanted:
                    files.add(export_game(scenario, args.seed, game.moves, files.wanted))
            else:
                seeds = simulate.seeds_from(args.seed, args.games)
                outcomes = simulate.sweep(scenario, seeds, args.jobs, sys.stderr, files if files.wanted else None)
                simulate.report(scenario, outcomes, sys.stdout)
    except ExportError as exc:
        print(f"bigshire: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    _say_written(scenario, files, *paths)
    if args.games == 1 and target:
        return _save_simulated(args, scenario, game, target)
    return EXIT_OK


def _export_paths(events: str | None, outcomes: str | None):
    """The events, outcomes and themes files asked for (None where not), or None after saying why two
    of them would be the same file."""
    from ..export import themes_path

    themes = themes_path(Path(outcomes)) if outcomes else None
    paths = (Path(events) if events else None, Path(outcomes) if outcomes else None, themes)
    named = [p for p in paths if p is not None]
    for i, path in enumerate(named):
        for other in named[i + 1 :]:
            if path.resolve() == other.resolve():
                print(
                    f"bigshire: {path}: given for two files; give --events and --outcomes different names",
                    file=sys.stderr,
                )
                return None
    return paths


def _say_written(scenario, files, events: Path | None, organisations: Path | None, themes: Path | None) -> None:
    games = plural(files.games, "game")
    if events is not None:
        print(f"Wrote {files.lines:,} events of {games} to {events}.")
    if organisations is not None and themes is not None:
        rows = files.games * len(scenario.roles)
        print(
            f"Wrote {games}' outcomes to {organisations} ({plural(rows, 'row')}, one per organisation) "
            f"and their themes to {themes} ({plural(files.games * len(scenario.info.themes), 'row')})."
        )


def _save_simulated(args: argparse.Namespace, scenario, game, target: Path) -> int:
    from ..saves import SaveError, record_of, write_record
    from ..session import Session

    session = Session.of_played(scenario, args.seed, game)
    record = record_of(session, label=f"simulated game, seed {args.seed}")
    try:
        path = write_record(record, target, force=args.force)
    except SaveError as exc:
        print(f"bigshire: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Saved the game to {path} ({len(record.moves)} moves).")
    return EXIT_OK


def cmd_play(args: argparse.Namespace) -> int:
    from ..tui.play import play

    return play(args, args.parser)
