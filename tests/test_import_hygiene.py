"""`bigshire validate` must start quickly: reading content never loads the terminal UI
(textual) or the graph library (networkx). The debrief loads networkx only when it builds the
organisations' graph, so the month report, which imports the debrief, stays quick too."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

HEAVY = ("textual", "networkx")


def _loaded_after(code: str) -> set[str]:
    probe = textwrap.dedent(code) + textwrap.dedent(
        f"""
        import json, sys
        print(json.dumps(sorted({{name.split(".")[0] for name in sys.modules}} & set({HEAVY!r}))))
        """
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(result.stdout.splitlines()[-1]))


@pytest.mark.parametrize(
    "module",
    [
        "bigshire_game.content",
        "bigshire_game.cli",
        "bigshire_game.saves",
        "bigshire_game.engine",
        "bigshire_game.rules",
        "bigshire_game.session",
        "bigshire_game.simulate",
        "bigshire_game.export",
        "bigshire_game.debrief",
    ],
)
def test_import_does_not_load_heavy_modules(module):
    assert _loaded_after(f"import {module}") == set()


def test_validate_command_does_not_load_heavy_modules(builtin_dir):
    loaded = _loaded_after(
        f"""
        import contextlib, io
        from bigshire_game.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            main(["validate", {str(builtin_dir)!r}, "--format", "json"])
        """
    )
    assert loaded == set()
