"""Where the shipped scenarios live: inside the installed package, or at the root of a source
checkout when installed in editable mode. The built-in one sits at that root; the others ship
beside it under `scenarios/<name>/`, each with the same content/, roles/ and decks/ folders."""

from __future__ import annotations

import os
import tomllib
from importlib import resources
from pathlib import Path

from .layout import SCENARIO_FILE

SHIPPED = "scenarios"


class UnknownScenario(LookupError):
    """A --scenario that is neither a folder nor the name of an installed scenario."""


def builtin_scenario_dir() -> Path:
    packaged = Path(str(resources.files("bigshire_game") / "_scenario"))
    if (packaged / SCENARIO_FILE).is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[3]
    if (checkout / SCENARIO_FILE).is_file():
        return checkout
    raise FileNotFoundError("the built-in scenario is missing from this installation; reinstall bigshire-game")


def installed_scenarios() -> dict[str, Path]:
    """Every shipped scenario's folder by name, the built-in one first: its name is its id, the others'
    the name of their folder under scenarios/."""
    root = builtin_scenario_dir()
    found = {_id_of(root) or "builtin": root}
    shipped = root / SHIPPED
    if shipped.is_dir():
        for folder in sorted(shipped.iterdir()):
            if (folder / SCENARIO_FILE).is_file():
                found.setdefault(folder.name, folder)
    return found


def installed_name(root: str | os.PathLike[str]) -> str | None:
    """The name under which the scenario in this folder is installed, or None for a folder of one's own."""
    try:
        wanted = Path(root).resolve()
    except OSError:
        return None
    return next((name for name, folder in installed_scenarios().items() if folder.resolve() == wanted), None)


def find_scenario(value: str | os.PathLike[str] | None) -> Path:
    """The folder of the scenario given on a command line: the built-in one for None, a folder as given
    when it exists, else an installed scenario by name; UnknownScenario when it is none of these."""
    if value is None or os.fspath(value) == "":
        return builtin_scenario_dir()
    given = Path(value)
    if given.exists():
        return given
    installed = installed_scenarios()
    if os.fspath(value) in installed:
        return installed[os.fspath(value)]
    raise UnknownScenario(
        f"no such folder: {os.fspath(value)}, nor an installed scenario of that name "
        f"(installed: {', '.join(installed)}; see bigshire scenarios)"
    )


def peek_title(root: str | os.PathLike[str]) -> str | None:
    """A scenario's title, read from its own file without validating the rest (a title screen must be quick)."""
    return _field(Path(root), "title")


def _id_of(root: Path) -> str | None:
    return _field(root, "id")


def _field(root: Path, key: str) -> str | None:
    """A top-level text of a scenario's own file, read without validating the rest; None if unreadable."""
    try:
        with (root / SCENARIO_FILE).open("rb") as file:
            value = tomllib.load(file).get(key)
    except (OSError, tomllib.TOMLDecodeError, RecursionError, ValueError, MemoryError):
        return None
    return value if isinstance(value, str) and value else None
