"""The one error every save operation raises: a file, a line and a reason a trainer can act on."""

from __future__ import annotations

import os
from pathlib import Path

from ..content.diagnostics import printable, shortened


class SaveError(Exception):
    """A save that cannot be read or written; `line` is 0 when the problem is the whole file."""

    def __init__(self, file: str | os.PathLike[str], line: int, reason: str, *, lines: bool = False) -> None:
        self.file = printable(shown(file))
        self.line = line
        # A hostile save's values are shown cut short and escaped; only a reason written as several
        # `lines` (a table of games) keeps its line breaks.
        parts = reason.split("\n") if lines else [reason]
        self.reason = "\n".join(shortened(part) for part in parts)
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}" if self.line else f"{self.file}: {self.reason}"


def shown(path: str | os.PathLike[str]) -> str:
    """The path as the user would type it: relative to where they are, when it is below it."""
    path = Path(path)
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return rel if not rel.startswith("..") else str(path)
