"""Content: reading and validating the scenario, roles and decks written in TOML."""

from ..vocabulary.words import month_label, turn_label
from .builtin import builtin_scenario_dir
from .diagnostics import Diagnostic
from .load import ContentError, load_scenario, read_scenario
from .scenario import Scenario

__all__ = [
    "ContentError",
    "Diagnostic",
    "Scenario",
    "builtin_scenario_dir",
    "load_scenario",
    "month_label",
    "read_scenario",
    "turn_label",
]
