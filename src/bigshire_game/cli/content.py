"""Commands about scenarios and their files: `validate`, `schema`, `scenarios` (the installed ones) and
`new-scenario` (a small one to start writing from)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE


def cmd_validate(args: argparse.Namespace) -> int:
    from ..content.validate import validation

    if args.scenario and args.scenario_dir and Path(args.scenario) != Path(args.scenario_dir):
        print(
            f"bigshire: two scenario folders given ({args.scenario_dir} and --scenario {args.scenario}); give one",
            file=sys.stderr,
        )
        return EXIT_USAGE
    done = validation(args.scenario or args.scenario_dir, tuple(args.deck), args.format)
    sys.stdout.write(done.out)
    sys.stderr.write(done.err)
    return done.code


def cmd_schema(args: argparse.Namespace) -> int:
    from ..content.schema import write_schemas

    for path in write_schemas(Path(args.output)):
        print(path)
    return EXIT_OK


def cmd_scenarios(args: argparse.Namespace) -> int:
    from ..content import installed_scenarios, read_scenario

    rows = [("name", "title", "months", "organisations")]
    for name, root in installed_scenarios().items():
        scenario, _ = read_scenario(root)
        if scenario is None:
            rows.append((name, f"has errors: run bigshire validate --scenario {name}", "", ""))
            continue
        rows.append((name, scenario.title, str(len(scenario.months)), str(len(scenario.roles))))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[3])
    print("Choose one with --scenario NAME on any command, or give a scenario's folder instead of a name.")
    return EXIT_OK


STARTER = Path(__file__).parent / "starter"


def cmd_new_scenario(args: argparse.Namespace) -> int:
    """A small scenario that validates, with the JSON Schemas beside it so that an editor checks each file."""
    import re
    import shlex
    import shutil

    from ..content.schema import write_schemas

    target = Path(args.dir)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(f"bigshire: {target}: already exists and is not an empty folder; give a new folder", file=sys.stderr)
        return EXIT_PROBLEMS
    scenario_id = re.sub(r"[^a-z0-9]+", "_", target.resolve().name.casefold()).strip("_") or "my_scenario"
    if not scenario_id[0].isalpha():
        scenario_id = f"s_{scenario_id}"
    try:
        shutil.copytree(STARTER, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
        scenario_file = target / "content" / "scenario.toml"
        text = scenario_file.read_text(encoding="utf-8").replace('id = "starter"', f'id = "{scenario_id}"', 1)
        scenario_file.write_text(text, encoding="utf-8")
        write_schemas(target / "schemas")
    except OSError as exc:
        print(f"bigshire: {target}: cannot write the scenario: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(
        f'Wrote a small scenario "{scenario_id}" to {target}, with the JSON Schemas its files point to in {target / "schemas"}.'
    )
    shown = shlex.quote(str(target))
    print(f"Check it with: bigshire validate {shown}; play it with: bigshire play --scenario {shown}")
    return EXIT_OK
