"""Map key paths in TOML source text to (line, column), so errors found after
parsing with tomllib can be reported as `file:LINE:COL: key.path: message`."""

from __future__ import annotations

import re
from bisect import bisect_right

Path = tuple[str | int, ...]

_MAX_DEPTH = 128

_SPACE = re.compile(r"[ \t\r\ufeff]*")
_BLANK = re.compile(r"(?:[ \t\r\n\ufeff]|#[^\n]*)*")
_KEY = re.compile(
    r"""[ \t\r\ufeff]*([A-Za-z0-9_-]+|"([^"\\\n]*(?:\\[^\n][^"\\\n]*)*)"?|'([^'\n]*)'?)[ \t\r\ufeff]*(\.)?"""
)
_SCALAR = re.compile(r"[^,\]}#\n]*")
# Strings are matched as runs of plain characters between escapes, so a megabyte of text costs one
# pass of the regex engine rather than one alternation per character.
_BASIC = re.compile(r'"[^"\\\n]*(?:\\[^\n][^"\\\n]*)*"?')
_LITERAL = re.compile(r"'[^'\n]*'?")
_ML_BASIC = re.compile(r'"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*(?:"{3,5})?', re.S)
_ML_LITERAL = re.compile(r"'''[^']*(?:'(?!'')[^']*)*(?:'{3,5})?")
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


def _unescape_one(m: re.Match[str]) -> str:
    digits = m.group(1) or m.group(2)
    if digits:
        code = int(digits, 16)
        return chr(code) if code < 0x110000 else m.group(0)
    return _ESCAPES.get(m.group(3), m.group(0))


class PositionIndex:
    """Positions of every key, table and array element found in one TOML text."""

    def __init__(self, text: str) -> None:
        if isinstance(text, (bytes, bytearray)):
            text = text.decode("utf-8", "replace")
        self._text = text if isinstance(text, str) else ""
        self._at: dict[Path, int] = {}
        self._aot: dict[Path, int] = {}
        self._starts: list[int] | None = None
        self._scan()

    def exact(self, path: Path) -> tuple[int, int] | None:
        """Line and column (both 1-based) where this path's key (or array element) starts, or None."""
        at = self._at.get(tuple(path))
        return None if at is None else self._line_col(at)

    def nearest(self, path: Path) -> tuple[int, int]:
        """Position of the longest prefix of `path` that exists; (1, 1) if none.
        For a missing key inside a table, that is the table's header line (or the inline table's key)."""
        path = tuple(path)
        for size in range(len(path), 0, -1):
            at = self._at.get(path[:size])
            if at is not None:
                return self._line_col(at)
        return (1, 1)

    def _line_col(self, at: int) -> tuple[int, int]:
        if self._starts is None:
            self._starts = [0] + [m.end() for m in re.finditer("\n", self._text)]
        line = bisect_right(self._starts, at)
        return line, at - self._starts[line - 1] + 1

    def _child(self, parent: Path | None, key: str | int, at: int) -> Path | None:
        if parent is None or len(parent) >= _MAX_DEPTH:
            return None
        path = (*parent, key)
        self._at.setdefault(path, at)
        return path

    def _scan(self) -> None:
        text, n = self._text, len(self._text)
        table: Path | None = ()
        i = 0
        while True:
            i = _BLANK.match(text, i).end()
            if i >= n:
                return
            if text[i] == "[":
                i, table = self._header(i)
            else:
                i = self._key_value(i, table)
            end = text.find("\n", i)
            i = n if end < 0 else end

    def _header(self, i: int) -> tuple[int, Path | None]:
        array = self._text.startswith("[[", i)
        segments, i = self._key(i + 2 if array else i + 1)
        if not segments:
            return i, None
        start = segments[0][1]
        path: Path | None = ()
        for key, at in segments[:-1]:
            path = self._child(path, key, at)
            if path in self._aot:
                path = (*path, self._aot[path] - 1)
        path = self._child(path, segments[-1][0], start)
        if path is None:
            return i, None
        if array:
            count = self._aot.get(path, 0)
            self._aot[path] = count + 1
            path = (*path, count)
        self._at[path] = start
        return i, path

    def _key_value(self, i: int, table: Path | None) -> int:
        segments, i = self._key(i)
        if not segments:
            return i
        path = table
        for key, at in segments:
            path = self._child(path, key, at)
        i = _SPACE.match(self._text, i).end()
        if self._text.startswith("=", i):
            i = self._value(i + 1, path)
        return i

    def _key(self, i: int) -> tuple[list[tuple[str, int]], int]:
        segments: list[tuple[str, int]] = []
        while True:
            m = _KEY.match(self._text, i)
            if m is None:
                return segments, _SPACE.match(self._text, i).end()
            token, basic, literal, dot = m.group(1, 2, 3, 4)
            if basic is not None:
                key = _ESCAPE.sub(_unescape_one, basic) if "\\" in basic else basic
            else:
                key = token if literal is None else literal
            segments.append((key, m.start(1)))
            i = m.end()
            if dot is None:
                return segments, i

    def _string_end(self, i: int) -> int:
        text = self._text
        if text.startswith('"""', i):
            return _ML_BASIC.match(text, i).end()
        if text.startswith("'''", i):
            return _ML_LITERAL.match(text, i).end()
        return (_BASIC if text[i] == '"' else _LITERAL).match(text, i).end()

    def _value(self, i: int, path: Path | None) -> int:
        text, n = self._text, len(self._text)
        stack: list[list] = []
        expecting = True
        while True:
            if expecting:
                i = (_BLANK if stack else _SPACE).match(text, i).end()
                c = text[i : i + 1]
                if c == "[" or c == "{":
                    stack.append([path, c == "[", 0])
                    i += 1
                elif c == '"' or c == "'":
                    i = self._string_end(i)
                else:
                    i = _SCALAR.match(text, i).end()
                if not stack:
                    return i
                expecting = False
            i = _BLANK.match(text, i).end()
            if i >= n:
                return i
            parent, is_array, count = stack[-1]
            c = text[i]
            if c == ("]" if is_array else "}"):
                stack.pop()
                i += 1
                if not stack:
                    return i
            elif c in ",]}":
                i += 1
            elif is_array:
                stack[-1][2] = count + 1
                path = self._child(parent, count, i)
                expecting = True
            else:
                segments, j = self._key(i)
                if not segments:
                    i += 1
                    continue
                path = parent
                for key, at in segments:
                    path = self._child(path, key, at)
                i = _SPACE.match(text, j).end()
                if text.startswith("=", i):
                    i += 1
                expecting = True


def index_positions(text: str) -> PositionIndex:
    """Scan TOML source text and return the positions of all its key paths."""
    return PositionIndex(text)
