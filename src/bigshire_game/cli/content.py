"""Commands about a scenario's files: `validate` and `schema`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, plural, scenario_dir


def cmd_validate(args: argparse.Namespace) -> int:
    from ..content import read_scenario

    if args.scenario and args.scenario_dir and Path(args.scenario) != Path(args.scenario_dir):
        print(
            f"bigshire: two scenario folders given ({args.scenario_dir} and --scenario {args.scenario}); give one",
            file=sys.stderr,
        )
        return EXIT_USAGE
    root = scenario_dir(args.scenario or args.scenario_dir)
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
                f"{scenario.title}: {plural(len(scenario.roles), 'organisation')}, "
                f"{plural(len(scenario.decks), 'deck')}, {plural(cards, 'card')}, {plural(len(scenario.turns), 'turn')} — "
            )
        else:
            summary = ""
        print(f"{summary}{plural(errors, 'error')}, {plural(warnings, 'warning')}")
    return EXIT_PROBLEMS if errors else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from ..content.schema import write_schemas

    for path in write_schemas(Path(args.output)):
        print(path)
    return EXIT_OK
