"""Content: reading and validating the scenario, roles and decks written in TOML."""

from .builtin import builtin_scenario_dir
from .diagnostics import Diagnostic
from .load import ContentError, load_scenario, read_scenario
from .scenario import Scenario, month_label, turn_label

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
