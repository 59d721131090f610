"""Where a scenario's files live inside its folder."""

from __future__ import annotations

from pathlib import Path

SCENARIO_FILE = Path("content") / "scenario.toml"
NARRATIVE_FILE = Path("content") / "narrative.toml"
