"""Guards for reading files a stranger wrote: only ordinary files, never more than a cap, parsed
TOML that cannot crash what reads it next. Content and saves share them, so neither can be made
to hang, exhaust memory or print a traceback by a hostile file.
"""

from __future__ import annotations

import functools
import math
import os
import re
import stat
import tomllib
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .diagnostics import KeyPath

MAX_FILE_BYTES = 8 * 1024 * 1024  # a 5,000-card deck is about 4 MB
MAX_DEPTH = 32  # tables and lists inside each other; real content uses fewer than 8
MAX_TEXT = 20_000  # characters in one text; the longest sentence shipped is under 1,000
MAX_KEY = 200  # characters in one key
MAX_LINE = 100_000  # characters on one line: a longer one is refused before parsing, which would take seconds
MAX_REPORTED = 10  # hostile values reported per file; the rest are counted
INT64 = (-(2**63), 2**63 - 1)

# Characters that move the cursor, recolour the terminal or reorder text: C0 and C1 controls
# (tab, line feed and carriage return are ordinary in text), the Unicode line and paragraph
# separators and the bidirectional overrides and isolates.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROL_IN_KEY = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_LONG_NUMBER = re.compile(r"[0-9][0-9_]{4299,}")


class FileRefused(Exception):
    """A file not read at all, with the reason in the words of the person who gave it."""


def read_capped(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES, what: str = "file of content") -> bytes:
    """The bytes of an ordinary file no bigger than `limit`; FileRefused for anything else.

    Devices, pipes and folders are refused before they are opened, and the read stops at
    `limit` + 1 bytes whatever the file claims its size is (a link to /dev/zero never ends).
    """
    try:
        info = os.stat(path)
        refusal = _not_a_file(path, info.st_mode)
        if refusal:
            raise FileRefused(refusal)
        if info.st_size > limit:
            raise FileRefused(_too_big(info.st_size, limit, what))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        if os.path.islink(path):
            raise FileRefused("this is a link to a file that is not there") from None
        raise FileRefused("cannot read this file: it is not there") from None
    except OSError as exc:
        raise FileRefused(f"cannot read this file: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        refusal = _not_a_file(path, info.st_mode)  # swapped for something else since the stat above
        if refusal:
            raise FileRefused(refusal)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise FileRefused(f"cannot read this file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise FileRefused(_too_big(size, limit, what, at_least=True))
    return b"".join(chunks)


def _not_a_file(path: str | os.PathLike[str], mode: int) -> str:
    if stat.S_ISREG(mode):
        return ""
    kind = (
        "a folder"
        if stat.S_ISDIR(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "a named pipe"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "not an ordinary file"
    )
    link = "a link to " if os.path.islink(path) else ""
    return f"this is {link}{kind}, not a file: only ordinary text files are read"


def _too_big(size: int, limit: int, what: str, at_least: bool = False) -> str:
    shown = f"more than {limit:,}" if at_least else f"{size:,}"  # at least: only limit + 1 bytes were read
    return f"this file is too big ({shown} bytes); a {what} may be at most {_megabytes(limit)}"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")


def toml_files(folder: Path) -> tuple[list[Path], str]:
    """The *.toml files in a folder (hidden ones left out, as editors' lock files are), sorted, and why the folder could not be listed ('' when it could)."""
    try:
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if e.name.endswith(".toml") and not e.name.startswith("."))
    except FileNotFoundError:
        return [], ""
    except NotADirectoryError:
        return [], "this is not a folder"
    except OSError as exc:
        return [], f"cannot list this folder: {exc.strerror or exc}"
    return [folder / name for name in names], ""


def parse_checked(text: str) -> tuple[dict[str, Any] | None, tuple[int, int, str] | None, list[tuple[KeyPath, str]]]:
    """`parse_toml` and `hostile_values` together, remembered for the last few texts of ordinary
    size: the same scenario is read again and again (each save loaded, each game of a sweep, the
    built-in sentences under every scenario). The tables returned are shared: never change them."""
    if len(text) > _CACHED_CHARS:
        return _parse_checked(text)
    return _parse_checked_cached(text)


_CACHED_CHARS = 1 << 20


def _parse_checked(text: str) -> tuple[dict[str, Any] | None, tuple[int, int, str] | None, list[tuple[KeyPath, str]]]:
    raw, failure = parse_toml(text)
    return raw, failure, hostile_values(raw) if raw is not None else []


_parse_checked_cached = functools.lru_cache(maxsize=64)(_parse_checked)


def parse_toml(text: str) -> tuple[dict[str, Any] | None, tuple[int, int, str] | None]:
    """tomllib's reading, with the failures it does not report as TOML errors turned into
    (line, column, message); tomllib.TOMLDecodeError itself is left to the caller to word."""
    lines = text.split("\n")
    longest = max(lines, key=len)
    if len(longest) > MAX_LINE:
        number = lines.index(longest) + 1
        return None, (number, 1, f"this line is {len(longest):,} characters long; a line may be at most {MAX_LINE:,}")
    for number, line in enumerate(lines, 1):  # tomllib takes time growing with the square of a key's parts
        if line.count(".") > MAX_DEPTH and line.partition("=")[0].count(".") > MAX_DEPTH:
            return None, (number, 1, f"this key has more than {MAX_DEPTH} parts: tables are never nested that deep")
    try:
        return tomllib.loads(text), None
    except RecursionError:
        line, col = _deepest(text)
        return None, (line, col, f"tables or lists are nested too deeply (more than {MAX_DEPTH} inside each other)")
    except ValueError as exc:
        if isinstance(exc, tomllib.TOMLDecodeError):
            raise
        match = _LONG_NUMBER.search(text)
        at = match.start() if match else 0
        line = text.count("\n", 0, at) + 1
        return None, (line, at - text.rfind("\n", 0, at), "this number has too many digits (more than 4,300)")


def _deepest(text: str) -> tuple[int, int]:
    """Roughly where nesting first goes past the limit: brackets counted, quotes and comments skipped."""
    depth, quote, i, n = 0, "", 0, len(text)
    while i < n:
        c = text[i]
        if quote:
            if c == "\\" and quote == '"':
                i += 1
            elif c == quote or c == "\n":
                quote = ""
        elif c in "\"'":
            quote = c
        elif c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        elif c in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return text.count("\n", 0, i) + 1, i - text.rfind("\n", 0, i)
        elif c in "]}":
            depth = max(depth - 1, 0)
        i += 1
    for number, line in enumerate(text.splitlines(), 1):  # no brackets: a dotted key or [table.name] too long
        if line.count(".") > MAX_DEPTH:
            return number, 1
    return 1, 1


def hostile_values(raw: dict[str, Any], texts: bool = True) -> list[tuple[KeyPath, str]]:
    """Values that parse as TOML but would hang, crash or garble what reads them next:
    nesting too deep, numbers outside 64 bits, NaN and infinities and (with `texts`) texts
    too long or holding control characters."""
    found: list[tuple[KeyPath, str]] = []
    more: list[KeyPath] = []
    for path, message in _walk(raw, texts):
        if len(found) < MAX_REPORTED:
            found.append((path, message))
        else:
            more.append(path)
    if more:
        n = len(more)
        found.append(
            (
                more[0],
                f"{n} more problem{'s' * (n != 1)} of these kinds {'are' if n != 1 else 'is'} not listed; the first is here",
            )
        )
    return found


def _walk(raw: dict[str, Any], texts: bool) -> Iterator[tuple[KeyPath, str]]:
    """Depth first, without recursion (the nesting is what is being checked); scalars checked in place."""
    stack: list[tuple[KeyPath, dict[str, Any] | list[Any]]] = [((), raw)]
    while stack:
        path, value = stack.pop()
        if len(path) > MAX_DEPTH:
            yield path, f"tables or lists are nested too deeply (more than {MAX_DEPTH} inside each other)"
            continue
        children = []
        for key, item in value.items() if isinstance(value, dict) else enumerate(value):
            # the common cases first, at C speed: a 5,000-card deck holds some 200,000 values
            problem = _key_problem(key) if texts and type(key) is str and not _plain(key, MAX_KEY) else ""
            if problem:
                yield (*path, key), problem
                continue
            kind = type(item)
            if kind is dict or kind is list:
                children.append(((*path, key), item))
            elif (
                (kind is str and (not texts or _plain(item, MAX_TEXT)))
                or kind is bool
                or (kind is int and INT64[0] <= item <= INT64[1])
            ):
                continue
            else:
                problem = value_problem(item)
                if problem:
                    yield (*path, key), problem
        stack.extend(reversed(children))


def _plain(text: str, limit: int) -> bool:
    return len(text) <= limit and text.isprintable()


def _key_problem(key: str) -> str:
    if len(key) > MAX_KEY:
        return f"this key is {len(key):,} characters long; a key may be at most {MAX_KEY}"
    found = _CONTROL_IN_KEY.search(key)
    return f"this key holds {_character(found.group())}, which would garble the screen; remove it" if found else ""


def value_problem(value: Any) -> str:
    """Why one parsed value cannot be used, or ''."""
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        if not INT64[0] <= value <= INT64[1]:
            return "this number is too large: a whole number may be from -9223372036854775808 to 9223372036854775807"
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return "nan (not a number) is not a value any key takes: write a number such as 2.5"
        if math.isinf(value):
            return "an infinite number is not a value any key takes: write a number such as 2.5"
        return ""
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            return f"this text is {len(value):,} characters long; a text may be at most {MAX_TEXT:,}"
        found = _CONTROL.search(value)
        if found:
            return (
                f"this text holds {_character(found.group())} at character {found.start() + 1}, which would garble "
                "the screen; remove it"
            )
    return ""


def _character(c: str) -> str:
    name = unicodedata.name(c, "")
    return f"the invisible character U+{ord(c):04X}" + (f" ({name})" if name else " (a control character)")
