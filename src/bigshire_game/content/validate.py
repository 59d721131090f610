"""`bigshire validate` as one function: what to print and the exit code, whatever the folder holds.

Problems in content exit 1 with located diagnostics; a folder or deck that is not there exits 2,
like a mistyped command; anything else is a fault of ours, told in one plain line with exit 3.
With `--format json` standard output is one JSON document in every one of these cases.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from attrs import frozen

from .builtin import UnknownScenario, builtin_scenario_dir, find_scenario
from .diagnostics import Diagnostic, printable, shortened
from .load import read_scenario

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


@frozen
class Validation:
    """What `bigshire validate` prints on each stream, and its exit code."""

    out: str
    err: str
    code: int


class _Usage(Exception):
    """The command names something that is not there: the user's to retype, not a content problem."""


def validation(folder: str | os.PathLike[str] | None, decks: tuple[str, ...] = (), fmt: str = "text") -> Validation:
    """Validate a scenario folder (the built-in one when None) with extra deck files."""
    try:
        root = _checked(folder, decks)
        scenario, diagnostics = read_scenario(root, decks)
        return _report(scenario, diagnostics, fmt)
    except _Usage as exc:
        return _failure(fmt, EXIT_USAGE, f"bigshire: {exc}", "usage")
    except Exception as exc:  # a fault of ours, never the facilitator's: one line, not a traceback
        what = shortened(f"{type(exc).__name__}: {exc}".replace("\n", " "))
        line = f"bigshire: internal error while validating ({what}); please report it with the scenario folder"
        return _failure(fmt, EXIT_INTERNAL, line, "internal")


def _checked(folder: str | os.PathLike[str] | None, decks: tuple[str, ...]) -> Path:
    if folder and not _exists(Path(folder)):  # not a folder: perhaps the name of an installed scenario
        try:
            folder = find_scenario(folder)
        except (UnknownScenario, ValueError) as exc:
            raise _Usage(printable(str(exc))) from None
    root = Path(folder) if folder else builtin_scenario_dir()
    shown = printable(os.fspath(root))
    if not root.is_dir():
        raise _Usage(f"{shown} is a file; give the scenario's folder (the one holding content/, roles/ and decks/)")
    for deck in decks:
        if not _exists(Path(deck)):  # there but not a file: the reader says what it is instead
            raise _Usage(f"no such deck file: {printable(deck)}")
    return root


def _exists(path: Path) -> bool:
    try:
        return os.path.lexists(path)
    except (OSError, ValueError):
        return False


def _report(scenario, diagnostics: list[Diagnostic], fmt: str) -> Validation:
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    code = EXIT_PROBLEMS if errors else EXIT_OK
    if fmt == "json":
        report = {
            "ok": errors == 0,
            "errors": errors,
            "warnings": warnings,
            "diagnostics": [d.as_json() for d in diagnostics],
        }
        return Validation(json.dumps(report, indent=2) + "\n", "", code)
    lines = [d.render() for d in diagnostics]
    summary = ""
    if scenario is not None:
        summary = (
            f"{scenario.title}: {_plural(len(scenario.roles), 'organisation')}, "
            f"{_plural(len(scenario.decks), 'deck')}, {_plural(len(scenario.cards), 'card')}, "
            f"{_plural(len(scenario.turns), 'turn')} — "
        )
    lines.append(f"{summary}{_plural(errors, 'error')}, {_plural(warnings, 'warning')}")
    return Validation("\n".join(lines) + "\n", "", code)


def _failure(fmt: str, code: int, line: str, kind: str) -> Validation:
    if fmt != "json":
        return Validation("", line + "\n", code)
    report = {"ok": False, "errors": 0, "warnings": 0, "diagnostics": [], "failure": {"kind": kind, "message": line}}
    return Validation(json.dumps(report, indent=2) + "\n", line + "\n", code)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
