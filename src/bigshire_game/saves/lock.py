"""One process writes a game at a time: a lock file in the game's autosave folder names the process
that holds it, and a lock left by a process that has died is recognised and taken over.

Reviewing and debriefing only read saves, so they never take the lock.
"""

from __future__ import annotations

import os
import secrets
import socket
import sys
import tomllib
from contextlib import suppress
from pathlib import Path

from ..content.guards import FileRefused, parse_toml, read_capped
from . import layout
from .errors import SaveError, shown
from .record import now

AUTOSAVE = "autosave"
LOCK = "lock"


MAX_LOCK_BYTES = 64 * 1024  # a lock holds a few lines


class GameInUse(SaveError):
    """The game is open in another live process: the one refusal that must stop a second table."""


def _boot_id() -> str:
    """This computer's boot, where the system says (Linux), so a lock left before a restart is stale."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return ""


_BOOT = _boot_id()


def alive(pid: int) -> bool:
    """Whether a process with this id is running on this computer (a zombie counts as ended)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - os.kill(pid, 0) would end the process on Windows
        return _alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OSError:
        return False
    with suppress(OSError, IndexError):
        stat = Path(f"/proc/{pid}/stat").read_text()
        if stat[stat.rindex(")") + 2] == "Z":
            return False
    return True


def _alive_windows(pid: int) -> bool:  # pragma: no cover
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    code = ctypes.c_ulong()
    try:
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
    finally:
        kernel.CloseHandle(handle)
    return code.value == 259  # STILL_ACTIVE


def _command() -> str:
    args = [Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "python", *sys.argv[1:]]
    if args[0] in ("__main__.py", "-m", "-c"):
        args[0] = "bigshire"
    text = " ".join(args)
    return text if len(text) <= 200 else text[:197] + "..."


class GameLock:
    """`autosave/<game>/lock`, created atomically, holding the pid, host, time and command of its holder.
    Use `acquire()` and `release()`, or `with GameLock(saves_dir, game):`."""

    def __init__(self, saves_dir: str | os.PathLike[str], game_id: str) -> None:
        self.game = game_id
        self.path = Path(saves_dir) / AUTOSAVE / game_id / LOCK
        self.held = False
        self.took_over = ""  # who held a stale lock this one replaced, for a front end to mention

    @classmethod
    def at(cls, game_folder: str | os.PathLike[str]) -> GameLock:
        """The lock of a game whose autosave folder is `game_folder`."""
        folder = Path(game_folder)
        lock = cls(folder.parent.parent, folder.name)
        lock.path = folder / LOCK
        return lock

    def acquire(self) -> GameLock:
        """Take the lock, or raise SaveError naming the live process that holds it."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError(
                self.path.parent, 0, f"cannot make the game's autosave folder: {exc.strerror or exc}"
            ) from None
        for _ in range(5):
            try:
                self._create()
            except FileExistsError:
                pass
            else:
                self.held = True
                return self
            holder = self._holder()
            if holder is None:
                continue  # released between our attempt and our look: try again
            if self._ours(holder):
                self.held = True
                return self
            if not holder:  # not a lock any process wrote whole: a remnant
                self._remove_stale(holder)
                continue
            if holder.get("host") != socket.gethostname():
                raise GameInUse(self.path, 0, self._held_elsewhere(holder))
            pid = holder.get("pid")
            same_boot = holder.get("boot", _BOOT) == _BOOT  # after a restart, a pid names another process
            if isinstance(pid, int) and not isinstance(pid, bool) and same_boot and alive(pid):
                raise GameInUse(self.path, 0, self._held_here(holder))
            self._remove_stale(holder)
        raise SaveError(self.path, 0, "cannot take this game's lock: other processes keep taking it; try again")

    def release(self) -> None:
        """Give the lock up (only if this process still holds it)."""
        if not self.held:
            return
        self.held = False
        holder = self._holder()
        if holder is not None and self._ours(holder):
            with suppress(OSError):
                self.path.unlink()

    def __enter__(self) -> GameLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()

    # --- the file ----------------------------------------------------------------------------------

    def _text(self) -> str:
        body = {"pid": os.getpid(), "host": socket.gethostname(), "time": now(), "command": _command()}
        if _BOOT:
            body["boot"] = _BOOT
        return (
            "# This game is open in the process below; Bigshire removes this file when it closes the game.\n"
            + "".join(layout.pairs(body))
        )

    def _create(self) -> None:
        """All or nothing: write a temporary file, then link it to the lock's name (which fails if taken)."""
        data = self._text().encode("utf-8")
        tmp = self.path.with_name(f".{LOCK}.{secrets.token_hex(4)}.tmp")
        try:
            with open(tmp, "xb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            try:
                os.link(tmp, self.path)
            except FileExistsError:
                raise
            except OSError:  # a file system without hard links: exclusive create instead
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
        except FileExistsError:
            raise
        except OSError as exc:
            raise SaveError(self.path, 0, f"cannot lock this game: {exc.strerror or exc}") from None
        finally:
            with suppress(OSError):
                os.unlink(tmp)

    def _holder(self) -> dict[str, object] | None:
        """What the lock file says; {} when it cannot be read as a lock (a stale remnant), None when absent."""
        return _lock_text(self.path)

    @staticmethod
    def _ours(holder: dict[str, object]) -> bool:
        return holder.get("pid") == os.getpid() and holder.get("host") == socket.gethostname()

    def _remove_stale(self, holder: dict[str, object]) -> None:
        """Move the stale lock aside; if it turns out not to be the one judged stale, put it back."""
        aside = self.path.with_name(f".{LOCK}.stale.{secrets.token_hex(4)}")
        try:
            os.rename(self.path, aside)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise SaveError(self.path, 0, f"cannot take over a stale lock: {exc.strerror or exc}") from None
        moved = _lock_text(aside) or {}
        if moved != holder:  # another process took the lock meanwhile: give it back
            with suppress(OSError):
                os.link(aside, self.path)
        else:
            self.took_over = _describe(holder) or "an unreadable lock"
        with suppress(OSError):
            aside.unlink()

    def _held_here(self, holder: dict[str, object]) -> str:
        return (
            f"this game is already open in another process ({_describe(holder)}): close the game there first, "
            "or open it read-only with --review"
        )

    def _held_elsewhere(self, holder: dict[str, object]) -> str:
        return (
            f"this game is open on another computer ({_describe(holder)}); this computer cannot tell whether "
            f"that process is still running: if it is not, delete {shown(self.path)}"
        )


def _lock_text(path: Path) -> dict[str, object] | None:
    """A lock file's table; {} when it cannot be read as a lock (a stale remnant), None when it is gone."""
    try:
        text = read_capped(path, MAX_LOCK_BYTES, "lock").decode("utf-8")
        holder, _ = parse_toml(text)
    except FileRefused:
        return None if not os.path.lexists(path) else {}
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    return holder or {}


def _describe(holder: dict[str, object]) -> str:
    text = f"pid {holder.get('pid', '?')}"
    host = holder.get("host")
    if host:
        text += f" on {host}" if host != socket.gethostname() else " on this computer"
    when = holder.get("time")
    if isinstance(when, str) and when:
        text += ", since " + when.replace("T", " ").replace("Z", " UTC")
    command = holder.get("command")
    return f"{text}: {command}" if command else text
