"""Random damage to valid content never crashes the validator: it always answers with a
scenario or with located, readable diagnostics.

One shipped file at a time (the scenario, a role or a deck) is damaged in a copy of the
built-in scenario made once for this module, read, and restored before the next example.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bigshire_game.content import read_scenario
from conftest import copy_scenario

KEY_LINE = re.compile(rb"^[ \t]*[A-Za-z0-9_\"'.-]+[ \t]*=")
OTHER_VALUES = (
    b'"some text"',
    b"3",
    b"-7",
    b"2.5",
    b"true",
    b"false",
    b'[1, "two"]',
    b"[]",
    b"{ a = 1 }",
    b'""',
)
LEAKS = ("Traceback", "<class", "object at 0x")
KINDS_OF_DAMAGE = ("delete_key", "retype_value", "garbage", "truncate", "duplicate_line")


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory, builtin_dir) -> Path:
    return copy_scenario(builtin_dir, tmp_path_factory.mktemp("fuzz") / "scenario")


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def _key_lines(lines: list[bytes]) -> list[int]:
    return [i for i, line in enumerate(lines) if KEY_LINE.match(line)] or list(range(len(lines)))


def damage(data, content: bytes) -> bytes:
    """One kind of damage, drawn from `data` (with short labels, so failures read well) and applied."""
    kind = data.draw(st.sampled_from(KINDS_OF_DAMAGE), label="damage")
    if kind == "garbage":
        at = data.draw(st.integers(0, len(content)), label="at byte")
        junk = data.draw(st.binary(min_size=1, max_size=24), label="garbage")
        return content[:at] + junk + content[at:]
    if kind == "truncate":
        return content[: data.draw(st.integers(0, len(content)), label="keep bytes")]
    lines = _lines(content)
    if not lines:
        return content
    if kind == "duplicate_line":
        i = data.draw(st.integers(0, len(lines) - 1), label="line index")
        return b"".join([*lines[: i + 1], lines[i], *lines[i + 1 :]])
    i = data.draw(st.sampled_from(_key_lines(lines)), label="line index")
    if kind == "delete_key":
        return b"".join(lines[:i] + lines[i + 1 :])
    key, sep, _ = lines[i].partition(b"=")
    value = data.draw(st.sampled_from(OTHER_VALUES), label="new value")
    new = key + sep + b" " + value + b"\n" if sep else value + b"\n"
    return b"".join([*lines[:i], new, *lines[i + 1 :]])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_damaged_content_gives_diagnostics_not_exceptions(fuzz_root, data):
    files = sorted(fuzz_root.rglob("*.toml"))
    target = data.draw(st.sampled_from(files), label="file")
    # the scenario file is damaged a third of the time: everything else depends on it
    if data.draw(st.integers(0, 2), label="scenario file?") == 0:
        target = fuzz_root / "content" / "scenario.toml"
    original = target.read_bytes()
    damaged = original
    try:
        for _ in range(data.draw(st.integers(1, 3), label="how many changes")):
            damaged = damage(data, damaged)
        target.write_bytes(damaged)

        scenario, diagnostics = read_scenario(fuzz_root)

        errors = [d for d in diagnostics if d.severity == "error"]
        assert (scenario is None) == bool(errors)
        for d in diagnostics:
            where = Path(d.file)
            assert where.exists(), d.render()
            assert d.line >= 1 and d.column >= 1, d.render()
            if where.is_file():
                assert d.line <= where.read_bytes().count(b"\n") + 1, d.render()
            assert d.severity in ("error", "warning")
            assert d.message.strip(), d.render()
            assert not any(leak in d.message for leak in LEAKS), d.render()
            json.dumps(d.as_json())
    finally:
        target.write_bytes(original)
