"""The `bigshire` command: a thin front end over content, engine, saves and debrief.

Heavy modules are imported inside each command so that `bigshire validate`
starts quickly and never loads the terminal UI.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's default exit code is 2 already; keep its wording short
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"bigshire: {message}\n")


def _scenario_dir(value: str | None) -> Path:
    from .content import builtin_scenario_dir

    return Path(value) if value else builtin_scenario_dir()


def cmd_validate(args: argparse.Namespace) -> int:
    from .content.validate import validation

    if args.scenario and args.scenario_dir and Path(args.scenario) != Path(args.scenario_dir):
        print(
            f"bigshire: two scenario folders given ({args.scenario_dir} and --scenario {args.scenario}); give one",
            file=sys.stderr,
        )
        return EXIT_USAGE
    done = validation(args.scenario or args.scenario_dir, tuple(args.deck), args.format)
    sys.stdout.write(done.out)
    sys.stderr.write(done.err)
    return done.code


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def cmd_schema(args: argparse.Namespace) -> int:
    from .content.schema import write_schemas

    for path in write_schemas(Path(args.output)):
        print(path)
    return EXIT_OK


def _load(args: argparse.Namespace):
    """The scenario, or None after printing its problems (content errors are the user's to fix)."""
    from .content import read_scenario

    scenario, diagnostics = read_scenario(_scenario_dir(args.scenario))
    if scenario is None:
        for d in diagnostics:
            print(d.render(), file=sys.stderr)
        print(
            f"bigshire: the scenario has errors; for the full list, run: {validate_command(args.scenario)}",
            file=sys.stderr,
        )
    return scenario


def validate_command(scenario: str | os.PathLike[str] | None) -> str:
    """The command that lists every problem of this scenario folder (the built-in one when None)."""
    import shlex

    return f"bigshire validate --scenario {shlex.quote(os.fspath(scenario))}" if scenario else "bigshire validate"


def cmd_simulate(args: argparse.Namespace) -> int:
    from . import simulate

    if args.jobs is None:  # a sweep uses every core unless told otherwise; small sweeps need no more processes
        args.jobs = max(1, min(os.cpu_count() or 1, args.games // 20))
    if args.games < 1 or args.jobs < 1 or (args.months is not None and args.months < 1):
        print("bigshire: --games, --jobs and --months must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if args.save and args.games != 1:
        print("bigshire: --save keeps one game; leave out --games", file=sys.stderr)
        return EXIT_USAGE
    target = _free_save_path(args, args.save) if args.save else None
    if target is False:
        return EXIT_PROBLEMS
    paths = _export_paths(args.events, args.outcomes)
    if paths is None:
        return EXIT_PROBLEMS
    scenario = _load(args)
    if scenario is None:
        return EXIT_PROBLEMS
    from .export import ExportError, GameFiles, export_game, outputs

    try:
        with outputs(*paths) as opened:
            files = GameFiles(*opened)
            if args.games == 1:
                game = simulate.play(scenario, args.seed, args.months)
                print(f"{scenario.title} — seed {args.seed}, every organisation played by the computer")
                simulate.summary(scenario, game, sys.stdout)
                if files.wanted:
                    files.add(export_game(scenario, args.seed, game.moves, files.wanted))
            else:
                seeds = simulate.seeds_from(args.seed, args.games)
                outcomes = simulate.sweep(scenario, seeds, args.jobs, sys.stderr, files if files.wanted else None)
                simulate.report(scenario, outcomes, sys.stdout)
    except ExportError as exc:
        print(f"bigshire: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    _say_written(scenario, files, *paths)
    if args.games == 1 and target:
        return _save_simulated(args, scenario, game, target)
    return EXIT_OK


def _export_paths(events: str | None, outcomes: str | None):
    """The events, outcomes and themes files asked for (None where not), or None after saying why two
    of them would be the same file."""
    from .export import themes_path

    themes = themes_path(Path(outcomes)) if outcomes else None
    paths = (Path(events) if events else None, Path(outcomes) if outcomes else None, themes)
    named = [p for p in paths if p is not None]
    for i, path in enumerate(named):
        for other in named[i + 1 :]:
            if path.resolve() == other.resolve():
                print(
                    f"bigshire: {path}: given for two files; give --events and --outcomes different names",
                    file=sys.stderr,
                )
                return None
    return paths


def _say_written(scenario, files, events: Path | None, organisations: Path | None, themes: Path | None) -> None:
    games = _plural(files.games, "game")
    if events is not None:
        print(f"Wrote {files.lines:,} events of {games} to {events}.")
    if organisations is not None and themes is not None:
        rows = files.games * len(scenario.roles)
        print(
            f"Wrote {games}' outcomes to {organisations} ({_plural(rows, 'row')}, one per organisation) "
            f"and their themes to {themes} ({_plural(files.games * len(scenario.info.themes), 'row')})."
        )


def _free_save_path(args: argparse.Namespace, name: str):
    """Where a new save called `name` goes, checked before any work is done; False after printing why not."""
    from .saves import SaveError, save_path

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


def _save_simulated(args: argparse.Namespace, scenario, game, target: Path) -> int:
    from .saves import SaveError, record_of, write_record
    from .session import Session

    session = Session.of_played(scenario, args.seed, game)
    record = record_of(session, label=f"simulated game, seed {args.seed}")
    try:
        path = write_record(record, target, force=args.force)
    except SaveError as exc:
        print(f"bigshire: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Saved the game to {path} ({len(record.moves)} moves).")
    return EXIT_OK


def cmd_saves(args: argparse.Namespace) -> int:
    from .content import month_label
    from .saves import SaveError, games_table, list_games, read_record

    games = list_games(args.saves)
    named = sorted(p for p in Path(args.saves).glob("*.toml") if p.is_file() and not p.name.startswith("."))
    if not games and not named:
        print(f"No saves in {args.saves}.")
        return EXIT_OK
    if games:
        print("Games (continue one with: bigshire play --load NAME_OR_ID):")
        for game, line in zip(games, games_table(games).splitlines(), strict=True):
            print(line)
            marks = ", ".join(f'"{c.label}" (move {c.moves}, {month_label(c.month)})' for c in game.checkpoints)
            if marks:
                print(f"      checkpoints: {marks}")
            if game.saves:
                print(f"      saves: {', '.join(p.stem for p in game.saves)}")
            if game.legacy:
                print("      (saved by an older version as autosave/latest.toml)")
    if named:
        if games:
            print()
        print("Saves:")
        rows = [("name", "game", "label", "scenario", "month reached", "saved")]
        for path in named:
            try:
                r = read_record(path)
            except SaveError as exc:
                rows.append((path.stem, "", f"cannot be read: {exc.reason}", "", "", ""))
                continue
            saved = r.created.replace("T", " ").replace("Z", " UTC")
            finished = " (finished)" if r.snapshot.finished else ""
            rows.append((path.stem, r.name or r.game, r.label, r.scenario, month_label(r.month) + finished, saved))
        widths = [max(len(row[i]) for row in rows) for i in range(5)]
        for row in rows:
            cells = "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
            print(f"  {cells}  {row[5]}".rstrip())
    return EXIT_OK


def cmd_branch(args: argparse.Namespace) -> int:
    from .content import month_label
    from .saves import SaveError, branch, branch_point, load_record, record_of, write_record

    target = _free_save_path(args, args.name)
    if target is False:
        return EXIT_PROBLEMS
    scenario = _load(args)
    if scenario is None:
        return EXIT_PROBLEMS
    try:
        loaded = load_record(args.save, scenario, saves_dir=args.saves)
        for warning in loaded.warnings:
            print(f"bigshire: warning: {warning}", file=sys.stderr)
        if target.resolve() == loaded.path.resolve():
            print(
                "bigshire: a branch goes to a new file: give --name a name other than the save's own", file=sys.stderr
            )
            return EXIT_PROBLEMS
        count = branch_point(loaded, args.at)
        session = branch(loaded, args.at).branched(args.name.strip())
        source = loaded.record.name or (
            loaded.record.label if loaded.record.label not in ("", "autosave") else f"game {loaded.record.game}"
        )
        record = record_of(session, label=f"branch of {source} at {args.at}")
        path = write_record(record, target, force=args.force)
    except SaveError as exc:
        print(f"bigshire: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(
        f"Wrote {path}: a new game from {loaded.path} after move {count} of {len(loaded.record.moves)} "
        f"({month_label(record.month)}); {loaded.path} is unchanged."
    )
    print(f'The new game is "{record.name}" (id {record.game}, branched from game {record.parent}).')
    return EXIT_OK


def cmd_play(args: argparse.Namespace) -> int:
    from .tui.play import play

    return play(args, args.parser)


def cmd_debrief(args: argparse.Namespace) -> int:
    from .debrief import DebriefError, Game, debrief_games, to_markdown, to_text
    from .saves import SaveError, load_record

    scenario = _load(args)
    if scenario is None:
        return EXIT_PROBLEMS
    role = _role_arg(scenario, args.role)
    months = _months_arg(scenario, args.from_month, args.to_month)
    if role is False or months is False:
        return EXIT_USAGE
    games = []
    try:
        for name in [args.save, *([args.other] if args.other else [])]:
            loaded = load_record(name, scenario, saves_dir=args.saves)
            for warning in loaded.warnings:
                print(f"bigshire: warning: {warning}", file=sys.stderr)
            games.append(Game(loaded.path.stem, loaded.record.seed, loaded.record.moves, loaded.record.table_log))
        debrief = debrief_games(scenario, games, role, months)
    except (SaveError, DebriefError) as exc:
        print(f"bigshire: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    text = to_markdown(debrief) if args.format == "markdown" else to_text(debrief)
    if not args.output:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        _write_atomically(Path(args.output), text)
    except OSError as exc:
        print(f"bigshire: {args.output}: cannot write the debrief: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Wrote the debrief to {args.output}.")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from .export import ExportError, GameId, lines, outputs, trace
    from .saves import SaveError, load_record

    scenario = _load(args)
    if scenario is None:
        return EXIT_PROBLEMS
    role = _role_arg(scenario, args.role)
    if role is False:
        return EXIT_PROBLEMS
    try:
        loaded = load_record(args.save, scenario, saves_dir=args.saves)
    except SaveError as exc:
        print(f"bigshire: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    for warning in loaded.warnings:
        print(f"bigshire: warning: {warning}", file=sys.stderr)
    record = loaded.record
    game = GameId(record.game, record.seed, scenario.id, scenario.content_hash)
    traced = trace(scenario, record.seed, record.moves)
    written = 0
    try:
        with outputs(args.events) as (out,):
            for line in lines(scenario, game, traced, role):
                out.write(line)
                written += 1
    except ExportError as exc:
        print(f"bigshire: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    game_words = f"game {record.game} (seed {record.seed})"
    if role:
        who = scenario.roles[role].short_name
        print(
            f"Wrote {written:,} of the {len(traced.events):,} events of {game_words}, those {who} could see, to {args.events}."
        )
    else:
        print(f"Wrote {written:,} events of {game_words} to {args.events}.")
    return EXIT_OK


def _role_arg(scenario, given: str | None):
    """The role id for --role (an id or a name, any case), None for everyone, or False after saying why not."""
    from .content.diagnostics import suggest

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


def _months_arg(scenario, first: str | None, last: str | None):
    """(first, last) month index for --from/--to, None for the whole game, or False after saying why not."""
    from .vocabulary.words import example_month, month_label

    if first is None and last is None:
        return None
    found = []
    for option, given, default in (("--from", first, 0), ("--to", last, len(scenario.months) - 1)):
        if given is None:
            found.append(default)
            continue
        month = _month_of(given)
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


def _month_of(text: str) -> str | None:
    """ "2013-10" from "2013-10", "October 2013" or "Oct 2013"."""
    from .vocabulary.words import MONTH_NAMES, parse_month

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


def _write_atomically(path: Path, text: str) -> None:
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
        from .saves.store import umask

        os.chmod(tmp, 0o666 & ~umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bigshire", description="Bigshire: a year in a reformed health system, played in a day.")
    parser.add_argument("--version", action="version", version=f"bigshire {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("validate", help="check a scenario's TOML files and list every problem")
    p.add_argument(
        "scenario_dir",
        nargs="?",
        metavar="SCENARIO_DIR",
        help="folder with content/, roles/, decks/ (default: built-in Bigshire)",
    )
    p.add_argument("--scenario", metavar="DIR", help="the same folder given as on play and simulate")
    p.add_argument("--deck", action="append", default=[], metavar="FILE", help="also check this deck file (repeatable)")
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="text for people, json for editors and CI"
    )
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("simulate", help="play whole games with the computer in every seat")
    p.add_argument("--scenario", metavar="DIR", help="scenario folder (default: built-in Bigshire)")
    p.add_argument("--seed", type=int, default=1, help="the game's seed (a sweep uses this and the following seeds)")
    p.add_argument("--months", type=int, metavar="N", help="stop after N turns (default: the whole game)")
    p.add_argument("--games", type=int, default=1, metavar="N", help="play N games and report outcome distributions")
    p.add_argument(
        "--jobs", type=int, metavar="J", help="processes to use for a sweep (default: every core, for 40 games or more)"
    )
    p.add_argument("--save", metavar="NAME", help="keep the finished game as a save called NAME")
    p.add_argument(
        "--events", metavar="FILE", help="write every game's events as JSON Lines (gzipped if FILE ends in .gz)"
    )
    p.add_argument(
        "--outcomes",
        metavar="FILE",
        help="write a CSV row per game and organisation to FILE, and per game and theme to FILE-themes (see docs/events.md)",
    )
    _saves_options(p, force="replace a save of the same name")
    p.set_defaults(func=cmd_simulate)

    p = sub.add_parser("export", help="write a saved game's events as JSON Lines, for analysis in pandas or R")
    p.add_argument(
        "save", metavar="SAVE", help='a save file, a name in the saves folder, a game\'s name or id, or "latest"'
    )
    p.add_argument(
        "--events", required=True, metavar="FILE", help="the file to write (gzipped if FILE ends in .gz; replaced)"
    )
    p.add_argument("--role", metavar="ROLE", help="only what this organisation knew (its id or its name)")
    p.add_argument("--scenario", metavar="DIR", help="scenario folder (default: built-in Bigshire)")
    _saves_options(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("saves", help="list the games in the saves folder, with their checkpoints and saves")
    _saves_options(p)
    p.set_defaults(func=cmd_saves)

    p = sub.add_parser("branch", help="start a new game from a checkpoint or move of a save; the save is untouched")
    p.add_argument(
        "save", metavar="SAVE", help='a save file, a name in the saves folder, a game\'s name or id, or "latest"'
    )
    p.add_argument("--at", required=True, metavar="POINT", help="a checkpoint's label, or a number of moves")
    p.add_argument("--name", required=True, metavar="NEW", help="the new game's name, and its save's")
    p.add_argument("--scenario", metavar="DIR", help="scenario folder (default: built-in Bigshire)")
    _saves_options(p, force="replace a save called NEW")
    p.set_defaults(func=cmd_branch)

    p = sub.add_parser("play", help="play at this terminal: hot-seat, with the computer in the empty seats")
    from .tui.launch import add_arguments as play_arguments  # argparse only: the game itself loads when it runs

    play_arguments(p)
    _saves_options(p)
    p.set_defaults(func=cmd_play, parser=p)

    p = sub.add_parser(
        "debrief",
        help="write an observer's account of a saved game, of what happened between two saves, or of two branches",
    )
    p.add_argument("save", metavar="SAVE", help='a save file, a name in the saves folder, or "latest"')
    p.add_argument(
        "other",
        nargs="?",
        metavar="OTHER_SAVE",
        help="a later save of the same game (what happened between them), or another branch of it",
    )
    p.add_argument(
        "--from",
        dest="from_month",
        metavar="MONTH",
        help="start at this month (its number or its name: 2025-04 or April 2025)",
    )
    p.add_argument("--to", dest="to_month", metavar="MONTH", help="end with this month")
    p.add_argument("--role", metavar="ROLE", help="only what this organisation knew (its id or its name)")
    p.add_argument("--format", choices=("markdown", "text"), default="markdown", help="markdown (default) or text")
    p.add_argument(
        "--output", metavar="FILE", help="write to FILE (replacing it: a debrief can always be written again)"
    )
    p.add_argument("--scenario", metavar="DIR", help="scenario folder (default: built-in Bigshire)")
    _saves_options(p)
    p.set_defaults(func=cmd_debrief)

    p = sub.add_parser("schema", help="write JSON Schemas for scenario, role and deck files")
    p.add_argument("--output", default="schemas", metavar="DIR", help="folder to write into (default: schemas)")
    p.set_defaults(func=cmd_schema)
    return parser


def _saves_options(p: argparse.ArgumentParser, force: str | None = None) -> None:
    p.add_argument("--saves", default="saves", metavar="DIR", help="the saves folder (default: ./saves)")
    if force:
        p.add_argument("--force", action="store_true", help=force)


def _version() -> str:
    from . import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
