"""A thousand hostile files fed to `bigshire validate`: deep nesting, numbers past 64 bits or of thousands of
digits, NaN and infinities, overlong texts, keys and lines, control characters, and files that are folders,
devices, pipes, broken links or too big. Every one must give exit 1, a JSON document, and printable
diagnostics that name the damaged file; never a traceback, a hang or an escape sequence echoed raw.

The cases are drawn from a fixed seed over the small test scenario (tests/data/mini_scenario with the
shipped scenario.toml), one file damaged at a time and restored after; validate runs in-process.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
from pathlib import Path

import pytest

from bigshire_game.content import guards
from bigshire_game.content.diagnostics import printable
from bigshire_game.content.validate import validation

MINI = Path(__file__).parent / "data" / "mini_scenario"
BATCHES, PER_BATCH = 10, 100  # 1,000 cases
TARGETS = (
    "content/scenario.toml",
    "roles/vale.toml",
    "roles/vale_hospital.toml",
    "decks/news.toml",
    "content/narrative.toml",  # optional, absent until damaged
    "roles/added.toml",
    "decks/added.toml",
    "roles/\x1b[2Jadded\u2028.toml",
)
ESCAPES = ("\\u001b[31m", "\\u001b[2J", "\\u0000", "\\u0007", "\\u007f", "\\u0085", "\\u2028", "\\u2029", "\\u202e")
RAW = ("\u2028", "\u2029", "\u202e", "\u2066", "\u0085", "\u009b")  # allowed raw by TOML in a string
HEADER = re.compile(r"^\[", re.M)
KEY_LINE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]* = ", re.M)
LEAKS = ("Traceback", "<class", "object at 0x", "Error:")


def hostile_value(rng: random.Random) -> str:
    """A TOML value that parses (or fails to parse) into something no content may hold."""
    n = rng.choice((33, 40, 200, 1200, 5000))
    kind = rng.randrange(12)
    if kind == 0:
        return "[" * n + rng.choice(("", "1", '"a"', "{}")) + "]" * n
    if kind == 1:
        return "{ a = " * n + "1" + " }" * n
    if kind == 2:
        return (
            str(rng.choice((2**63, 2**64, 10**30)) + rng.randrange(1000)) if rng.random() < 0.7 else str(-(2**63) - 1)
        )
    if kind == 3:
        return rng.choice(("9", "-1", "1_0")) + "0" * rng.choice((20, 300, 4300, 5000))
    if kind == 4:
        return "0x" + "f" * rng.choice((17, 100, 4000))
    if kind == 5:
        return rng.choice(("nan", "+nan", "-nan", "inf", "+inf", "-inf", "1e400", "-1e999"))
    if kind == 6:
        return '"' + "x" * rng.choice((20_001, 60_000, 100_001)) + '"'
    if kind == 7:
        return '"""' + "a line of text\n" * rng.choice((1400, 5000)) + '"""'
    if kind == 8:
        return '"' + "a" * rng.choice((0, 5, 200)) + rng.choice(ESCAPES) + "b" * rng.choice((0, 3, 100)) + '"'
    if kind == 9:
        return "'" + "a" * rng.choice((0, 5, 80)) + rng.choice(RAW) + "'"
    if kind == 10:
        return "[1, " + hostile_value(rng) + "]"
    return "{ ok = 1, bad = " + hostile_value(rng) + " }"


def hostile_key(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return '"k' + rng.choice(ESCAPES) + '"'
    if kind == 1:
        return "k" * rng.choice((201, 1000, 90_000))
    if kind == 2:
        return ".".join(["a"] * rng.choice((34, 100, 5000)))
    return '"' + rng.choice(RAW) + '"'


def damage_text(rng: random.Random, text: str) -> str:
    """The file with a hostile key or value added where a key may stand, or one value replaced."""
    line = (
        f"{hostile_key(rng)} = 1"
        if rng.random() < 0.25
        else f"{rng.choice(('hostile', 'note', 'extra'))} = {hostile_value(rng)}"
    )
    where = rng.randrange(4)
    if where == 0 or not text:
        return line + "\n" + text  # before any table: a key of the file's top table
    if where == 1:
        return text.rstrip("\n") + "\n" + line + "\n"  # in the last table
    headers = [m.end() for m in HEADER.finditer(text)]
    if where == 2 and headers:
        at = text.find("\n", rng.choice(headers))
        return text[: at + 1] + line + "\n" + text[at + 1 :] if at >= 0 else text + "\n" + line + "\n"
    keys = [m.start() for m in KEY_LINE.finditer(text)]
    if not keys:
        return line + "\n" + text
    start = rng.choice(keys)
    end = text.find("\n", start)
    key = text[start : text.index(" = ", start)]
    return text[:start] + f"{key} = {hostile_value(rng)}" + (text[end:] if end >= 0 else "")


def damage_file(rng: random.Random, path: Path, original: bytes) -> str:
    """Make `path` hostile; returns a short description of what was done, for failure messages."""
    kind = rng.randrange(10)
    if kind == 0:
        path.mkdir()
        return "a folder"
    if kind == 1:
        path.symlink_to(rng.choice(("/dev/zero", "/dev/null", "/dev/urandom")))
        return "a link to a device"
    if kind == 2:
        os.mkfifo(path)
        return "a named pipe"
    if kind == 3:
        path.symlink_to(path.parent / "nowhere.toml")
        return "a broken link"
    if kind == 4:
        path.write_bytes(original)
        os.truncate(path, guards.MAX_FILE_BYTES + 1 + rng.randrange(1000))
        return "too big"
    text = damage_text(rng, original.decode("utf-8"))
    for _ in range(rng.randrange(2)):
        text = damage_text(rng, text)
    path.write_text(text, encoding="utf-8")
    return f"edited: {text[:80]!r}…"


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory, builtin_dir) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "mini"
    shutil.copytree(MINI / "roles", root / "roles")
    shutil.copytree(MINI / "decks", root / "decks")
    (root / "content").mkdir()
    shutil.copy(builtin_dir / "content" / "scenario.toml", root / "content" / "scenario.toml")
    return root


def check(root: Path, target: str, with_text: bool) -> list[str]:
    """What is wrong with validate's answers about the damaged scenario; [] when all is well."""
    problems = []
    done = validation(root.name, (), "json")
    if done.code != 1 or done.err:
        problems.append(f"exit {done.code}, stderr {done.err!r}")
    try:
        report = json.loads(done.out)
    except ValueError:
        return [*problems, f"not JSON: {done.out[:200]!r}"]
    shown = printable(f"{root.name}/{target}")
    if not any(d["file"] == shown for d in report["diagnostics"]):
        problems.append(f"nothing said about {shown}: {report['diagnostics'][:3]}")
    for d in report["diagnostics"]:
        text = " ".join(str(d[k]) for k in ("file", "path", "message"))
        if not text.isprintable() or any(leak in text for leak in LEAKS) or len(text) > 2500 or d["line"] < 1:
            problems.append(f"bad diagnostic: {text[:200]!r}")
    if with_text:
        out = validation(root.name, (), "text").out
        if not all(line.isprintable() for line in out.splitlines()) or not out.endswith("\n"):
            problems.append(f"text output not printable: {out[:200]!r}")
    return problems


@pytest.mark.parametrize("batch", range(BATCHES))
def test_hostile_content_is_answered_with_diagnostics(batch, fuzz_root, monkeypatch):
    monkeypatch.chdir(fuzz_root.parent)
    rng = random.Random(f"hostile content {batch}")
    failures = []
    for case in range(PER_BATCH):
        target = rng.choice(TARGETS)
        path = fuzz_root / target
        original = path.read_bytes() if path.is_file() else b""
        remove(path)
        try:
            what = damage_file(rng, path, original)
            problems = check(fuzz_root, target, with_text=case % 10 == 0)
            if problems:
                failures.append(f"case {case}: {target} {what}: " + "; ".join(problems))
        finally:
            remove(path)
            if original:
                path.write_bytes(original)
    assert not failures, "\n".join(failures[:10])
