"""Writing a trainer's files whole or not at all: a temporary file beside each target, renamed over it only
when everything was written, so an interrupted sweep or a refused save never leaves half a file behind."""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO

from ..saves.store import umask
from .events import Column


class ExportError(Exception):
    """A file that cannot be written, in one line: the file and the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{os.fspath(path)}: {reason}")


class Output:
    """One file being written: gzipped when its name ends in `.gz` (with no time or name in the header, so
    the same content gives the same bytes); it appears under its own name only at `commit`."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            raise ExportError(self.path, "is a folder; give a file name")
        if self.path.exists() and not self.path.is_file():  # renaming over a device or a pipe would replace it
            raise ExportError(self.path, "is not a plain file (a device or a pipe?); give a file name")
        folder = self.path.parent
        if not folder.is_dir():
            raise ExportError(self.path, f"there is no folder {os.fspath(folder)} to write it in")
        try:
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{self.path.name[:40]}.", suffix=".tmp")
        except OSError as exc:
            raise ExportError(self.path, f"cannot write here: {exc.strerror or exc}") from None
        self._tmp = Path(tmp)
        self._raw: IO[bytes] = os.fdopen(fd, "wb")
        self._out: IO[bytes] = (
            gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, mtime=0)
            if self.path.name.endswith(".gz")
            else self._raw
        )

    def write(self, text: str) -> None:
        try:
            self._out.write(text.encode("utf-8"))
        except OSError as exc:
            raise ExportError(self.path, f"cannot write: {exc.strerror or exc}") from None

    def commit(self) -> None:
        """Finish the file and put it in place of any file of that name."""
        try:
            if self._out is not self._raw:
                self._out.close()
            self._raw.flush()
            os.fsync(self._raw.fileno())
            self._raw.close()
            os.chmod(self._tmp, 0o666 & ~umask())
            os.replace(self._tmp, self.path)
        except OSError as exc:
            self.discard()
            raise ExportError(self.path, f"cannot write: {exc.strerror or exc}") from None

    def discard(self) -> None:
        """Leave no trace: the temporary file is removed and the target is untouched."""
        for stream in (self._out, self._raw):
            with contextlib.suppress(OSError):
                stream.close()
        with contextlib.suppress(OSError):
            self._tmp.unlink()


@contextlib.contextmanager
def outputs(*paths: str | os.PathLike[str] | None):
    """Open every named output before any work is done (None: not wanted); commit them all when the block
    ends normally, discard them all when it does not."""
    opened: list[Output | None] = []
    try:
        for path in paths:
            opened.append(Output(path) if path is not None else None)
        yield opened
    except BaseException:
        for out in opened:
            if out is not None:
                out.discard()
        raise
    pending = [out for out in opened if out is not None]
    try:
        while pending:
            pending[0].commit()
            pending.pop(0)
    finally:
        for out in pending:  # one could not be finished: the ones after it are not left half-made either
            out.discard()


def cell(value: object) -> str:
    """A CSV cell pandas and R both read back as the value: true/false, numbers in full, text as it is."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([cell(v) for v in row] for row in rows)
    return buffer.getvalue()


def csv_header(columns: Sequence[Column]) -> str:
    return csv_text([[c.name for c in columns]])
