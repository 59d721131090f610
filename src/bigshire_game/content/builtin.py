"""Where the built-in Bigshire scenario lives: inside the installed package, or
at the root of a source checkout when installed in editable mode."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .layout import SCENARIO_FILE


def builtin_scenario_dir() -> Path:
    packaged = Path(str(resources.files("bigshire_game") / "_scenario"))
    if (packaged / SCENARIO_FILE).is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[3]
    if (checkout / SCENARIO_FILE).is_file():
        return checkout
    raise FileNotFoundError("the built-in scenario is missing from this installation; reinstall bigshire-game")
