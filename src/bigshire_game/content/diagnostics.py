"""Problems found in content, located to a file, line and key, in words a facilitator understands."""

from __future__ import annotations

import difflib
import functools
import heapq
import re
from collections.abc import Iterable

from attrs import field, frozen

KeyPath = tuple[str | int, ...]

SHOWN_CHARS = 60  # a quoted value longer than this is cut, so a huge text cannot flood the screen
MAX_MESSAGE = 2000


def printable(text: str) -> str:
    """The text with every invisible or screen-moving character written as an escape (\\x1b, \\u2028),
    so a hostile value can never recolour a terminal or break a `file:line:` line in two."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _escape(c) for c in text)


def _escape(c: str) -> str:
    code = ord(c)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


_QUOTED = re.compile(r'"([^"]*)"')


def _cut(m: re.Match[str]) -> str:
    quoted = m.group(1)
    return f'"{quoted[:SHOWN_CHARS]}…"' if len(quoted) > SHOWN_CHARS else m.group(0)


def shortened(message: str) -> str:
    """The message with each long quoted value cut to its first characters and an ellipsis, then made printable."""
    if len(message) > SHOWN_CHARS:
        message = _QUOTED.sub(_cut, message)
        if len(message) > MAX_MESSAGE:
            message = message[:MAX_MESSAGE] + "…"
    return printable(message)


def _shown_path(path: KeyPath) -> KeyPath:
    return tuple(
        p if isinstance(p, int) else printable(p if len(p) <= SHOWN_CHARS else p[:SHOWN_CHARS] + "…") for p in path
    )


@frozen
class Diagnostic:
    """One problem; whatever a hostile file puts in it is shown shortened and escaped."""

    file: str = field(converter=printable)
    line: int
    column: int
    path: KeyPath = field(converter=_shown_path)
    message: str = field(converter=shortened)
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
    if len(word) > SHOWN_CHARS:  # nobody mistypes a word this long, and difflib would take its time
        return ""
    unique = frozenset(choices)
    if len(unique) > _INDEXED:  # a deck of thousands of cards: compare with the near misses only
        index = _near_misses(unique)
        unique = frozenset(c for form in _forms(word.lower()) for c in index.get(form, ()))
    pool = sorted(unique)
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    if not close and word.lower() != word:
        close = difflib.get_close_matches(word.lower(), pool, n=1, cutoff=0.6)
    return f' Did you mean "{close[0]}"?' if close else ""


_INDEXED = 200  # beyond this many choices, difflib on each would make validation quadratic in the cards


def _forms(word: str) -> set[str]:
    """The word and the word with any one letter left out: two words an edit or two apart share one."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


@functools.lru_cache(maxsize=8)
def _near_misses(pool: frozenset[str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for choice in pool:
        if len(choice) <= SHOWN_CHARS:
            for form in _forms(choice.lower()):
                index.setdefault(form, []).append(choice)
    return {form: tuple(found) for form, found in index.items()}


def one_of(choices: Iterable[str], limit: int = 12) -> str:
    """A readable list of allowed words, shortened when long."""
    unique = set(choices)
    shown = ", ".join(f'"{c}"' for c in heapq.nsmallest(limit, unique))
    return shown + (f" (and {len(unique) - limit} more)" if len(unique) > limit else "")


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
