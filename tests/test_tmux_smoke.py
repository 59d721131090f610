"""`scripts/tmux_smoke.sh`: one turn of `bigshire play` in a real terminal, driven through tmux."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "tmux_smoke.sh"


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_one_turn_in_a_real_terminal():
    env = {**os.environ, "BIGSHIRE": f"{sys.executable} -m bigshire_game"}
    result = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "tmux smoke: ok" in result.stdout
