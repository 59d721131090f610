"""How quickly the terminal game starts and answers keys, measured in a real pseudo-terminal.

    python scripts/bench_tui.py [--runs N]

Launch: from starting `bigshire play` to the first screen's text arriving on the
terminal (the title screen, and a game's first screen with `--seed 1 --human
east_bigshire`). Key to render: on East Bigshire's desk, from writing a key to the
terminal to the changed screen's text arriving (switching desk tabs, opening and
closing the move menu, the engine's preview of a move, committing it, undoing it).
Goals: launch at most 0.5 s; p95 key to render at most 50 ms for a tab switch and
the menu, at most 150 ms for a preview and a commit.
Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import pty
import re
import select
import shutil
import statistics
import struct
import sys
import tempfile
import termios
import time

ANSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]")


class Terminal:
    """A child process on a 100x30 pseudo-terminal, with what it has written so far (escape codes removed)."""

    def __init__(self, argv: list[str], cwd: str) -> None:
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the game
            os.chdir(cwd)
            os.environ["TERM"] = "xterm-256color"
            os.environ.pop("TEXTUAL", None)
            os.execvp(argv[0], argv)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.text = b""

    def read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            return False
        raw = chunk
        if b"\x1b[6n" in raw:  # a cursor-position query: answer it as a terminal would
            os.write(self.fd, b"\x1b[1;1R")
        self.text += ANSI.sub(b"", raw)
        return True

    def wait_for(self, words: str, timeout: float = 10.0) -> float:
        """Seconds until `words` has appeared since the last `mark()`; raises if it never does."""
        wanted = words.encode()
        deadline = time.perf_counter() + timeout
        while wanted not in self.text:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"never saw {words!r}")
            self.read(0.05)
        return time.perf_counter()

    def mark(self) -> None:
        self.text = b""

    def send(self, keys: str) -> float:
        self.mark()
        at = time.perf_counter()
        os.write(self.fd, keys.encode())
        return at

    def quiet(self, seconds: float = 0.3) -> None:
        """Read until the program has written nothing for a while."""
        while self.read(seconds):
            pass

    def close(self) -> None:
        try:
            os.write(self.fd, b"\x11")  # ctrl+q
            time.sleep(0.3)
        except OSError:
            pass
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def bigshire() -> list[str]:
    found = shutil.which("bigshire")
    return [found] if found else [sys.executable, "-m", "bigshire_game"]


def launch(args: list[str], first_words: str, folder: str) -> float:
    term = Terminal([*bigshire(), "play", *args, "--saves", os.path.join(folder, "saves")], folder)
    try:
        return term.wait_for(first_words, 20) - term.started
    finally:
        term.close()


def key_latencies(folder: str, rounds: int) -> dict[str, list[float]]:
    term = Terminal(
        [*bigshire(), "play", "--seed", "1", "--human", "east_bigshire", "--saves", os.path.join(folder, "saves")],
        folder,
    )
    found: dict[str, list[float]] = {
        "tab": [],
        "menu": [],
        "close menu": [],
        "close (Esc)": [],
        "preview": [],
        "commit": [],
        "undo": [],
    }
    try:
        term.wait_for("News for June 2013", 20)
        term.quiet()
        term.send("\r")
        term.wait_for("Pass the keyboard to")
        term.quiet()
        term.send("\r")
        term.wait_for("Actions left")
        term.quiet()
        for _ in range(rounds):
            at = term.send("4")
            found["tab"].append(term.wait_for("Balance now") - at)
            term.quiet(0.15)
            at = term.send("1")
            found["tab"].append(term.wait_for("Actions left") - at)
            term.quiet(0.15)
            at = term.send("m")
            found["menu"].append(term.wait_for("End your turn") - at)
            term.quiet(0.15)
            at = term.send("m")
            found["close menu"].append(term.wait_for("Position") - at)
            term.quiet(0.15)
            term.send("m")
            term.wait_for("End your turn")
            term.quiet(0.15)
            at = term.send("\x1b")  # a lone Esc: the terminal parser waits to see it is not the start of a sequence
            found["close (Esc)"].append(term.wait_for("Position") - at)
            term.quiet(0.15)
            term.send("m")
            term.wait_for("End your turn")
            term.quiet(0.15)
            term.send("d")  # the decisions family, under its fixed letter
            term.wait_for("Decide:")
            term.quiet(0.15)
            at = term.send("\r")  # the engine previews the highlighted decision; nothing is played yet
            found["preview"].append(term.wait_for("Before you commit") - at)
            term.quiet(0.15)
            at = term.send("c")  # the move goes to the engine, is autosaved, and the desk is redrawn
            found["commit"].append(term.wait_for("2 of 3") - at)
            term.quiet(0.3)
            at = term.send("u")
            found["undo"].append(term.wait_for("3 of 3") - at)
            term.quiet(0.3)
    finally:
        term.close()
    return found


def p95(values: list[float]) -> float:
    """The 95th percentile, nearest rank: with few rounds, the worst but one or the worst."""
    ranked = sorted(values)
    return ranked[max(0, -(-95 * len(ranked) // 100) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="launches of each kind, and rounds of keys (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        title = [launch([], "New game", folder) for _ in range(args.runs)]
        game = [
            launch(["--seed", "1", "--human", "east_bigshire"], "News for June 2013", folder) for _ in range(args.runs)
        ]
        keys = key_latencies(folder, args.runs)
    ms = lambda xs: (  # noqa: E731
        f"median {statistics.median(xs) * 1000:6.0f} ms, p95 {p95(xs) * 1000:6.0f} ms, worst {max(xs) * 1000:6.0f} ms"
    )
    print(f"launch to the title screen          {ms(title)}   (goal 500 ms)")
    print(f"launch to a game's first screen     {ms(game)}   (goal 500 ms)")
    for name, values in keys.items():
        goal = 150 if name in ("preview", "commit", "undo") else 50
        print(f"key to render on the desk: {name:11} {ms(values)}   (goal p95 {goal} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
