"""Content: reading and validating the scenario, roles and decks written in TOML."""

from ..vocabulary.words import month_label, turn_label
from .builtin import (
    UnknownScenario,
    builtin_scenario_dir,
    find_scenario,
    installed_name,
    installed_scenarios,
    peek_title,
)
from .diagnostics import Diagnostic
from .load import ContentError, load_scenario, read_scenario
from .scenario import Scenario

__all__ = [
    "ContentError",
    "Diagnostic",
    "Scenario",
    "UnknownScenario",
    "builtin_scenario_dir",
    "find_scenario",
    "installed_name",
    "installed_scenarios",
    "load_scenario",
    "month_label",
    "peek_title",
    "read_scenario",
    "turn_label",
]
