"""Commands that read a saved game for a trainer: `debrief` (the observer's account) and `export` (events as JSON Lines)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, load_for_save, months_arg, role_arg, write_atomically


def cmd_debrief(args: argparse.Namespace) -> int:
    from ..debrief import DebriefError, Game, debrief_games, to_markdown, to_text
    from ..saves import SaveError, load_record

    scenario = load_for_save(args)
    if scenario is False:
        return EXIT_PROBLEMS
    loaded_games = []
    try:
        for name in [args.save, *([args.other] if args.other else [])]:
            loaded = load_record(name, scenario, saves_dir=args.saves)
            scenario = loaded.scenario  # the first save's, found again when --scenario is not given
            loaded_games.append(loaded)
        role = role_arg(scenario, args.role)
        months = months_arg(scenario, args.from_month, args.to_month)
        if role is False or months is False:
            return EXIT_USAGE
        games = []
        for loaded in loaded_games:
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
        write_atomically(Path(args.output), text)
    except OSError as exc:
        print(f"bigshire: {args.output}: cannot write the debrief: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Wrote the debrief to {args.output}.")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from ..export import ExportError, GameId, lines, outputs, trace
    from ..saves import SaveError, load_record

    scenario = load_for_save(args)
    if scenario is False:
        return EXIT_PROBLEMS
    try:
        loaded = load_record(args.save, scenario, saves_dir=args.saves)
    except SaveError as exc:
        print(f"bigshire: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    scenario = loaded.scenario
    role = role_arg(scenario, args.role)
    if role is False:
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
