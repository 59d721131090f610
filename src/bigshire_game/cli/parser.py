"""The `bigshire` command line: every command, its options and the function that runs it."""

from __future__ import annotations

import argparse

from .analysis import cmd_debrief, cmd_export
from .common import Parser, saves_options, scenario_option
from .content import cmd_new_scenario, cmd_scenarios, cmd_schema, cmd_validate
from .games import cmd_play, cmd_simulate
from .saves import cmd_branch, cmd_saves


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="bigshire", description="A health system played in a day: check, simulate, play and debrief its scenarios."
    )
    parser.add_argument("--version", action="version", version=f"bigshire {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    p = sub.add_parser("validate", help="check a scenario's TOML files and list every problem")
    p.add_argument(
        "scenario_dir",
        nargs="?",
        metavar="SCENARIO_DIR",
        help="an installed scenario's name, or a folder with content/, roles/, decks/ (default: the built-in one)",
    )
    p.add_argument("--scenario", metavar="NAME_OR_DIR", help="the same, given as on every other command")
    p.add_argument("--deck", action="append", default=[], metavar="FILE", help="also check this deck file (repeatable)")
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="text for people, json for editors and CI"
    )
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("simulate", help="play whole games with the computer in every seat")
    scenario_option(p)
    p.add_argument("--seed", type=int, default=1, help="the game's seed (a sweep uses this and the following seeds)")
    p.add_argument("--months", type=int, metavar="N", help="stop after N turns (default: the whole game)")
    p.add_argument("--games", type=int, default=1, metavar="N", help="play N games and report outcome distributions")
    p.add_argument(
        "--jobs", type=int, metavar="J", help="processes to use for a sweep (default: every core, for 40 games or more)"
    )
    p.add_argument("--save", metavar="NAME", help="keep the finished game as a save called NAME")
    p.add_argument(
        "--events", metavar="FILE", help="write every game's events as JSON Lines (gzipped if FILE ends in .gz)"
    )
    p.add_argument(
        "--outcomes",
        metavar="FILE",
        help="write a CSV row per game and organisation to FILE, and per game and theme to FILE-themes (see docs/events.md)",
    )
    saves_options(p, force="replace a save of the same name")
    p.set_defaults(func=cmd_simulate)

    p = sub.add_parser("export", help="write a saved game's events as JSON Lines, for analysis in pandas or R")
    p.add_argument(
        "save", metavar="SAVE", help='a save file, a name in the saves folder, a game\'s name or id, or "latest"'
    )
    p.add_argument(
        "--events", required=True, metavar="FILE", help="the file to write (gzipped if FILE ends in .gz; replaced)"
    )
    p.add_argument("--role", metavar="ROLE", help="only what this organisation knew (its id or its name)")
    scenario_option(p, saved=True)
    saves_options(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("saves", help="list the games in the saves folder, with their checkpoints and saves")
    saves_options(p)
    p.set_defaults(func=cmd_saves)

    p = sub.add_parser("branch", help="start a new game from a checkpoint or move of a save; the save is untouched")
    p.add_argument(
        "save", metavar="SAVE", help='a save file, a name in the saves folder, a game\'s name or id, or "latest"'
    )
    p.add_argument("--at", required=True, metavar="POINT", help="a checkpoint's label, or a number of moves")
    p.add_argument("--name", required=True, metavar="NEW", help="the new game's name, and its save's")
    scenario_option(p, saved=True)
    saves_options(p, force="replace a save called NEW")
    p.set_defaults(func=cmd_branch)

    p = sub.add_parser("play", help="play at this terminal: hot-seat, with the computer in the empty seats")
    from ..tui.launch import add_arguments as play_arguments  # argparse only: the game itself loads when it runs

    play_arguments(p)
    saves_options(p)
    p.set_defaults(func=cmd_play, parser=p)

    p = sub.add_parser(
        "debrief",
        help="write an observer's account of a saved game, of what happened between two saves, or of two branches",
    )
    p.add_argument("save", metavar="SAVE", help='a save file, a name in the saves folder, or "latest"')
    p.add_argument(
        "other",
        nargs="?",
        metavar="OTHER_SAVE",
        help="a later save of the same game (what happened between them), or another branch of it",
    )
    p.add_argument(
        "--from",
        dest="from_month",
        metavar="MONTH",
        help="start at this month (its number or its name: 2025-04 or April 2025)",
    )
    p.add_argument("--to", dest="to_month", metavar="MONTH", help="end with this month")
    p.add_argument("--role", metavar="ROLE", help="only what this organisation knew (its id or its name)")
    p.add_argument("--format", choices=("markdown", "text"), default="markdown", help="markdown (default) or text")
    p.add_argument(
        "--output", metavar="FILE", help="write to FILE (replacing it: a debrief can always be written again)"
    )
    scenario_option(p, saved=True)
    saves_options(p)
    p.set_defaults(func=cmd_debrief)

    p = sub.add_parser("scenarios", help="list the installed scenarios: name, title, months and organisations")
    p.set_defaults(func=cmd_scenarios)

    p = sub.add_parser(
        "new-scenario", help="write a small scenario to start from, with the JSON Schemas its files point to"
    )
    p.add_argument("dir", metavar="DIR", help="a new (or empty) folder to write it into")
    p.set_defaults(func=cmd_new_scenario)

    p = sub.add_parser("schema", help="write JSON Schemas for scenario, role and deck files")
    p.add_argument("--output", default="schemas", metavar="DIR", help="folder to write into (default: schemas)")
    p.set_defaults(func=cmd_schema)
    return parser


def _version() -> str:
    from .. import __version__

    return __version__
