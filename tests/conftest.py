"""Shared fixtures: the built-in scenario, throw-away copies of it, and plain-text golden files."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

REPO_ROOT = Path(__file__).resolve().parents[1]
SCENARIO_PARTS = ("content", "roles", "decks")
BAD_CONTENT = Path(__file__).parent / "data" / "bad_content"


def copy_scenario(source: Path, dest: Path) -> Path:
    """Copy a scenario's content/, roles/ and decks/ folders into `dest` and return `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in SCENARIO_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, dest / part)
    return dest


class TextSnapshotExtension(SingleFileSnapshotExtension):
    """One UTF-8 `.txt` golden file per snapshot, easy to read in review."""

    file_extension = "txt"
    _write_mode = WriteMode.TEXT


class MarkdownSnapshotExtension(SingleFileSnapshotExtension):
    """One `.md` golden file per snapshot: a debrief, read in review exactly as a trainer would."""

    file_extension = "md"
    _write_mode = WriteMode.TEXT


class TomlSnapshotExtension(SingleFileSnapshotExtension):
    """One `.toml` golden file per snapshot: a whole save, byte for byte."""

    file_extension = "toml"
    _write_mode = WriteMode.TEXT


class SVGSnapshotExtension(SingleFileSnapshotExtension):
    """One `.svg` screenshot per snapshot (syrupy 7 directly: pytest-textual-snapshot pins syrupy 4).

    Textual names every SVG's classes `terminal-<digits>-`, different on each run;
    `svg_snapshot` compares screenshots with those ids made stable.
    """

    file_extension = "svg"
    _write_mode = WriteMode.TEXT


_TERMINAL_ID = re.compile(r"terminal-\d+-")


def stable_svg(svg: str) -> str:
    """A Textual screenshot with its random `terminal-<digits>-` ids replaced by one fixed id."""
    return _TERMINAL_ID.sub("terminal-", svg)


@pytest.fixture
def svg_snapshot(snapshot):
    return snapshot.use_extension(SVGSnapshotExtension)


@pytest.fixture(scope="session")
def builtin_dir() -> Path:
    """The source checkout's root, which holds the built-in content/, roles/ and decks/."""
    assert (REPO_ROOT / "content" / "scenario.toml").is_file()
    return REPO_ROOT


@pytest.fixture(scope="session")
def scenario():
    """The built-in Bigshire scenario, loaded once for every test that reads it (nothing changes it)."""
    from bigshire_game.content import builtin_scenario_dir, load_scenario

    return load_scenario(builtin_scenario_dir())


@pytest.fixture
def scenario_copy(tmp_path: Path, builtin_dir: Path) -> Callable[..., Path]:
    """A factory: `scenario_copy()` copies the built-in scenario into tmp_path/scenario
    (or `scenario_copy("other")` into tmp_path/other) and returns the copy's root."""

    def make(name: str = "scenario") -> Path:
        return copy_scenario(builtin_dir, tmp_path / name)

    return make


@pytest.fixture
def text_snapshot(snapshot):
    return snapshot.use_extension(TextSnapshotExtension)


@pytest.fixture
def toml_snapshot(snapshot):
    return snapshot.use_extension(TomlSnapshotExtension)


@pytest.fixture
def markdown_snapshot(snapshot):
    return snapshot.use_extension(MarkdownSnapshotExtension)
