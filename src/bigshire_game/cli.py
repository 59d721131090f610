"""The `bigshire` command: a thin front end over content, engine, saves and debrief.

Heavy modules are imported inside each command so that `bigshire validate`
starts quickly and never loads the terminal UI.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's default exit code is 2 already; keep its wording short
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"bigshire: {message}\n")


def _scenario_dir(value: str | None) -> Path:
    from .content import builtin_scenario_dir

    return Path(value) if value else builtin_scenario_dir()


def cmd_validate(args: argparse.Namespace) -> int:
    from .content import read_scenario

    root = _scenario_dir(args.scenario)
    if not root.exists():
        print(f"bigshire: no such folder: {root}", file=sys.stderr)
        return EXIT_USAGE
    if not root.is_dir():
        print(
            f"bigshire: {root} is a file; give the scenario's folder (the one holding content/, roles/ and decks/)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    for deck in args.deck:
        if not Path(deck).is_file():
            print(f"bigshire: no such deck file: {deck}", file=sys.stderr)
            return EXIT_USAGE
    scenario, diagnostics = read_scenario(root, tuple(args.deck))
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    if args.format == "json":
        report = {
            "ok": errors == 0,
            "errors": errors,
            "warnings": warnings,
            "diagnostics": [d.as_json() for d in diagnostics],
        }
        print(json.dumps(report, indent=2))
    else:
        for d in diagnostics:
            print(d.render())
        if scenario is not None:
            cards = len(scenario.cards)
            summary = (
                f"{scenario.title}: {_plural(len(scenario.roles), 'organisation')}, "
                f"{_plural(len(scenario.decks), 'deck')}, {_plural(cards, 'card')}, {_plural(len(scenario.turns), 'turn')} — "
            )
        else:
            summary = ""
        print(f"{summary}{_plural(errors, 'error')}, {_plural(warnings, 'warning')}")
    return EXIT_PROBLEMS if errors else EXIT_OK


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def cmd_schema(args: argparse.Namespace) -> int:
    from .content.schema import write_schemas

    for path in write_schemas(Path(args.output)):
        print(path)
    return EXIT_OK


def _load(args: argparse.Namespace):
    """The scenario, or None after printing its problems (content errors are the user's to fix)."""
    from .content import read_scenario

    scenario, diagnostics = read_scenario(_scenario_dir(args.scenario))
    if scenario is None:
        for d in diagnostics:
            print(d.render(), file=sys.stderr)
        print("bigshire: the scenario has errors; run 'bigshire validate' for the full list", file=sys.stderr)
    return scenario


def cmd_simulate(args: argparse.Namespace) -> int:
    from . import simulate

    if args.games < 1 or args.jobs < 1 or (args.months is not None and args.months < 1):
        print("bigshire: --games, --jobs and --months must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    scenario = _load(args)
    if scenario is None:
        return EXIT_PROBLEMS
    if args.games == 1:
        game = simulate.play(scenario, args.seed, args.months)
        print(f"{scenario.title} — seed {args.seed}, every organisation played by the computer")
        simulate.summary(scenario, game, sys.stdout)
        return EXIT_OK
    outcomes = simulate.sweep(scenario, simulate.seeds_from(args.seed, args.games), args.jobs, sys.stderr)
    simulate.report(scenario, outcomes, sys.stdout)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bigshire", description="Bigshire: a year in a reformed health system, played in a day.")
    parser.add_argument("--version", action="version", version=f"bigshire {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("validate", help="check a scenario's TOML files and list every problem")
    p.add_argument(
        "scenario",
        nargs="?",
        metavar="SCENARIO_DIR",
        help="folder with content/, roles/, decks/ (default: built-in Bigshire)",
    )
    p.add_argument("--deck", action="append", default=[], metavar="FILE", help="also check this deck file (repeatable)")
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="text for people, json for editors and CI"
    )
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("simulate", help="play whole games with the computer in every seat")
    p.add_argument("--scenario", metavar="DIR", help="scenario folder (default: built-in Bigshire)")
    p.add_argument("--seed", type=int, default=1, help="the game's seed (a sweep uses this and the following seeds)")
    p.add_argument("--months", type=int, metavar="N", help="stop after N turns (default: the whole year)")
    p.add_argument("--games", type=int, default=1, metavar="N", help="play N games and report outcome distributions")
    p.add_argument("--jobs", type=int, default=1, metavar="J", help="processes to use for a sweep")
    p.set_defaults(func=cmd_simulate)

    p = sub.add_parser("schema", help="write JSON Schemas for scenario, role and deck files")
    p.add_argument("--output", default="schemas", metavar="DIR", help="folder to write into (default: schemas)")
    p.set_defaults(func=cmd_schema)
    return parser


def _version() -> str:
    from . import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
