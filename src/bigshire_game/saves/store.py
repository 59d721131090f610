"""Saves on disk: atomic writes, safe names, each game's rotating autosaves, and finding a game again.

Autosaves go to `autosave/<game id>/`, one folder per game, each with its own
`latest.toml`, so two tables sharing a saves folder never overwrite each other.
Saves of format 1 kept a single `autosave/latest.toml`; it is still found.
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from collections.abc import Iterable, Mapping
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
from attrs import frozen

from ..content.guards import FileRefused, parse_toml, read_capped
from ..session import BOT, CHECKPOINT
from .errors import SaveError, shown
from .lock import AUTOSAVE, GameLock
from .migrate import migrate, readable
from .read import GAME_ID, MAX_SAVE_BYTES
from .record import END, Checkpoint, GameRecord, dumps, record_of

if TYPE_CHECKING:
    from ..session import Session

SUFFIX = ".toml"
LATEST = "latest"
_TEMP = re.compile(r"\..+\.tmp$")
_NUMBERED = re.compile(r"(\d{6})\.toml$")
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')
_TEMP_AFFIX = 16  # what a temporary file adds to a name: ".", ".", 8 random characters, ".tmp"


# --- writing ---------------------------------------------------------------------------------------


def umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    with suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write(path: Path, text: str, private: bool = False) -> None:
    """Write all or nothing: a temporary file in the same folder, fsynced, renamed over the target.
    The file gets the permissions the user's umask gives new files; owner-only when `private`."""
    data = text.encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:40]}.", suffix=".tmp")
    except OSError as exc:
        raise SaveError(path, 0, f"cannot write a save here: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, (0o600 if private else 0o666) & ~umask())
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
    """Write a save atomically (owner-only when it holds PIN hashes); an existing file is replaced only with `force`."""
    path = Path(path)
    if _is_file(path) and not force:
        raise SaveError(
            path, 0, "a save with this name already exists; choose another name, or use --force to replace it"
        )
    atomic_write(path, dumps(record), private=bool(record.pins))
    return path


# --- names -----------------------------------------------------------------------------------------


def _name_max(folder: Path) -> int:
    """The longest file name, in bytes, the folder's file system allows (255 on most)."""
    for probe in (folder, *folder.parents):
        with suppress(OSError, ValueError, AttributeError):
            if probe.exists():
                return int(os.pathconf(probe, "PC_NAME_MAX"))
    return 255


def _short(name: str) -> str:
    return name if len(name) <= 40 else name[:37] + "..."


def save_path(saves_dir: str | os.PathLike[str], name: str) -> Path:
    """The file for a save name typed by a user, always directly inside `saves_dir` (created if needed)."""
    saves_dir = Path(saves_dir)
    plain = name.strip()
    if not plain:
        raise SaveError(name or '""', 0, "a save needs a name")
    if "/" in plain or "\\" in plain or (os.altsep and os.altsep in plain):
        raise SaveError(
            _short(name), 0, "a save name cannot contain / or \\: give a plain name; --saves DIR chooses the folder"
        )
    if plain.startswith("."):
        raise SaveError(_short(name), 0, "a save name cannot start with a dot: give a plain name such as tuesday-group")
    if _UNSAFE.search(plain):
        raise SaveError(_short(name), 0, 'a save name cannot contain control characters or any of < > : " | ? *')
    if not plain.endswith(SUFFIX):
        plain += SUFFIX
    longest = _name_max(saves_dir) - _TEMP_AFFIX
    size = len(plain.encode("utf-8", "surrogatepass"))
    if size > longest:
        raise SaveError(
            _short(name),
            0,
            f"this save name is too long for the file system: it takes {size} bytes with {SUFFIX}, and names "
            f"here can take at most {longest} (an accented letter takes two or more); choose a shorter name",
        )
    try:
        saves_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SaveError(saves_dir, 0, f"cannot make the saves folder: {exc.strerror or exc}") from None
    return saves_dir / plain


def _is_file(path: Path) -> bool:
    """Path.is_file, but False for a name the file system cannot even look up (too long, say)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _odd(path: Path) -> bool:
    """There, but not a file: anything but a folder, or a folder named like a save."""
    try:
        return os.path.lexists(path) and (not path.is_dir() or path.name.endswith(SUFFIX))
    except (OSError, ValueError):
        return False


# --- games -----------------------------------------------------------------------------------------


@frozen(kw_only=True)
class GameSummary:
    """One game in a saves folder, as a listing shows it: enough for a group to recognise its own."""

    game: str
    name: str
    scenario: str
    seed: int
    people: tuple[str, ...]  # the seats held by people (not the computer)
    month: str  # the month reached
    when: str  # when its latest autosave was written, "2026-11-22T09:00:00Z"
    path: Path  # its latest autosave
    checkpoints: tuple[Checkpoint, ...] = ()
    parent: str = ""
    finished: bool = False
    legacy: bool = False  # the single autosave/latest.toml of format 1
    saves: tuple[Path, ...] = ()  # named saves of this game in the saves folder

    @property
    def title(self) -> str:
        """What to type after --load: the game's name, or its id."""
        return self.name or self.game


class ManyGames(SaveError):
    """ "latest" (or a name) fits more than one game: `games` lists them, most recent first."""

    def __init__(self, file: str | os.PathLike[str], games: list[GameSummary], intro: str) -> None:
        self.games = games
        table = games_table(games)
        super().__init__(file, 0, f"{intro}\n{table}\nGive one of them with --load NAME_OR_ID.", lines=True)


def games_table(games: Iterable[GameSummary]) -> str:
    """The games as aligned lines: name or id, scenario, seed, seats, last month played, when."""
    from ..content import month_label

    rows = []
    for g in games:
        title = f"{g.name} ({g.game})" if g.name else g.game
        month = month_label(g.month) if g.month else "not begun"
        rows.append(
            (
                title,
                f"{g.scenario}, seed {g.seed}",
                ", ".join(g.people) if g.people else "computer only",
                month + (" (finished)" if g.finished else ""),
                "saved " + _when(g.when),
            )
        )
    if not rows:
        return ""
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "\n".join(
        "  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[4]
        for row in rows
    )


def _when(created: str) -> str:
    return created.replace("T", " ").replace("Z", " UTC")


def _summary(path: Path, legacy: bool = False) -> GameSummary | None:
    """A save's summary read from its header, seats and table only (the move log and the position are
    skipped, so a listing stays quick); None when it is not a whole save. Loading checks the rest."""
    try:
        text = read_capped(path, MAX_SAVE_BYTES, "save").decode("utf-8")
    except (FileRefused, UnicodeDecodeError):
        return None
    if not text.rstrip("\r\n \t").endswith(END.strip()):
        return None  # cut short
    head = text.split("\n[[moves]]", 1)[0].split("\n[state]", 1)[0]
    try:
        raw, _ = parse_toml(head)
        if raw is None:  # nested too deeply or a number too long: not a save to list
            return None
        found = raw["save"]["format"]
        if not isinstance(found, int) or isinstance(found, bool) or not readable(found):
            return None
        raw, _ = migrate(raw, found)
        save, table = raw["save"], raw.get("table", {})
        seats = raw.get("seats", {})
        log = table.get("log", [])
        checkpoints = tuple(
            Checkpoint(label=str(e.get("label", "")), moves=int(e.get("after", 0)), month=str(e.get("month", "")))
            for e in log
            if isinstance(e, dict) and e.get("kind") == CHECKPOINT
        )
        game, seed = save["game"], save["seed"]
        if not isinstance(game, str) or not GAME_ID.fullmatch(game) or not isinstance(seed, int):
            return None
        state = text.split("\n[state]\n", 1)[1] if "\n[state]\n" in text else ""
        return GameSummary(
            game=game,
            name=str(save.get("name", "")),
            scenario=str(save.get("scenario", "")),
            seed=seed,
            people=tuple(dict.fromkeys(str(s) for s in seats.values() if s != BOT)),
            month=str(save.get("month", "")),
            when=str(save.get("created", "")),
            path=path,
            checkpoints=checkpoints,
            parent=str(save.get("parent", "")),
            finished=bool(re.search(r"^finished = true$", state.split("\n[", 1)[0], re.M)),
            legacy=legacy,
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError, AttributeError):
        return None


def _newest_readable(folder: Path) -> GameSummary | None:
    """A game folder's latest autosave, or its newest numbered one that is whole if `latest` is not."""
    numbered = sorted((p for p in folder.glob(f"*{SUFFIX}") if _NUMBERED.fullmatch(p.name)), reverse=True)
    for path in [folder / f"{LATEST}{SUFFIX}", *numbered]:
        if _is_file(path):
            found = _summary(path)
            if found is not None:
                return found
    return None


def _autosaved_games(saves_dir: Path) -> list[GameSummary]:
    folder = saves_dir / AUTOSAVE
    games: dict[str, GameSummary] = {}
    try:
        subs = sorted(p for p in folder.iterdir() if p.is_dir() and GAME_ID.fullmatch(p.name))
    except OSError:
        subs = []
    for sub in subs:
        found = _newest_readable(sub)
        if found is not None:
            games.setdefault(found.game, found)
    legacy = folder / f"{LATEST}{SUFFIX}"
    if _is_file(legacy):
        found = _summary(legacy, legacy=True)
        if found is not None and found.game not in games:  # once resumed, an old game autosaves into its own folder
            games[found.game] = found
    return sorted(games.values(), key=lambda g: (g.when, _mtime(g.path)), reverse=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _named(saves_dir: Path) -> list[tuple[Path, GameSummary | None]]:
    paths = sorted(p for p in saves_dir.glob(f"*{SUFFIX}") if _is_file(p) and not p.name.startswith("."))
    return [(path, _summary(path)) for path in paths]


def list_games(saves_dir: str | os.PathLike[str]) -> list[GameSummary]:
    """The games that have autosaves in this folder, most recent first, each with its named saves."""
    saves_dir = Path(saves_dir)
    games = _autosaved_games(saves_dir)
    named: dict[str, list[Path]] = {}
    for path, summary in _named(saves_dir):
        if summary is not None:
            named.setdefault(summary.game, []).append(path)
    return [attrs.evolve(g, saves=tuple(named[g.game])) if g.game in named else g for g in games]


def list_saves(saves_dir: str | os.PathLike[str]) -> list[Path]:
    """Named saves in the folder, then each game's latest autosave."""
    saves_dir = Path(saves_dir)
    found = sorted(p for p in saves_dir.glob(f"*{SUFFIX}") if _is_file(p) and not p.name.startswith("."))
    return found + [g.path for g in _autosaved_games(saves_dir)]


def find_save(name: str | os.PathLike[str], saves_dir: str | os.PathLike[str] = "saves") -> Path:
    """The file a user means: a path (".toml" optional), a name in the saves folder, "latest" (the one
    game's latest autosave; ManyGames when the folder holds several), or a game's name or id (its latest
    autosave, or its newest named save)."""
    saves_dir = Path(saves_dir)
    text = os.fspath(name)
    if text == LATEST:
        games = _autosaved_games(saves_dir)
        if not games:
            path = saves_dir / AUTOSAVE
            raise SaveError(path, 0, "there is no autosave yet: autosaves are written once a game has begun")
        if len(games) > 1:
            raise ManyGames(
                saves_dir / AUTOSAVE, games, f"{len(games)} games have autosaves here, so latest could be any of them:"
            )
        return games[0].path
    given = Path(text)
    candidates = [given, given.with_name(given.name + SUFFIX)] if given.name else [given]
    if not given.is_absolute() and given.parent == Path():
        candidates += [saves_dir / given, saves_dir / (given.name + SUFFIX)]
    for path in candidates:
        if _is_file(path) or _odd(path):  # a device, pipe or broken link is refused when read, with its reason
            return path
    if text.strip():
        found = _game_named(text, saves_dir)
        if found is not None:
            return found
    raise SaveError(
        _short(text), 0, f"there is no such save or game (looked for it as given and in {shown(saves_dir)}/)"
    )


def _game_named(text: str, saves_dir: Path) -> Path | None:
    """A game's latest autosave by its id or name (any case); else its newest named save."""
    games = _autosaved_games(saves_dir)
    by_id = [g for g in games if g.game == text]
    if by_id:
        return by_id[0].path
    folded = text.strip().casefold()
    by_name = [g for g in games if g.name and g.name.casefold() == folded]
    if len(by_name) > 1:
        raise ManyGames(saves_dir / AUTOSAVE, by_name, f'{len(by_name)} games are called "{text}":')
    if by_name:
        return by_name[0].path
    named = [
        (summary.when, path)
        for path, summary in _named(saves_dir)
        if summary is not None and (summary.game == text or (summary.name and summary.name.casefold() == folded))
    ]
    return max(named)[1] if named else None


# --- autosaves -------------------------------------------------------------------------------------


class Autosaver:
    """Use as `Session.on_change`: after every change, write the game's next `NNNNNN.toml` in
    `folder/<game id>/`, keep the last `keep`, and refresh that folder's `latest.toml`. Each file is
    written atomically, so a crash leaves only whole saves. The game id is read at each call, so a
    branch gets a folder of its own; the game's lock is taken before its first autosave and given up
    when the game changes or `close()` is called.

    `label` goes into each autosave. `checkpoints` and `pins` are for front ends that keep their own
    (None: the session's table holds them).
    """

    def __init__(
        self,
        folder: str | os.PathLike[str],
        keep: int = 10,
        label: str = "autosave",
        checkpoints: Iterable[Checkpoint] = (),
        pins: Mapping[str, str] | None = None,
        lock: bool = True,
    ) -> None:
        if keep < 1:
            raise ValueError("keep at least one autosave")
        self.folder = Path(folder)
        self.keep = keep
        self.label = label
        self.checkpoints: list[Checkpoint] = list(checkpoints)
        self.pins: dict[str, str] | None = dict(pins) if pins is not None else None
        self.lock = lock
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError(self.folder, 0, f"cannot make the autosave folder: {exc.strerror or exc}") from None
        self.game = ""  # the game whose folder is open
        self.written: list[int] = []
        self._lock: GameLock | None = None
        self._last: tuple[str, int, int] | None = None

    def game_folder(self, game_id: str) -> Path:
        return self.folder / game_id

    def __call__(self, session: Session) -> Path | None:
        """Autosave the session; None when nothing changed since the last autosave. A SaveError (a full
        disk, another process holding the game) reaches the front end after the move has been made,
        so the game itself is safe."""
        key = (session.game_id, session.revision, len(session.moves))
        if self._last == key:
            return None
        if session.game_id != self.game:
            self._open(session.game_id)
        record = record_of(session, self.label, checkpoints=self.checkpoints or None, pins=self.pins)
        text = dumps(record)
        private = bool(record.pins)
        folder = self.game_folder(self.game)
        number = (self.written[-1] + 1) if self.written else 1
        path = folder / f"{number:06d}{SUFFIX}"
        atomic_write(path, text, private)
        self.written.append(number)
        atomic_write(folder / f"{LATEST}{SUFFIX}", text, private)
        while len(self.written) > self.keep:
            with suppress(FileNotFoundError):
                (folder / f"{self.written.pop(0):06d}{SUFFIX}").unlink()
        self._last = key
        return path

    def _open(self, game_id: str) -> None:
        """Start writing a game's folder: lock it, clear what a crash left, and carry on its numbering."""
        if not GAME_ID.fullmatch(game_id):
            raise SaveError(self.folder, 0, f'"{_short(game_id)}" cannot be a game id: it names a folder')
        folder = self.game_folder(game_id)
        try:
            folder.mkdir(exist_ok=True)
        except OSError as exc:
            raise SaveError(folder, 0, f"cannot make the game's autosave folder: {exc.strerror or exc}") from None
        lock = GameLock.at(folder) if self.lock else None
        if lock is not None:
            lock.acquire()
        self.close()
        self._lock, self.game = lock, game_id
        for stale in folder.iterdir():  # left by a write that a crash interrupted
            if _TEMP.fullmatch(stale.name):
                with suppress(OSError):
                    stale.unlink()
        self.written = sorted(int(m.group(1)) for p in folder.iterdir() if (m := _NUMBERED.fullmatch(p.name)))

    def close(self) -> None:
        """Give up the lock of the game being autosaved (the files stay)."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self.game = ""
