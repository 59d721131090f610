"""Commands about the saves folder: `saves` lists its games, `branch` starts a new game from one of them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import EXIT_OK, EXIT_PROBLEMS, free_save_path, load_for_save


def cmd_saves(args: argparse.Namespace) -> int:
    from ..content import month_label
    from ..saves import SaveError, games_table, list_games, read_record

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
    from ..content import month_label
    from ..saves import SaveError, branch, branch_point, load_record, record_of, write_record

    target = free_save_path(args, args.name)
    if target is False:
        return EXIT_PROBLEMS
    scenario = load_for_save(args)
    if scenario is False:
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
