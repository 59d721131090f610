"""What every command shares: exit codes, the argument parser's wording, finding the scenario, and the
checks of arguments several commands take (--role, --from/--to, a new save's name)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's default exit code is 2 already; keep its wording short
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"bigshire: {message}\n")


def scenario_dir(value: str | None) -> Path | None:
    """The folder of --scenario NAME_OR_DIR (the built-in scenario when not given), or None after saying why not."""
    from ..content import UnknownScenario, find_scenario

    try:
        return find_scenario(value)
    except UnknownScenario as exc:
        print(f"bigshire: {exc}", file=sys.stderr)
        return None


def load(args: argparse.Namespace):
    """The scenario, or None after printing its problems (content errors are the user's to fix)."""
    from ..content import read_scenario

    root = scenario_dir(args.scenario)
    if root is None:
        return None
    scenario, diagnostics = read_scenario(root)
    if scenario is None:
        for d in diagnostics:
            print(d.render(), file=sys.stderr)
        print(
            f"bigshire: the scenario has errors; for the full list, run: {validate_command(args.scenario)}",
            file=sys.stderr,
        )
    return scenario


def load_for_save(args: argparse.Namespace):
    """The scenario for a command on a save: the one --scenario names, or None to let the save find its own
    (by the installed name or the folder it was played from); False after printing the scenario's problems."""
    if not args.scenario:
        return None
    return load(args) or False


def validate_command(scenario: str | os.PathLike[str] | None) -> str:
    """The command that lists every problem of this scenario folder (the built-in one when None)."""
    import shlex

    return f"bigshire validate --scenario {shlex.quote(os.fspath(scenario))}" if scenario else "bigshire validate"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def free_save_path(args: argparse.Namespace, name: str):
    """Where a new save called `name` goes, checked before any work is done; False after printing why not."""
    from ..saves import SaveError, save_path

    try:
        target = save_path(args.saves, name)
    except SaveError as exc:
        print(f"bigshire: {exc}", file=sys.stderr)
        return False
    if target.exists() and not args.force:
        print(
            f"bigshire: {target}: a save with this name already exists; choose another name, or add --force",
            file=sys.stderr,
        )
        return False
    return target


def role_arg(scenario, given: str | None):
    """The role id for --role (an id or a name, any case), None for everyone, or False after saying why not."""
    from ..content.diagnostics import suggest

    if given is None:
        return None
    names = {rid: rid for rid in scenario.roles}
    for rid, role in scenario.roles.items():
        names[role.short_name.casefold()] = rid
        names[role.name.casefold()] = rid
    found = names.get(given) or names.get(given.casefold())
    if found:
        return found
    hint = suggest(given, scenario.roles) or suggest(given.casefold(), names)
    print(
        f'bigshire: --role: "{given}" is not an organisation in {scenario.title}.'
        + (hint or f" Use one of: {', '.join(scenario.roles)}."),
        file=sys.stderr,
    )
    return False


def months_arg(scenario, first: str | None, last: str | None):
    """(first, last) month index for --from/--to, None for the whole game, or False after saying why not."""
    from ..vocabulary.words import example_month, month_label

    if first is None and last is None:
        return None
    found = []
    for option, given, default in (("--from", first, 0), ("--to", last, len(scenario.months) - 1)):
        if given is None:
            found.append(default)
            continue
        month = month_of(given)
        if month is None:
            example = example_month(scenario.months)
            print(
                f'bigshire: {option}: "{given}" is not a month; write it as {example} or {month_label(example)}',
                file=sys.stderr,
            )
            return False
        if month not in scenario.months:
            span = f"{scenario.months[0]} to {scenario.months[-1]}"
            print(f"bigshire: {option}: {given} is outside the game, which runs from {span}", file=sys.stderr)
            return False
        found.append(scenario.months.index(month))
    if found[0] > found[1]:
        print("bigshire: --from must not come after --to", file=sys.stderr)
        return False
    return found[0], found[1]


def month_of(text: str) -> str | None:
    """ "2013-10" from "2013-10", "October 2013" or "Oct 2013"."""
    from ..vocabulary.words import MONTH_NAMES, parse_month

    text = text.strip()
    if parse_month(text):
        return text
    parts = text.split()
    if len(parts) == 2 and parts[1].isdigit() and len(parts[1]) == 4:
        word = parts[0].casefold()
        for number, name in enumerate(MONTH_NAMES, 1):
            if word in (name.casefold(), name[:3].casefold()):
                return f"{parts[1]}-{number:02d}"
    return None


def write_atomically(path: Path, text: str) -> None:
    """All or nothing: a temporary file beside the target, flushed, fsynced and renamed over it."""
    import contextlib
    import os
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        from ..saves.store import umask

        os.chmod(tmp, 0o666 & ~umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def scenario_option(p: argparse.ArgumentParser, saved: bool = False) -> None:
    default = "the one the save was played with" if saved else "the built-in one"
    p.add_argument(
        "--scenario",
        metavar="NAME_OR_DIR",
        help=f"an installed scenario (see bigshire scenarios) or a scenario's folder (default: {default})",
    )


def saves_options(p: argparse.ArgumentParser, force: str | None = None) -> None:
    p.add_argument("--saves", default="saves", metavar="DIR", help="the saves folder (default: ./saves)")
    if force:
        p.add_argument("--force", action="store_true", help=force)
