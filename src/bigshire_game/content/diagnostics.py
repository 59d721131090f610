"""Problems found in content, located to a file, line and key, in words a facilitator understands."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from attrs import frozen

KeyPath = tuple[str | int, ...]


@frozen
class Diagnostic:
    file: str
    line: int
    column: int
    path: KeyPath
    message: str
    severity: str = "error"  # error | warning

    def render(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        key = dotted(self.path)
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}: {key}: {prefix}{self.message}" if key else f"{where}: {prefix}{self.message}"

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": dotted(self.path),
            "severity": self.severity,
            "message": self.message,
        }


def dotted(path: KeyPath) -> str:
    """`cards[2].effects[0].amount`, the way facilitators see keys in their file."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def suggest(word: str, choices: Iterable[str]) -> str:
    """A ' Did you mean "x"?' suffix when a close match exists, else ''."""
    pool = sorted(set(choices))
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    if not close and word.lower() != word:
        close = difflib.get_close_matches(word.lower(), pool, n=1, cutoff=0.6)
    return f' Did you mean "{close[0]}"?' if close else ""


def one_of(choices: Iterable[str], limit: int = 12) -> str:
    """A readable list of allowed words, shortened when long."""
    pool = sorted(set(choices))
    shown = ", ".join(f'"{c}"' for c in pool[:limit])
    return shown + (f" (and {len(pool) - limit} more)" if len(pool) > limit else "")


def describe(value: object) -> str:
    """How a TOML value looks to the person who wrote it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        short = value if len(value) <= 30 else value[:27] + "..."
        return f'the text "{short}"'
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return "a date or time" if value is not None else "nothing"
