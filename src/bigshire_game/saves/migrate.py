"""Older save formats, brought up to date one step at a time before a save is read.

`MIGRATIONS[n]` turns a parsed format-n file into a format-(n+1) file, so any
older save reaches `FORMAT` by a chain of small, separately tested steps.

Format 0 never shipped: it is a save without `label` and `file_hashes`, kept so
that the migration path is exercised by tests before a real format 2 exists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .record import FORMAT

Raw = dict[str, Any]


def _from_0(raw: Raw) -> tuple[Raw, str]:
    save = dict(raw["save"])
    save.setdefault("label", "")
    save.setdefault("file_hashes", {})  # unknown: a changed scenario cannot name its changed files
    save["format"] = 1
    return {**raw, "save": save}, "it was saved before saves named their scenario's files"


MIGRATIONS: dict[int, Callable[[Raw], tuple[Raw, str]]] = {0: _from_0}


def migrate(raw: Raw, found: int) -> tuple[Raw, list[str]]:
    """The file in the current format, and a note for each step taken.
    The caller has checked that `found` is a whole number no newer than FORMAT."""
    notes = []
    for step in range(found, FORMAT):
        raw, note = MIGRATIONS[step](raw)
        notes.append(f"this save was written in format {step} and has been read as format {step + 1}: {note}")
    return raw, notes


def readable(found: int) -> bool:
    """Whether a chain of migrations leads from this format to the current one."""
    return found == FORMAT or (0 <= found < FORMAT and all(step in MIGRATIONS for step in range(found, FORMAT)))
