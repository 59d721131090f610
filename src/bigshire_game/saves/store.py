"""Saves on disk: atomic writes, safe names, and the rotating autosaves a crash cannot corrupt."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import SaveError, shown
from .record import Checkpoint, GameRecord, dumps, record_of

if TYPE_CHECKING:
    from ..session import Session

SUFFIX = ".toml"
AUTOSAVE = "autosave"
LATEST = "latest"
_TEMP = re.compile(r"\..+\.tmp$")
_NUMBERED = re.compile(r"(\d{6})\.toml$")
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')


# --- writing ---------------------------------------------------------------------------------------


def atomic_write(path: Path, text: str) -> None:
    """Write all or nothing: a temporary file in the same folder, fsynced, renamed over the target."""
    data = text.encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise SaveError(path, 0, f"cannot write a save here: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        with suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise SaveError(path, 0, f"cannot write this save: {exc.strerror or exc}") from None
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; folders cannot be opened this way on Windows, which is fine there."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_record(record: GameRecord, path: str | os.PathLike[str], force: bool = False) -> Path:
    """Write a save atomically; an existing file is replaced only with `force`."""
    path = Path(path)
    if path.exists() and not force:
        raise SaveError(
            path, 0, "a save with this name already exists; choose another name, or use --force to replace it"
        )
    atomic_write(path, dumps(record))
    return path


# --- names -----------------------------------------------------------------------------------------


def save_path(saves_dir: str | os.PathLike[str], name: str) -> Path:
    """The file for a save name typed by a user, always directly inside `saves_dir` (created if needed)."""
    saves_dir = Path(saves_dir)
    plain = name.strip()
    if not plain:
        raise SaveError(name or '""', 0, "a save needs a name")
    if "/" in plain or "\\" in plain or (os.altsep and os.altsep in plain):
        raise SaveError(
            name, 0, "a save name cannot contain / or \\: give a plain name; --saves DIR chooses the folder"
        )
    if plain.startswith("."):
        raise SaveError(name, 0, "a save name cannot start with a dot: give a plain name such as tuesday-group")
    if _UNSAFE.search(plain):
        raise SaveError(name, 0, 'a save name cannot contain control characters or any of < > : " | ? *')
    if not plain.endswith(SUFFIX):
        plain += SUFFIX
    try:
        saves_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SaveError(saves_dir, 0, f"cannot make the saves folder: {exc.strerror or exc}") from None
    return saves_dir / plain


def find_save(name: str | os.PathLike[str], saves_dir: str | os.PathLike[str] = "saves") -> Path:
    """The file a user means: a path (".toml" optional), a name in the saves folder, or "latest"."""
    saves_dir = Path(saves_dir)
    text = os.fspath(name)
    if text == LATEST:
        path = saves_dir / AUTOSAVE / f"{LATEST}{SUFFIX}"
        if not path.is_file():
            raise SaveError(path, 0, "there is no autosave yet: autosaves are written once a game has begun")
        return path
    given = Path(text)
    candidates = [given, given.with_name(given.name + SUFFIX)]
    if not given.is_absolute() and given.parent == Path():
        candidates += [saves_dir / given, saves_dir / (given.name + SUFFIX)]
    for path in candidates:
        if path.is_file():
            return path
    raise SaveError(text, 0, f"there is no such save (looked for it as given and in {shown(saves_dir)}/)")


def list_saves(saves_dir: str | os.PathLike[str]) -> list[Path]:
    """Named saves in the folder, then the latest autosave, if any."""
    saves_dir = Path(saves_dir)
    found = sorted(p for p in saves_dir.glob(f"*{SUFFIX}") if p.is_file() and not p.name.startswith("."))
    latest = saves_dir / AUTOSAVE / f"{LATEST}{SUFFIX}"
    return found + ([latest] if latest.is_file() else [])


# --- autosaves -------------------------------------------------------------------------------------


class Autosaver:
    """Use as `Session.on_change`: after every move or phase, write `NNNNNN.toml`, keep the last `keep`,
    and refresh `latest.toml`. Each file is written atomically, so a crash leaves only whole saves.

    Front ends may update `label`, `checkpoints` and `pins`; they go into the next autosave.
    """

    def __init__(
        self,
        folder: str | os.PathLike[str],
        keep: int = 10,
        label: str = "autosave",
        checkpoints: Iterable[Checkpoint] = (),
        pins: Mapping[str, str] | None = None,
    ) -> None:
        if keep < 1:
            raise ValueError("keep at least one autosave")
        self.folder = Path(folder)
        self.keep = keep
        self.label = label
        self.checkpoints: list[Checkpoint] = list(checkpoints)
        self.pins: dict[str, str] = dict(pins or {})
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError(self.folder, 0, f"cannot make the autosave folder: {exc.strerror or exc}") from None
        for stale in self.folder.iterdir():  # left by a write that a crash interrupted
            if _TEMP.fullmatch(stale.name):
                with suppress(OSError):
                    stale.unlink()
        self.written = sorted(int(m.group(1)) for p in self.folder.iterdir() if (m := _NUMBERED.fullmatch(p.name)))
        self._last: tuple[object, int] | None = None

    def __call__(self, session: Session) -> Path | None:
        """Autosave the session; None when nothing changed since the last autosave. A SaveError (a full
        disk, say) reaches the front end after the move has been made, so the game itself is safe."""
        if self._last is not None and self._last[0] is session.state and self._last[1] == len(session.moves):
            return None
        text = dumps(record_of(session, self.label, checkpoints=self.checkpoints, pins=self.pins))
        number = (self.written[-1] + 1) if self.written else 1
        path = self.folder / f"{number:06d}{SUFFIX}"
        atomic_write(path, text)
        self.written.append(number)
        atomic_write(self.folder / f"{LATEST}{SUFFIX}", text)
        while len(self.written) > self.keep:
            with suppress(FileNotFoundError):
                (self.folder / f"{self.written.pop(0):06d}{SUFFIX}").unlink()
        self._last = (session.state, len(session.moves))
        return path
