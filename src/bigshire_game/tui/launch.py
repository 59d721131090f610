"""`bigshire play`: check the arguments, read the scenario or the save, then start the app.

Everything that can be wrong with the command line (an unknown organisation, a
missing save, a scenario with errors) is reported on stderr before Textual is
imported, like every other command; Textual is imported only to run the game.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..content import Scenario

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
MAX_NAME = 64


@dataclass
class Launch:
    """How `bigshire play` was asked to start."""

    mode: str = "title"  # title | new | load | review
    scenario_dir: Path | None = None
    scenario: Scenario | None = None  # already read by the command line
    seed: int = 1
    seats: dict[str, str] = field(default_factory=dict)
    pins: dict[str, str] = field(default_factory=dict)
    saves_dir: Path = Path("saves")
    path: Path | None = None
    loaded: Any = None  # a saves.LoadedGame already read by the command line
    name: str = ""  # a new game's name, to find it again with --load NAME
    lock: Any = None  # the saves.GameLock of a game loaded to play on, held until the app ends


def _usage(parser: argparse.ArgumentParser | None, message: str) -> int:
    if parser is not None:
        parser.print_usage(sys.stderr)
    print(f"bigshire play: {message}", file=sys.stderr)
    return EXIT_USAGE


def build_launch(args: argparse.Namespace, parser: argparse.ArgumentParser | None = None):
    """The app's Launch for these arguments, or an exit code after printing what is wrong."""
    from ..content import read_scenario
    from ..content.diagnostics import suggest

    chosen = [name for name in ("load", "review") if getattr(args, name)]
    if len(chosen) > 1 or (chosen and args.human):
        return _usage(parser, "give one of --load SAVE, --review SAVE or --human ROLE")
    name = (getattr(args, "name", None) or "").strip()
    if name and chosen:
        return _usage(parser, "--name names a new game; a saved game keeps its own name")
    if len(name) > MAX_NAME or any(ord(c) < 32 or ord(c) == 127 for c in name):
        return _usage(parser, f"--name: give a name of at most {MAX_NAME} characters, on one line")
    saves_dir = Path(args.saves)
    from ..content import UnknownScenario, find_scenario

    try:
        scenario_dir = find_scenario(args.scenario) if args.scenario else None
    except UnknownScenario as exc:
        return _usage(parser, str(exc))
    scenario = None
    # a loaded save finds its own scenario (by name, or the folder it was played from) unless told
    if args.human or (chosen and scenario_dir is not None):
        scenario, diagnostics = read_scenario(scenario_dir or find_scenario(None))
        if scenario is None:
            for d in diagnostics:
                print(d.render(), file=sys.stderr)
            import shlex

            check = (
                f"bigshire validate --scenario {shlex.quote(args.scenario)}" if args.scenario else "bigshire validate"
            )
            print(f"bigshire: the scenario has errors; for the full list, run: {check}", file=sys.stderr)
            return EXIT_PROBLEMS
    if args.human:
        seats: dict[str, str] = {}
        for role in args.human:
            if role not in scenario.roles:
                known = list(scenario.roles)
                hint = suggest(role, known) or f" The organisations are: {', '.join(known)}."
                return _usage(parser, f'there is no organisation "{role}" in {scenario.title}.{hint}')
            seats[role] = scenario.roles[role].short_name
        return Launch(
            mode="new",
            scenario_dir=scenario_dir,
            scenario=scenario,
            seed=args.seed if args.seed is not None else 1,
            seats=seats,
            saves_dir=saves_dir,
            name=name,
        )
    if chosen:
        from ..saves import GameInUse, GameLock, SaveError, behind, load_record

        mode = chosen[0]
        target = getattr(args, mode)
        try:
            try:
                loaded = load_record(target, scenario, saves_dir=saves_dir)
            except SaveError as refused:
                if mode != "review":
                    raise
                loaded = load_record(target, scenario, replay=False, saves_dir=saves_dir)
                loaded.warnings.insert(0, str(refused))  # why it is read-only: the review screen shows it
            lock = None
            # Playing on writes the game, one process at a time; a save the game has moved on from is played
            # on as a new game (the app says so), which needs no lock on the old one.
            if mode == "load" and loaded.session is not None and not behind(loaded, saves_dir):
                try:
                    lock = GameLock(saves_dir, loaded.record.game).acquire()
                except GameInUse:
                    raise
                except SaveError:  # an unwritable folder: the game plays on unsaved and its header says why
                    lock = None
        except SaveError as exc:  # several games for "latest" are listed, with how to choose one
            print(f"bigshire: {exc}", file=sys.stderr)
            return EXIT_PROBLEMS
        for warning in loaded.warnings:
            print(f"bigshire: warning: {warning}", file=sys.stderr)
        return Launch(
            mode=mode,
            scenario_dir=scenario_dir,
            scenario=scenario,
            saves_dir=saves_dir,
            path=loaded.path,
            loaded=loaded,
            lock=lock,
        )
    return Launch(mode="title", scenario_dir=scenario_dir, seed=args.seed or 1, saves_dir=saves_dir, name=name)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The `play` command's options (the saves folder option is added by the command line, as for every command)."""
    p.add_argument("--seed", type=int, metavar="N", help="the game's seed (default 1)")
    p.add_argument(
        "--human",
        action="append",
        default=[],
        metavar="ROLE",
        help="an organisation played at this terminal (repeatable); the computer plays the rest",
    )
    p.add_argument(
        "--scenario",
        metavar="NAME_OR_DIR",
        help="an installed scenario (see bigshire scenarios) or a scenario's folder (default: the built-in one, "
        "or the one a loaded save was played with)",
    )
    p.add_argument("--name", metavar="NAME", help="a name for a new game, to continue it later with --load NAME")
    p.add_argument(
        "--load",
        metavar="SAVE",
        help='continue a saved game: a save file or name, a game\'s name or id (see "bigshire saves"), or "latest"',
    )
    p.add_argument("--review", metavar="SAVE", help="review a saved game as a trainer")
